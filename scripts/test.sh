#!/usr/bin/env bash
# Sets up what is missing, builds, and runs every test of the local build (the Functions
# project is left out: see README). Tests that need Azurite, the registry simulator or the
# mail sink start them themselves.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

dotnet build Registrar.Local.slnf -c Release --no-restore -nologo -clp:ErrorsOnly

# The Azure infrastructure: infra/main.bicep must build and lint with no warning.
scripts/bicep-check.sh
# The Functions app (not restorable here) must compile against the API its reference shows.
dotnet build tools/functions-reference-check -c Release -nologo -clp:ErrorsOnly

log=$(mktemp)
status=0
dotnet test Registrar.Local.slnf -c Release --no-build -nologo 2>&1 | tee "$log" || status=$?

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
