#!/usr/bin/env bash
# The unit tests with the clock set to another instant, to show that nothing depends on the hour it runs
# at (issue 17: 23:30 and 06:30 in Vietnam are 16:30 and 23:30 UTC):
#   bash scripts/test-at.sh '2026-12-03 16:30:00' [more vitest arguments]
# The instant is UTC and the clock runs on from it, the same for vitest, its workers and the database:
# Debian's libfaketime (faketime, installed when missing and root) shifts it for vitest and for a
# PostgreSQL cluster of this run's own (initdb and pg_ctl, as the postgres user when root), so the
# database's now() reads the same clock as the tests and the server.
set -euo pipefail
cd "$(dirname "$0")/.."
at="${1:?usage: scripts/test-at.sh 'YYYY-MM-DD HH:MM:SS' [vitest arguments]}"
shift

if ! command -v faketime >/dev/null; then
  if [[ $(id -u) -ne 0 ]]; then echo "[test-at] faketime is missing: apt-get install faketime" >&2; exit 1; fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq faketime >/dev/null
fi
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [[ -z "$bin" ]]; then echo "[test-at] no PostgreSQL server installed (scripts/ensure-postgres.sh)" >&2; exit 1; fi

as_postgres() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
# One offset from the real clock for every process: a start time ("@...") would restart the clock at
# each program the run starts (every test worker, the database server), putting them minutes apart.
offset=$(( $(date -u -d "$at UTC" +%s) - $(date -u +%s) ))
fake="${offset}s"
[[ $offset -ge 0 ]] && fake="+${offset}s"
clock=(faketime -f "$fake")
dir=$(mktemp -d /tmp/grassroots-clock-XXXXXX)
chmod 755 "$dir"
[[ $(id -u) -eq 0 ]] && chown postgres "$dir"
port=$((20000 + RANDOM % 20000))
stop() {
  as_postgres "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT

export TZ=UTC
as_postgres "${clock[@]}" "$bin/initdb" -D "$dir/data" -A trust -U postgres >/dev/null
# The server gets the library itself (the faketime wrapper would wait for the server to end), and pg_ctl's
# own wait misreads a faked start time: start without it and ask until the server answers.
lib=$(ls /usr/lib/*/faketime/libfaketime.so.1 | head -1)
as_postgres env LD_PRELOAD="$lib" FAKETIME="$fake" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -W \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
for _ in $(seq 1 60); do
  "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" && break
  sleep 1
done
"$bin/pg_isready" -q -h 127.0.0.1 -p "$port" || { cat "$dir/server.log" >&2; exit 1; }
echo "[test-at] clock at $at UTC ($(TZ=Asia/Ho_Chi_Minh date -d "$at UTC" "+%H:%M on %d %b") in Vietnam), PostgreSQL on port $port"
TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres" "${clock[@]}" npx vitest run --project unit "$@"
