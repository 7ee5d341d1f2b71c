#!/usr/bin/env bash
# Sets up what is missing, builds everything (the Functions app included), and runs every
# test. Tests that need Azurite, the registry simulator or the mail sink start them themselves.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

dotnet build Registrar.sln -c Release --no-restore -nologo -clp:ErrorsOnly

# The conventions in .editorconfig hold: whitespace, import order, file-scoped namespaces.
dotnet format Registrar.sln --verify-no-changes --no-restore

# The Azure infrastructure: infra/main.bicep must build and lint with no warning.
scripts/bicep-check.sh

log=$(mktemp)
status=0
dotnet test Registrar.sln -c Release --no-build -nologo 2>&1 | tee "$log" || status=$?

# One closing line for the whole run, summed over the test projects.
awk '/^(Passed|Failed)!/ {
       for (i = 1; i <= NF; i++) {
         gsub(",", "", $(i+1))
         if ($i == "Failed:")  failed  += $(i+1)
         if ($i == "Passed:")  passed  += $(i+1)
         if ($i == "Skipped:") skipped += $(i+1)
       }
     }
     END { printf "Tests: %d passed, %d failed, %d skipped\n", passed, failed, skipped }' "$log"
rm -f "$log"
exit $status
