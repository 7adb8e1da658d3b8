#!/usr/bin/env bash
# Installs the UI's packages exactly as locked (npm ci) and builds ui/dist, which the desktop
# app embeds. Skips the install when node_modules matches the lock file already.
set -euo pipefail
cd "$(dirname "$0")/../ui"

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
npm run build
