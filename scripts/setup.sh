#!/usr/bin/env bash
# Creates .venv/ in the project root and installs dyad with its pinned dependencies.
# Idempotent and quick when nothing changed (a stamp records the lock files' hash).
# Usage: bash scripts/setup.sh [--test]
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
[ "${1:-}" = "--test" ] && want_test=1

find_python() {
  for py in "${PYTHON:-}" python3.11 python3; do
    [ -n "$py" ] || continue
    if command -v "$py" >/dev/null 2>&1 &&
       "$py" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null; then
      echo "$py"; return 0
    fi
  done
  echo "dyad setup: Python 3.11 is required; install it or set PYTHON=/path/to/python3.11" >&2
  return 1
}

if [ ! -x .venv/bin/python ]; then
  py=$(find_python)
  echo "dyad setup: creating .venv with $py" >&2
  "$py" -m venv .venv
fi

# requirements-test.lock is a superset of requirements.lock (adds the test tools)
locks=(requirements.lock)
[ $want_test = 1 ] && locks=(requirements-test.lock)
stamp=".venv/.dyad-installed-$(cat "${locks[@]}" pyproject.toml | sha256sum | cut -c1-16)-$want_test"
if [ ! -f "$stamp" ]; then
  echo "dyad setup: installing pinned dependencies (${locks[*]})" >&2
  .venv/bin/python -m pip install --quiet --disable-pip-version-check "pip==26.3"
  for lock in "${locks[@]}"; do
    .venv/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes -r "$lock"
  done
  # setuptools warns about editable installs at length; show its output only on failure
  if ! .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps \
       --no-build-isolation -e . > .venv/.dyad-install.log 2>&1; then
    cat .venv/.dyad-install.log >&2
    exit 1
  fi
  rm -f .venv/.dyad-installed-*
  touch "$stamp"
fi
