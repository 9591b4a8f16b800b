#!/usr/bin/env bash
# README command 2 (and what .ci/run calls): set up .venv/ with test tools, run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
exec .venv/bin/python -m pytest "$@"
