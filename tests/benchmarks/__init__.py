"""Performance benchmark (not part of the normal test run): see ``bench.py``."""
