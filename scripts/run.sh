#!/usr/bin/env bash
# Sets up a fresh Debian/Ubuntu machine and runs OMS Desk. The desktop window is not built yet;
# until it is, this builds the `oms` command line and shows the endpoint catalogue. Any further
# arguments are passed to `oms` (for example: scripts/run.sh call warehouse_list).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
[ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"

cargo build --locked --release -p oms-cli
if [ $# -eq 0 ]; then
  exec target/release/oms endpoints
fi
exec target/release/oms "$@"
