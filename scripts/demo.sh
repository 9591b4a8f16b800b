#!/usr/bin/env bash
# README command 1: set up .venv/, ingest the bundled examples into dyad.duckdb, summarise.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/dyad ingest examples/ --db dyad.duckdb "$@"
