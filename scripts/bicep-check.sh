#!/usr/bin/env bash
# Builds and lints infra/main.bicep with the Bicep CLI restored from NuGet (tools/bicep) and
# fails on any warning or error, so the infrastructure stays compilable and linter-clean.
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet restore tools/bicep/Bicep.CommandLine.csproj --verbosity quiet
packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
version=$(sed -n 's/.*Azure.Bicep.CommandLine.linux-x64" Version="\[\([0-9.]*\)\]".*/\1/p' tools/bicep/Bicep.CommandLine.csproj)
bicep="$packages/azure.bicep.commandline.linux-x64/$version/tools/bicep"
if [ ! -f "$bicep" ]; then
  echo "bicep-check: the Bicep CLI $version is not at $bicep after restore" >&2
  exit 1
fi
[ -x "$bicep" ] || chmod +x "$bicep"

out=$(mktemp)
trap 'rm -f "$out"' EXIT
status=0
"$bicep" build infra/main.bicep --stdout >/dev/null 2>"$out" || status=$?
"$bicep" lint infra/main.bicep >>"$out" 2>&1 || status=$?
if [ "$status" -ne 0 ] || grep -qE ': (Warning|Error) ' "$out"; then
  cat "$out" >&2
  echo "bicep-check: infra/main.bicep has build or lint findings (Bicep $version)" >&2
  exit 1
fi
echo "bicep-check: infra/main.bicep builds and lints clean (Bicep $version)"
