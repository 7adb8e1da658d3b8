#!/usr/bin/env bash
# Sets up a fresh Debian/Ubuntu machine and starts the OMS Desk desktop app. On first start it
# runs the built-in local sandbox and creates a "Local sandbox" account, so every screen works
# without a warehouse account. (The `oms` command line: cargo run -p oms-cli -- endpoints.)
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
[ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"

scripts/build-ui.sh
cargo build --locked --release -p oms-desk
exec target/release/oms-desk "$@"
