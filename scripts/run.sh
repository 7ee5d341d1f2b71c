#!/usr/bin/env bash
# Sets up what is missing and runs the whole product on this machine: Azurite (Tables, Queues
# and Blobs, data kept in .data/azurite), the registry simulator (EPP on 7700, control on 7701),
# MailDev (SMTP on 1025, web on 1080), then the local host on http://127.0.0.1:5080.
# Ctrl+C stops everything it started.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
dotnet build Registrar.sln -c Release --no-restore -nologo -clp:ErrorsOnly

HTTP_PORT=${HTTP_PORT:-5080}
AZURITE_TABLE_PORT=${AZURITE_TABLE_PORT:-10002}
AZURITE_QUEUE_PORT=${AZURITE_QUEUE_PORT:-10001}
AZURITE_BLOB_PORT=${AZURITE_BLOB_PORT:-10000}
mkdir -p .data/azurite
# Azurite and MailDev run on the Node.js LTS that npm installs beside them (package.json), where the platform has it.
node=node_modules/.bin/node; [ -x "$node" ] || node=node

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

wait_for_port() {
  for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.2; done
  echo "run: nothing is listening on port $1 ($2)" >&2; exit 1
}

"$node" --max-semi-space-size=64 node_modules/azurite/dist/src/azurite.js --location .data/azurite --skipApiVersionCheck --loose \
  --disableProductStyleUrl --silent --disableTelemetry --blobPort "$AZURITE_BLOB_PORT" \
  --tablePort "$AZURITE_TABLE_PORT" --queuePort "$AZURITE_QUEUE_PORT" &
pids+=($!)
wait_for_port "$AZURITE_TABLE_PORT" "Azurite tables"
wait_for_port "$AZURITE_QUEUE_PORT" "Azurite queues"
wait_for_port "$AZURITE_BLOB_PORT" "Azurite blobs"

# The registry simulator stands in for KazNIC and Hostmaster: one EPP server speaking both profiles.
SIM_EPP_PORT=${SIM_EPP_PORT:-7700}
SIM_CONTROL_PORT=${SIM_CONTROL_PORT:-7701}
sim_log=.data/registry-simulator.log
dotnet tools/Registrar.RegistrySimulator/bin/Release/net10.0/Registrar.RegistrySimulator.dll \
  --epp-port "$SIM_EPP_PORT" --control-port "$SIM_CONTROL_PORT" --schemas tools/epp/xsd >"$sim_log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do grep -q '^Control listening' "$sim_log" && break; sleep 0.2; done
grep -q '^Control listening' "$sim_log" || { echo "run: the registry simulator did not start; see $sim_log" >&2; exit 1; }
sim_cert=$(sed -n 's/^TLS certificate SHA-256 //p' "$sim_log")
for registry in kaznic hostmaster; do
  export "Epp__Registries__${registry}__Host=127.0.0.1"
  export "Epp__Registries__${registry}__Port=${SIM_EPP_PORT}"
  export "Epp__Registries__${registry}__PinnedServerThumbprints__0=${sim_cert}"
done
export Epp__Registries__kaznic__ClientId=registrar1 Epp__Registries__kaznic__Password=secret-1
export Epp__Registries__hostmaster__ClientId=registrar2 Epp__Registries__hostmaster__Password=secret-2
export Epp__Registries__hostmaster__Profile__Name=hostmaster-ua
export RegistrySimulator__ControlUrl="http://127.0.0.1:${SIM_CONTROL_PORT}"

# MailDev is the SMTP sink: every mail the product sends is readable at http://127.0.0.1:1080.
SMTP_PORT=${SMTP_PORT:-1025}
MAIL_WEB_PORT=${MAIL_WEB_PORT:-1080}
"$node" node_modules/maildev/dist/bin/maildev.js --smtp "$SMTP_PORT" --ip 127.0.0.1 --web "$MAIL_WEB_PORT" --web-ip 127.0.0.1 \
  >.data/maildev.log 2>&1 &
pids+=($!)
wait_for_port "$SMTP_PORT" "MailDev SMTP"
export Mail__Smtp__Host=127.0.0.1 Mail__Smtp__Port="$SMTP_PORT"

export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
# The links in the mails lead to this host, on whatever port it answers. The set-password link is the control panel's, which
# this product does not include: nothing answers it here (README, "Trying it"); its token is spent with
# POST /api/set-password-links/redemption, as the panel would.
export Notices__SetPasswordUrl="http://127.0.0.1:${HTTP_PORT}/panel/set-password"
export Notices__RequestConfirmationUrl="http://127.0.0.1:${HTTP_PORT}/api/requests/confirmation"
export Storage__ConnectionString="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:${AZURITE_TABLE_PORT}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:${AZURITE_QUEUE_PORT}/devstoreaccount1;BlobEndpoint=http://127.0.0.1:${AZURITE_BLOB_PORT}/devstoreaccount1;"

# A host that crashes is started again, as the platform restarts a crashed instance: what it left half done, it finishes by
# itself (dispatch markers, the outbox, bank messages' recovery). Only a clean stop ends the run.
supervise_host() {
  local host status
  trap 'kill "$host" 2>/dev/null; wait "$host" 2>/dev/null; exit 0' INT TERM
  while true; do
    dotnet src/Registrar.LocalHost/bin/Release/net10.0/Registrar.LocalHost.dll --urls "http://127.0.0.1:${HTTP_PORT}" &
    host=$!
    status=0; wait "$host" || status=$?
    [ "$status" -eq 0 ] && exit 0
    echo "run: the local host stopped with status $status; starting it again" >&2
    sleep 1
  done
}
supervise_host &
pids+=($!)
wait_for_port "$HTTP_PORT" "local host"
echo "run: the local host answers on http://127.0.0.1:${HTTP_PORT} (health: /health); if it crashes it is started again. Ctrl+C stops it."
echo "run: registry simulator EPP on 127.0.0.1:${SIM_EPP_PORT}, control API on http://127.0.0.1:${SIM_CONTROL_PORT}"
echo "run: mail sink at http://127.0.0.1:${MAIL_WEB_PORT}; API document at http://127.0.0.1:${HTTP_PORT}/openapi/v1.json"
echo "run: development keys: X-Api-Key dev-storefront-key (storefront), dev-operations-key (operations)"
wait -n "${pids[@]}"
