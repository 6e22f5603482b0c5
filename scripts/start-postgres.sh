#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the tests and prints the environment they read:
#   export CADRE_TEST_PG_URL=postgres://cadre_test:…@127.0.0.1:PORT/cadre_test?sslmode=disable
# The same lines go to .build-pg/env, which `make test` sources before `swift test`.
#
# - The cluster lives in a temporary folder (initdb), listens on 127.0.0.1 only, on a free port,
#   with a socket in its own folder; host connections need a password (scram-sha-256).
# - A server this script started earlier and still running is reused.
# - As root, initdb and the server run as the `postgres` user (initdb refuses root).
# - CADRE_TEST_PG_URL already set: nothing is started, the given server is used.
# - CADRE_SKIP_POSTGRES=1: nothing is started; the PostgreSQL tests are then skipped.
#
# Usage: scripts/start-postgres.sh          start (or reuse) and print the env
#        scripts/start-postgres.sh --stop   stop the server and remove its folder
set -euo pipefail
cd "$(dirname "$0")/.."
state=.build-pg
mkdir -p "$state"

say() { echo "start-postgres: $*" >&2; }

find_bindir() {
  if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then pg_config --bindir; return; fi
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then echo "$dir"; return; fi
  command -v initdb >/dev/null 2>&1 && dirname "$(command -v initdb)" && return
  return 1
}

# Runs a PostgreSQL program as the cluster's owner.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [ "${1:-}" = "--stop" ]; then
  if [ -f "$state/datadir" ]; then
    bindir=$(find_bindir)
    datadir=$(cat "$state/datadir")
    as_owner "$bindir/pg_ctl" -D "$datadir/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$datadir"
  fi
  rm -f "$state/env" "$state/datadir"
  exit 0
fi

if [ "${CADRE_SKIP_POSTGRES:-}" = "1" ]; then
  say "CADRE_SKIP_POSTGRES=1: no server started, PostgreSQL tests will be skipped"
  echo "export CADRE_SKIP_POSTGRES=1" | tee "$state/env"
  exit 0
fi

if [ -n "${CADRE_TEST_PG_URL:-}" ]; then
  printf 'export CADRE_TEST_PG_URL=%q\n' "$CADRE_TEST_PG_URL" | tee "$state/env"
  exit 0
fi

bindir=$(find_bindir) || { say "PostgreSQL is not installed (scripts/install-deps.sh installs it)"; exit 1; }

# Reuse a server started earlier if it still answers.
if [ -f "$state/env" ] && [ -f "$state/datadir" ] && [ -f "$(cat "$state/datadir")/data/postmaster.pid" ]; then
  port=$(sed -n 's/^export CADRE_TEST_PG_PORT=//p' "$state/env")
  if [ -n "$port" ] && "$bindir/pg_isready" -q -h 127.0.0.1 -p "$port"; then
    cat "$state/env"
    exit 0
  fi
  "$0" --stop
  mkdir -p "$state"
fi

if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
  say "running as root and there is no 'postgres' user to run the server as"
  exit 1
fi

# A free port: the first one from 54330 nobody listens on.
port=54330
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done

datadir=$(mktemp -d "${TMPDIR:-/tmp}/cadre-pg.XXXXXX")
echo "$datadir" > "$state/datadir"
password=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
if [ "$(id -u)" -eq 0 ]; then chown postgres: "$datadir"; fi
chmod 700 "$datadir"

as_owner "$bindir/initdb" -D "$datadir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
  --encoding=UTF8 --locale=C.UTF-8 >"$datadir/initdb.log" 2>&1 \
  || as_owner "$bindir/initdb" -D "$datadir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
       --encoding=UTF8 --no-locale >"$datadir/initdb.log" 2>&1 \
  || { say "initdb failed:"; cat "$datadir/initdb.log" >&2; exit 1; }

as_owner "$bindir/pg_ctl" -D "$datadir/data" -l "$datadir/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$datadir -c fsync=off" start >/dev/null \
  || { say "the server did not start:"; cat "$datadir/server.log" >&2; exit 1; }

as_owner "$bindir/psql" -q -h "$datadir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 >/dev/null <<SQL
CREATE ROLE cadre_test LOGIN PASSWORD '$password';
CREATE DATABASE cadre_test OWNER cadre_test;
SQL

{
  echo "export CADRE_TEST_PG_URL=postgres://cadre_test:$password@127.0.0.1:$port/cadre_test?sslmode=disable"
  echo "export CADRE_TEST_PG_PORT=$port"
} > "$state/env"
chmod 600 "$state/env"
say "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $datadir)"
cat "$state/env"
