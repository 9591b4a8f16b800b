#!/usr/bin/env bash
# README command 2 (and what .ci/run calls): set up .venv/ with the test tools, install
# the system parts the suite uses for real (PostgreSQL server, headless Chromium, a Java
# runtime for Spark; Debian packages, installed only when missing), run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
bash scripts/system.sh
exec .venv/bin/python -m pytest "$@"
