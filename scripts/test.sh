#!/usr/bin/env bash
# The whole test suite: lint and format check, type check, then every test on both database engines and
# the browser tests of the web app in Debian's Chromium (installed when missing).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! bash scripts/ensure-postgres.sh; then
  if [[ "${CI:-}" == "true" ]]; then echo "CI=true and no PostgreSQL server: failing" >&2; exit 1; fi
  echo "[test] no PostgreSQL server: the server leg of the tests will be skipped" >&2
fi

bash scripts/ensure-chromium.sh

echo "[test] biome check (lint with the no-literal-text plugin, format)"
npx biome check .
echo "[test] tsc --noEmit"
npx tsc --noEmit
npx tsc --noEmit -p web/tsconfig.json
npx tsc --noEmit -p web/e2e/tsconfig.json
echo "[test] vitest"
npx vitest run "$@"
