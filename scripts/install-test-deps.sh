#!/usr/bin/env bash
# Installs what the tests need beyond npm packages: Debian's Chromium for the browser tests, and a
# Chinese font (WenQuanYi Micro Hei) so that their screenshots of the console are readable.
# (playwright's own browser download cannot work here; see shared/env-notes.md.)
set -euo pipefail
if [ -x /usr/bin/chromium ] && fc-list 2>/dev/null | grep -qi wqy; then
  echo "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo present); font: WenQuanYi Micro Hei"
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
echo "installing Debian's chromium and a Chinese font for the browser tests…"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null
/usr/bin/chromium --version
