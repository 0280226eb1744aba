#!/usr/bin/env bash
# Browser tests of the web view against a real `laundertrail serve` on the 5·15 reference case.
# Needs LAUNDERTRAIL_DB (a PostgreSQL connection string); uses the schema browser_tests, rebuilt each run.
# Ends with node's own test summary (# tests, # pass, # fail) and its exit status.
set -euo pipefail
cd "$(dirname "$0")/../.."

# Without LAUNDERTRAIL_DB the commands use LaunderTrail's private PostgreSQL, like every other command.
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
schema=browser_tests
log() { printf '==> %s\n' "$*" >&2; }

# Say where the run writes (host, port and database only: never a password), so a shared machine shows it is ours.
if [ -n "${LAUNDERTRAIL_DB:-}" ]; then
  target=$(printf '%s' "$LAUNDERTRAIL_DB" | tr ';' '\n' | grep -iE '^ *(host|server|port|database|db) *=' | paste -sd ';' -)
  log "database: ${target:-as LAUNDERTRAIL_DB says}, schema $schema"
else
  log "database: LaunderTrail's private PostgreSQL (LAUNDERTRAIL_DB is not set), schema $schema"
fi

log "building the web view"
bash src/LaunderTrail.Web/build.sh >&2

log "building the CLI"
dotnet build src/LaunderTrail.Cli -c Release >&2
cli=src/LaunderTrail.Cli/bin/Release/net10.0/laundertrail.dll
laundertrail() { dotnet "$cli" "$@"; }

log "importing the reference case into schema $schema"
laundertrail import samples/case-515/case-515.jsonl --schema "$schema" >&2

# `keys add` prints only the key on stdout. Names carry the run's time so that a re-run on the same
# database never collides with the keys of an earlier one.
run_id=$(date -u +%Y%m%dT%H%M%S)
add_key() {
  local key
  if ! key=$(laundertrail keys add --name "browser-$1-$run_id" --role "$1" --schema "$schema") || [ -z "$key" ]; then
    echo "laundertrail keys add --role $1 failed${key:+: $key}" >&2
    return 1
  fi
  printf '%s' "$key"
}
log "creating keys"
LAUNDERTRAIL_INVESTIGATOR_KEY=$(add_key investigator)
LAUNDERTRAIL_AUDITOR_KEY=$(add_key auditor)
LAUNDERTRAIL_COURT_KEY=$(add_key court)
export LAUNDERTRAIL_INVESTIGATOR_KEY LAUNDERTRAIL_AUDITOR_KEY LAUNDERTRAIL_COURT_KEY

if [ ! -x /usr/bin/chromium ]; then
  log "installing Chromium"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
fi

log "installing playwright-core"
npm ci --prefix tests/browser >&2

port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
export BASE_URL="http://127.0.0.1:$port"
export LAUNDERTRAIL_WEB_ROOT="$PWD/src/LaunderTrail.Web/dist"
server_log=$(mktemp /tmp/laundertrail-serve.XXXXXX.log)

log "starting laundertrail serve on $BASE_URL (log: $server_log)"
# Started directly, not through the function, so that $! is the server itself and the trap stops it.
dotnet "$cli" serve --urls "$BASE_URL" --schema "$schema" >"$server_log" 2>&1 &
server=$!
stop_server() {
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
}
trap stop_server EXIT

for _ in $(seq 1 120); do
  if curl -fsS -o /dev/null "$BASE_URL/"; then break; fi
  if ! kill -0 "$server" 2>/dev/null; then
    cat "$server_log" >&2
    echo "laundertrail serve stopped before answering" >&2
    exit 1
  fi
  sleep 1
done
curl -fsS -o /dev/null "$BASE_URL/" || { cat "$server_log" >&2; echo "laundertrail serve did not answer in 120 s" >&2; exit 1; }

log "running the browser tests"
set +e
node --test tests/browser/
status=$?
set -e
exit "$status"
