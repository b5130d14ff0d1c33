#!/usr/bin/env bash
# The browser tests drive Debian's Chromium: install it when missing (idempotent; needs root or sudo),
# with a Chinese font, without which the CN walkthrough's screenshots show boxes for every character.
set -euo pipefail
need=()
[[ -x /usr/bin/chromium ]] || need+=(chromium)
dpkg -s fonts-wqy-zenhei >/dev/null 2>&1 || need+=(fonts-wqy-zenhei)
if [[ ${#need[@]} -eq 0 ]]; then exit 0; fi
echo "[chromium] installing Debian's ${need[*]}" >&2
SUDO=""
if [[ "$(id -u)" != "0" ]]; then
  if command -v sudo >/dev/null; then SUDO="sudo -n"; else echo "[chromium] not root and no sudo" >&2; exit 1; fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get install -y --no-install-recommends "${need[@]}" >/dev/null 2>&1 || {
  $SUDO apt-get update >/dev/null
  $SUDO apt-get install -y --no-install-recommends "${need[@]}" >/dev/null
}
[[ -x /usr/bin/chromium ]] && echo "[chromium] installed: $(/usr/bin/chromium --version 2>/dev/null)" >&2
