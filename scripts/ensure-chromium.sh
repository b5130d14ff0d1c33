#!/usr/bin/env bash
# The browser tests drive Debian's Chromium: install it when missing (idempotent; needs root or sudo),
# with a Chinese font, without which the CN walkthrough's screenshots show boxes for every character
# (best effort: the tests read text, not pixels, so a missing font only spoils the pictures).
set -euo pipefail
have_chromium() { [[ -x /usr/bin/chromium ]]; }
have_font() { dpkg -s fonts-wqy-zenhei >/dev/null 2>&1; }
if have_chromium && have_font; then exit 0; fi
SUDO=""
if [[ "$(id -u)" != "0" ]]; then
  if command -v sudo >/dev/null; then SUDO="sudo -n"; else echo "[chromium] not root and no sudo" >&2; have_chromium || exit 1; exit 0; fi
fi
export DEBIAN_FRONTEND=noninteractive
install() {
  $SUDO apt-get install -y --no-install-recommends "$@" >/dev/null 2>&1 || {
    $SUDO apt-get update >/dev/null && $SUDO apt-get install -y --no-install-recommends "$@" >/dev/null
  }
}
if ! have_chromium; then
  echo "[chromium] /usr/bin/chromium is missing: installing Debian's chromium package" >&2
  install chromium
  [[ -x /usr/bin/chromium ]] && echo "[chromium] installed: $(/usr/bin/chromium --version 2>/dev/null)" >&2
fi
if ! have_font; then
  echo "[chromium] installing a Chinese font (fonts-wqy-zenhei) for the screenshots" >&2
  install fonts-wqy-zenhei || echo "[chromium] no Chinese font: CN screenshots will show boxes" >&2
fi
