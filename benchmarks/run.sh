#!/usr/bin/env bash
# The certificates benchmarks (issue 10), one command:  bash benchmarks/run.sh
#   issuance of one accepted batch of 50,000 through the real path vs raw binary COPY of the same rows (+ peak RSS);
#   public verification vs a raw Npgsql endpoint in the same process, 32 connections (autocannon).
# Starts a throwaway PostgreSQL like ./build.sh test; not part of the test totals. Exit code 1 when a goal is missed.
# Options pass through: --candidates N --connections N --seconds N
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
source build/pg.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false

pg_ensure_installed
if ! fc-list 2>/dev/null | grep -qi "LXGW WenKai"; then
  echo ">> installing fonts-lxgw-wenkai (the certificate font the API loads at start-up)"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-lxgw-wenkai >/dev/null
fi
data=$(mktemp -d /tmp/assessment-bench-pg.XXXXXX)
port=$(pg_free_port 57532)
trap 'pg_stop "'"$data"'"; rm -rf "'"$data"'"' EXIT
# durable like production (fsync on): the figures include the commits
pg_start "$data" "$port"
pg_create_db "$data" "$port" assessment_bench

echo ">> load generator (autocannon)"
(cd benchmarks && { [ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error; })
echo ">> building (Release)"
dotnet build benchmarks/Benchmarks.csproj -c Release -nologo -v q -clp:ErrorsOnly
log="$root/benchmarks/bin/api.log"
echo ">> running (the API's own log: $log)"
echo
dotnet benchmarks/bin/Release/net10.0/Assessment.Benchmarks.dll \
  --connection "Host=127.0.0.1;Port=$port;Database=assessment_bench;Username=postgres;Maximum Pool Size=100" \
  --load-script benchmarks/load.mjs "$@" >"$log"
