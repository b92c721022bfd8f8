#!/usr/bin/env bash
# The two set-up commands of this repository:
#   ./build.sh run [--reset]   embedded PostgreSQL + API + SPA with demo data (http://127.0.0.1:5080)
#   ./build.sh test            every test: .NET unit + integration, client unit, browser end-to-end
set -euo pipefail
root=$(cd "$(dirname "$0")" && pwd)
cd "$root"
source build/pg.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false

# Installs the Debian packages that are missing: the browser for the end-to-end tests and the fonts every page and
# certificate needs (a fresh machine has no CJK font: Chinese would render as empty boxes). dpkg-query, not
# `command -v`, because fonts have no command.
ensure_debian_packages() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo ">> installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
  command -v fc-cache >/dev/null && fc-cache -f >/dev/null 2>&1 || true
}

build_client() {
  echo ">> building the SPA (client/)"
  (cd client && { [ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error; } && npm run build --silent)
}

cmd_run() {
  local reset=0
  for a in "$@"; do [ "$a" = "--reset" ] && reset=1; done
  pg_ensure_installed
  # the certificate PDFs (附件6) and the pages need CJK fonts, which a fresh machine lacks
  ensure_debian_packages fonts-noto-cjk fonts-lxgw-wenkai
  local data="$root/.data/pg"
  if [ $reset = 1 ]; then pg_stop "$data"; rm -rf "$root/.data"; fi
  local port; port=$(pg_free_port 55432)
  pg_start "$data" "$port"
  trap 'echo ">> stopping PostgreSQL"; pg_stop "'"$data"'"' EXIT
  pg_create_db "$data" "$port" assessment
  build_client
  echo ">> building the API"
  dotnet build src/Api -c Release -nologo -v q -clp:ErrorsOnly
  local url=${ASSESSMENT_URL:-http://127.0.0.1:5080}
  echo
  echo "   API + SPA:  $url"
  echo "   Swagger:    $url/swagger"
  echo "   Health:     $url/health/ready"
  echo "   Demo users: admin, anhui.reviewer, wuhu.reviewer, hefei.org, … — password Demo@2026pass (see README)"
  echo "   Ctrl-C stops the API and the database; data stays in .data/ (./build.sh run --reset starts over)."
  echo
  ConnectionStrings__Assessment="Host=127.0.0.1;Port=$port;Database=assessment;Username=postgres" \
  Demo__Seed=true Spa__Root="$root/client/dist" ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Production} \
  Certificates__PublicBaseUrl=${Certificates__PublicBaseUrl:-$url} \
    run_api "$url" || true
}

# Runs the built API in the foreground from its output folder (its content root), replacing the subshell so that
# signals and `kill` reach the API itself.
run_api() {
  (cd "$root/src/Api/bin/Release/net10.0" && exec dotnet Assessment.Api.dll --urls "$1")
}

wait_ready() {
  local url=$1
  for _ in $(seq 1 120); do
    node -e 'fetch(process.argv[1]).then(r => process.exit(r.ok ? 0 : 1)).catch(() => process.exit(1))' "$url/health/ready" && return 0
    sleep 1
  done
  return 1
}

cmd_test() {
  local results="$root/TestResults"
  rm -rf "$results"; mkdir -p "$results"
  local passed=0 failed=0 status=0

  pg_ensure_installed
  ensure_debian_packages chromium fonts-noto-cjk fonts-lxgw-wenkai
  local data; data=$(mktemp -d /tmp/assessment-pg.XXXXXX)
  local port; port=$(pg_free_port 56432)
  api_pid=""
  trap 'if [ -n "$api_pid" ]; then kill "$api_pid" 2>/dev/null || true; fi; pg_stop "'"$data"'"; rm -rf "'"$data"'"' EXIT
  PG_FSYNC=off pg_start "$data" "$port"
  pg_create_db "$data" "$port" assessment_tests
  pg_create_db "$data" "$port" assessment_e2e
  export ASSESSMENT_TEST_CONNECTION="Host=127.0.0.1;Port=$port;Database=assessment_tests;Username=postgres;Maximum Pool Size=50"

  echo ">> restoring and building (.NET)"
  dotnet build Assessment.sln -c Release -nologo -v q -clp:ErrorsOnly

  echo ">> .NET tests"
  for proj in tests/UnitTests tests/IntegrationTests; do
    local name; name=$(basename "$proj")
    dotnet test "$proj" -c Release --no-build --nologo --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=1
    if [ -f "$results/$name.trx" ]; then
      read -r p f < <(node build/count-trx.mjs "$results/$name.trx")
      passed=$((passed + p)); failed=$((failed + f))
    else
      echo "!! $name produced no results"; failed=$((failed + 1))
    fi
  done

  build_client
  echo ">> client unit tests (vitest)"
  if (cd client && npx vitest run --reporter=default --reporter=json --outputFile="$results/vitest.json"); then :; else status=1; fi
  if [ -f "$results/vitest.json" ]; then
    read -r p f < <(node -e 'const r=require(process.argv[1]);console.log(r.numPassedTests, r.numFailedTests)' "$results/vitest.json")
    passed=$((passed + p)); failed=$((failed + f))
  else failed=$((failed + 1)); fi

  echo ">> API description lint (Redocly, recommended-strict: warnings fail too)"
  if (cd client && REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true npx redocly lint openapi.json); then passed=$((passed + 1)); else failed=$((failed + 1)); status=1; fi

  echo ">> browser end-to-end tests (Playwright + Debian chromium)"
  local e2e_port; e2e_port=$(pg_free_port 5180)
  local log="$results/e2e-api.log"
  # one browser signs in as many users from one address: the per-client limits are raised for this server only
  ConnectionStrings__Assessment="Host=127.0.0.1;Port=$port;Database=assessment_e2e;Username=postgres" \
  Demo__Seed=true Testing__AdjustableClock=true Spa__Root="$root/client/dist" ASPNETCORE_ENVIRONMENT=Production \
  Certificates__PublicBaseUrl="http://127.0.0.1:$e2e_port" \
  RateLimits__SignInsPerClientPerMinute=600 RateLimits__PublicWritesPerClientPerMinute=600 RateLimits__PublicLookupsPerClientPerMinute=600 RateLimits__PublicReadsPerClientPerMinute=600 \
    bash -c 'cd "$1/src/Api/bin/Release/net10.0" && exec dotnet Assessment.Api.dll --urls "$2"' _ "$root" "http://127.0.0.1:$e2e_port" >"$log" 2>&1 &
  api_pid=$!  # the API process itself (exec), so kill reaches it
  local ready=0
  wait_ready "http://127.0.0.1:$e2e_port" && ready=1
  if [ $ready = 1 ]; then
    if (cd client && E2E_BASE_URL="http://127.0.0.1:$e2e_port" E2E_JSON="$results/playwright.json" npx playwright test); then :; else status=1; fi
    read -r p f < <(node build/count-playwright.mjs "$results/playwright.json")
    passed=$((passed + p)); failed=$((failed + f))
  else
    echo "!! the API did not become ready for the browser tests; log:"; tail -50 "$log"
    failed=$((failed + 1)); status=1
  fi
  kill "$api_pid" 2>/dev/null || true; wait "$api_pid" 2>/dev/null || true; api_pid=""

  [ $failed -gt 0 ] && status=1
  node build/list-failures.mjs "$results"/*.trx "$results/vitest.json" "$results/playwright.json" || true
  echo
  echo "$passed passed, $failed failed"
  return $status
}

case "${1:-}" in
  run) shift; cmd_run "$@" ;;
  test) shift; cmd_test "$@" ;;
  *) echo "usage: ./build.sh run [--reset] | ./build.sh test"; exit 2 ;;
esac
