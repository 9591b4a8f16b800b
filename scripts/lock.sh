#!/usr/bin/env bash
# Regenerates requirements.lock and requirements-test.lock (pinned, with hashes) from
# pyproject.toml. Needs uv (pip install uv) on PATH; set-up itself never needs it.
set -euo pipefail
cd "$(dirname "$0")/.."
common=(--python-version 3.11 --python-platform x86_64-unknown-linux-gnu --generate-hashes --no-header --no-emit-package dyad)
uv pip compile requirements.in "${common[@]}" -o requirements.lock
printf -- '-e file:.[test]\nsetuptools==80.9.0\n' > /tmp/dyad-test.in
uv pip compile /tmp/dyad-test.in "${common[@]}" -o requirements-test.lock
# the editable project itself is installed by setup.sh, not from the lock
sed -i '/^-e /d' requirements.lock requirements-test.lock
