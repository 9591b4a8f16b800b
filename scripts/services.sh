#!/usr/bin/env bash
# Services the test suite starts for itself: a PostgreSQL server (Debian's packages).
# Idempotent: installs the server binaries only when no initdb is found. Run as root.
# The tests make their own throwaway cluster (tests/pg.py); no system service is used.
set -euo pipefail

if compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "services.sh: PostgreSQL is not installed and installing it needs root;" \
       "run: sudo bash scripts/services.sh" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends postgresql
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || {
  echo "services.sh: apt-get installed postgresql but no initdb is under /usr/lib/postgresql" >&2
  exit 1
}
