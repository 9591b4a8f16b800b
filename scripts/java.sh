#!/usr/bin/env bash
# Makes sure a Java runtime is present for Spark (dyad batch --engine spark, the Spark tests).
# Does nothing when `java` is on PATH; otherwise installs Debian's openjdk-17-jre-headless.
# Usage: bash scripts/java.sh   (needs root or sudo when it has to install)
set -euo pipefail
if command -v java >/dev/null 2>&1; then
  exit 0
fi
sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
echo "dyad setup: installing openjdk-17-jre-headless for Spark" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless
java -version
