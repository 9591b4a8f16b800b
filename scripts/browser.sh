#!/usr/bin/env bash
# Installs Debian's chromium for the browser tests (tests/test_web.py) when it is missing.
# Playwright only drives this binary (executable_path=/usr/bin/chromium): no browser is
# downloaded by Playwright itself. Needs root (CI and the dev machines run as root).
# Usage: bash scripts/browser.sh
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "dyad browser: /usr/bin/chromium is missing and this system has no apt-get;" \
       "install Chromium so that /usr/bin/chromium exists" >&2
  exit 1
fi
sudo_cmd=()
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "dyad browser: run as root to install chromium" >&2; exit 1; }
  sudo_cmd=(sudo)
fi
echo "dyad browser: installing Debian's chromium" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends chromium >/dev/null
/usr/bin/chromium --version >&2
