#!/usr/bin/env bash
# A private PostgreSQL cluster for the tests: initdb into a temp folder and pg_ctl on a free 127.0.0.1 port.
#   eval "$(tests/pg-cluster.sh start)"   # prints export PG_TEST_DIR=... GRANTS_TEST_POSTGRES=...
#   tests/pg-cluster.sh stop "$PG_TEST_DIR"
# Runs the server as the postgres user when started as root (initdb refuses root). Installs PostgreSQL if missing.
set -euo pipefail

pg_bin() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "Installing postgresql ..." >&2
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends postgresql >&2
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  fi
  echo "$bin"
}

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    BIN=$(pg_bin)
    DIR=$(mktemp -d /tmp/grants-pg-XXXXXX)
    chmod 755 "$DIR"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$DIR"
    PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
    as_owner "$BIN/initdb" -D "$DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    # Throwaway data: durability off makes the suite's many small commits cheap.
    as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null
    echo "export PG_TEST_DIR=$DIR"
    echo "export PG_TEST_BIN=$BIN"
    echo "export GRANTS_TEST_POSTGRES='Host=127.0.0.1;Port=$PORT;Username=postgres;Database=postgres;Include Error Detail=true'"
    ;;
  stop)
    DIR="${2:?folder}"
    BIN=$(pg_bin)
    as_owner "$BIN/pg_ctl" -D "$DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$DIR"
    ;;
  *)
    echo "usage: $0 start | stop DIR" >&2; exit 2 ;;
esac
