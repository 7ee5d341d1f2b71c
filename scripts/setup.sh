#!/usr/bin/env bash
# Installs what the project needs and the machine lacks: Debian packages, the npm services
# (Azurite), and the NuGet packages. Safe to run again; it does only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# xmllint validates EPP frames against tools/epp/xsd; Net::EPP is the independent EPP client;
# headless Chromium and its driver run the operations page's browser test (OperationsPageTests).
debian_packages=(libxml2-utils libnet-epp-perl openssl chromium chromium-driver)
missing=()
for p in "${debian_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  sudo_cmd=(); [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -x node_modules/.bin/azurite ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages (Azurite)"
  npm ci --no-audit --no-fund --loglevel=error
fi

dotnet restore Registrar.sln --verbosity quiet
