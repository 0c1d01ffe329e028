"""Keep pytest out of the benchmark: it runs on demand (``python -m tests.benchmarks.bench``), never with
the test suite (it builds databases of up to 100,000 clients)."""

collect_ignore_glob = ["*.py"]
