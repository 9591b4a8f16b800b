#!/usr/bin/env bash
# The system parts the test suite uses for real, from Debian's packages, each installed
# only when missing: a PostgreSQL server (the tests start their own throwaway cluster),
# headless Chromium (browser tests) and a Java runtime (Spark). Needs root (or sudo) only
# when something is missing.
set -euo pipefail

missing=()
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v java >/dev/null 2>&1 || missing+=(openjdk-17-jre-headless)
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "dyad system: missing ${missing[*]} and this system has no apt-get; install them" \
       "(PostgreSQL server, /usr/bin/chromium, java) with your package manager" >&2
  exit 1
fi
sudo=()
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null 2>&1 || {
    echo "dyad system: installing ${missing[*]} needs root; run: sudo bash scripts/system.sh" >&2
    exit 1; }
  sudo=(sudo)
fi
echo "dyad system: installing ${missing[*]} (Debian packages)" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null && [ -x /usr/bin/chromium ] &&
  command -v java >/dev/null 2>&1 || {
  echo "dyad system: apt-get ran but a part is still missing (initdb, chromium or java)" >&2
  exit 1; }
