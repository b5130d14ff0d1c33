#!/usr/bin/env bash
# The browser tests drive Debian's Chromium: install it when missing (idempotent; needs root or sudo).
set -euo pipefail
if [[ -x /usr/bin/chromium ]]; then exit 0; fi
echo "[chromium] /usr/bin/chromium is missing: installing Debian's chromium package" >&2
SUDO=""
if [[ "$(id -u)" != "0" ]]; then
  if command -v sudo >/dev/null; then SUDO="sudo -n"; else echo "[chromium] not root and no sudo" >&2; exit 1; fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get install -y --no-install-recommends chromium >/dev/null 2>&1 || {
  $SUDO apt-get update >/dev/null
  $SUDO apt-get install -y --no-install-recommends chromium >/dev/null
}
[[ -x /usr/bin/chromium ]] && echo "[chromium] installed: $(/usr/bin/chromium --version 2>/dev/null)" >&2
