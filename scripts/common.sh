# Shared by scripts/start and scripts/test: installs what a fresh machine lacks and runs Azurite.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools"
AZURITE_VERSION="3.37.0"
AZURITE_BIN="$TOOLS/azurite/node_modules/.bin/azurite"
# What a client team runs on the API document (Redocly lint, openapi-typescript, tsc), pinned with its lockfile.
API_TOOLS="$TOOLS/api"
# Azurite's well-known development account (public, documented by Microsoft; not a secret).
AZURITE_KEY="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="

log() { printf '[ecourt %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

require() {
  command -v "$1" >/dev/null 2>&1 || { log "$1 is not installed: $2"; exit 1; }
}

ensure_tools() {
  require dotnet "install the .NET 10 SDK"
  require node "install Node.js 20 or later"
  require npm "install npm"
  if [ ! -x "$AZURITE_BIN" ] || ! grep -q "\"version\": \"$AZURITE_VERSION\"" "$TOOLS/azurite/node_modules/azurite/package.json" 2>/dev/null; then
    log "installing Azurite $AZURITE_VERSION from npm into .tools/azurite"
    mkdir -p "$TOOLS/azurite"
    npm install --prefix "$TOOLS/azurite" --no-audit --no-fund --loglevel=error "azurite@$AZURITE_VERSION" >&2
  fi
}

ensure_api_tools() {
  if ! cmp -s "$ROOT/tools/api/package-lock.json" "$API_TOOLS/package-lock.json" || [ ! -x "$API_TOOLS/node_modules/.bin/redocly" ]; then
    log "installing the API document's tools from npm into .tools/api (tools/api/package-lock.json)"
    mkdir -p "$API_TOOLS"
    cp "$ROOT/tools/api/package.json" "$ROOT/tools/api/package-lock.json" "$API_TOOLS/"
    npm ci --prefix "$API_TOOLS" --no-audit --no-fund --loglevel=error >&2
  fi
}

# azurite_answers PORT: true when something answers HTTP on 127.0.0.1:PORT.
azurite_answers() {
  node -e "require('http').get({host:'127.0.0.1',port:$1,path:'/',timeout:1000},r=>process.exit(0)).on('error',()=>process.exit(1)).on('timeout',()=>process.exit(1))" 2>/dev/null
}

connection_string() { # BLOB QUEUE TABLE
  printf 'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=%s;BlobEndpoint=http://127.0.0.1:%s/devstoreaccount1;QueueEndpoint=http://127.0.0.1:%s/devstoreaccount1;TableEndpoint=http://127.0.0.1:%s/devstoreaccount1;' \
    "$AZURITE_KEY" "$1" "$2" "$3"
}

# start_azurite BLOB QUEUE TABLE DATA_DIR [memory]: starts Azurite in the background; sets AZURITE_PID.
# With "memory" the data lives only in memory (the folder holds the log).
start_azurite() {
  local blob=$1 queue=$2 table=$3 data=$4 persistence
  mkdir -p "$data"
  if [ "${5:-}" = memory ]; then persistence=(--inMemoryPersistence); else persistence=(--location "$data"); fi
  "$AZURITE_BIN" --silent --skipApiVersionCheck --disableProductStyleUrl "${persistence[@]}" \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
    --blobPort "$blob" --queuePort "$queue" --tablePort "$table" >"$data/azurite.out" 2>&1 &
  AZURITE_PID=$!
  for _ in $(seq 1 100); do
    if azurite_answers "$blob" && azurite_answers "$queue" && azurite_answers "$table"; then return 0; fi
    if ! kill -0 "$AZURITE_PID" 2>/dev/null; then log "Azurite exited:"; cat "$data/azurite.out" >&2; return 1; fi
    sleep 0.2
  done
  log "Azurite did not answer on ports $blob-$table"; return 1
}

# stop_azurite [SECONDS]: asks Azurite to stop; it can wait a long time for idle keep-alive
# connections, so after SECONDS (default 5) it is killed.
stop_azurite() {
  local grace=${1:-5}
  if [ -n "${AZURITE_PID:-}" ] && kill -0 "$AZURITE_PID" 2>/dev/null; then
    kill "$AZURITE_PID" 2>/dev/null || true
    for _ in $(seq 1 $((grace * 10))); do kill -0 "$AZURITE_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$AZURITE_PID" 2>/dev/null || true
    wait "$AZURITE_PID" 2>/dev/null || true
  fi
  AZURITE_PID=""
}
