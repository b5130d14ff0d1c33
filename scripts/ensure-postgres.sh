#!/usr/bin/env bash
# Makes sure a PostgreSQL server (15 or newer) answers on 127.0.0.1:5432 for the test suite.
# Idempotent: does nothing when one answers; starts the installed cluster when it is stopped; installs
# Debian's server when none is installed (CI machines, as root). Set TEST_DATABASE_URL to use another server.
set -euo pipefail

if [[ -n "${TEST_DATABASE_URL:-}" ]]; then exit 0; fi

answers() { pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; }

if command -v pg_isready >/dev/null && answers; then exit 0; fi

if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
  if [[ $(id -u) -ne 0 ]]; then
    echo "[ensure-postgres] no PostgreSQL server installed and not root: install one or set TEST_DATABASE_URL" >&2
    exit 1
  fi
  echo "[ensure-postgres] installing Debian's PostgreSQL server" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  version=$(ls /etc/postgresql | sort -V | tail -1)
  hba=/etc/postgresql/$version/main/pg_hba.conf
  # A throwaway test server on loopback only: trust local connections, as the tests expect.
  sed -i -E 's/^(local|host)(\s+all\s+all\s+.*)\s(peer|md5|scram-sha-256)$/\1\2 trust/' "$hba"
  grep -q '^local\s\+all\s\+postgres' "$hba" && sed -i -E 's/^(local\s+all\s+postgres\s+)peer/\1trust/' "$hba"
fi

version=$(ls /etc/postgresql | sort -V | tail -1)
echo "[ensure-postgres] starting PostgreSQL $version" >&2
pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null || true
for _ in $(seq 1 30); do
  if answers; then exit 0; fi
  sleep 1
done
echo "[ensure-postgres] PostgreSQL did not answer on 127.0.0.1:5432 within 30 s" >&2
exit 1
