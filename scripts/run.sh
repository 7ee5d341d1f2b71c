#!/usr/bin/env bash
# Sets up what is missing and runs the whole product on this machine: Azurite (Tables and
# Queues, data kept in .data/azurite), then the local host on http://127.0.0.1:5080.
# Ctrl+C stops everything it started.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
dotnet build Registrar.Local.slnf -c Release --no-restore -nologo -clp:ErrorsOnly

HTTP_PORT=${HTTP_PORT:-5080}
AZURITE_TABLE_PORT=${AZURITE_TABLE_PORT:-10002}
AZURITE_QUEUE_PORT=${AZURITE_QUEUE_PORT:-10001}
mkdir -p .data/azurite

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

wait_for_port() {
  for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.2; done
  echo "run: nothing is listening on port $1 ($2)" >&2; exit 1
}

node node_modules/azurite/dist/src/azurite.js --location .data/azurite --skipApiVersionCheck --loose \
  --disableProductStyleUrl --silent --blobPort 0 \
  --tablePort "$AZURITE_TABLE_PORT" --queuePort "$AZURITE_QUEUE_PORT" &
pids+=($!)
wait_for_port "$AZURITE_TABLE_PORT" "Azurite tables"
wait_for_port "$AZURITE_QUEUE_PORT" "Azurite queues"

export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
export Storage__ConnectionString="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:${AZURITE_TABLE_PORT}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:${AZURITE_QUEUE_PORT}/devstoreaccount1;"

dotnet src/Registrar.LocalHost/bin/Release/net10.0/Registrar.LocalHost.dll --urls "http://127.0.0.1:${HTTP_PORT}" &
pids+=($!)
wait_for_port "$HTTP_PORT" "local host"
echo "run: the local host answers on http://127.0.0.1:${HTTP_PORT} (health: /health). Ctrl+C stops it."
wait -n "${pids[@]}"
