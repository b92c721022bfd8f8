#!/usr/bin/env bash
# PostgreSQL helpers for build.sh: a private cluster on a free loopback port, run as the `postgres` system user
# (PostgreSQL refuses to run as root). Sourced, not executed.

pg_bin_dir() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
  done
  return 1
}

pg_ensure_installed() {
  if ! pg_bin_dir >/dev/null; then
    echo ">> installing PostgreSQL (Debian package postgresql)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq postgresql >/dev/null
  fi
  id postgres >/dev/null 2>&1 || useradd --system --home /var/lib/postgresql --shell /bin/bash postgres
}

pg_as_postgres() {
  if [ "$(id -u)" = "0" ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

pg_free_port() {
  local port=${1:-55432}
  while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

# pg_start DATA_DIR PORT: initializes the cluster on first use, then starts it.
pg_start() {
  local data=$1 port=$2 bin
  bin=$(pg_bin_dir)
  mkdir -p "$data"
  [ "$(id -u)" = "0" ] && chown -R postgres:postgres "$data"
  chmod 700 "$data"
  if [ ! -f "$data/PG_VERSION" ]; then
    pg_as_postgres "$bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  fi
  pg_as_postgres "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
    -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$data -c max_connections=200 -c fsync=${PG_FSYNC:-on}" start >/dev/null
}

pg_stop() {
  local data=$1 bin
  bin=$(pg_bin_dir) || return 0
  [ -f "$data/postmaster.pid" ] && pg_as_postgres "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
}

# pg_create_db DATA_DIR PORT NAME
pg_create_db() {
  local data=$1 port=$2 name=$3 bin
  bin=$(pg_bin_dir)
  pg_as_postgres "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -tAc "select 1 from pg_database where datname='$name'" | grep -q 1 \
    || pg_as_postgres "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres "$name"
}
