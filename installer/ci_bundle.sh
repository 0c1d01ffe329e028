#!/usr/bin/env bash
# CI: build the one-folder bundle from a clean, non-editable install, then prove that it runs
# on its own: the build's virtual environment is deleted first, and the self-test runs from
# another folder with an empty environment, so no Python anywhere has Continuum installed.
# Usage: bash installer/ci_bundle.sh   (2-3 minutes on 2 cores; needs the package index)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
started=$SECONDS
work=$(mktemp -d "${TMPDIR:-/tmp}/continuum-bundle.XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "== throwaway virtual environment: pip install . pyinstaller"
python3 -m venv "$work/venv"
rm -rf build/lib  # setuptools' staging folder from an earlier build would put stale modules in the wheel
"$work/venv/bin/pip" install --quiet . pyinstaller

echo "== building dist/continuum"
"$work/venv/bin/python" installer/build.py
rm -rf "$work/venv"

echo "== self-test of the bundle, from $work/elsewhere with env -i"
mkdir -p "$work/elsewhere" "$work/home"
cd "$work/elsewhere"
if env -i PATH=/usr/bin:/bin python3 -c "import ui, clinic_app" >/dev/null 2>&1; then
    echo "a Python on PATH=/usr/bin:/bin can import Continuum: this run would not prove the bundle stands alone" >&2
    exit 1
fi
echo "no Python on PATH=/usr/bin:/bin can import Continuum"
if ! env -i PATH=/usr/bin:/bin HOME="$work/home" QT_QPA_PLATFORM=offscreen "$root/dist/continuum/continuum" --self-test; then
    echo "the bundle's self-test failed" >&2
    exit 1
fi
echo "bundle: $(du -sh "$root/dist/continuum" | cut -f1) in dist/continuum, built and tested in $((SECONDS - started)) s"
