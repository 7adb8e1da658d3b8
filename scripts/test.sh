#!/usr/bin/env bash
# Sets up a fresh Debian/Ubuntu machine (scripts/setup.sh) and runs every test of the workspace.
# The API contract is read from ../shared/oms-api beside the checkout (or OMS_SPEC_DIR).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
[ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"

spec_dir="${OMS_SPEC_DIR:-$(cd .. && pwd)/shared/oms-api}"
if [ ! -f "$spec_dir/endpoints.json" ]; then
  echo "test: the API contract is missing: expected $spec_dir/endpoints.json" >&2
  echo "test: put shared/oms-api beside this checkout or set OMS_SPEC_DIR" >&2
  exit 1
fi
export OMS_SPEC_DIR="$spec_dir"

# The UI first: the desktop app embeds ui/dist (build.rs writes a placeholder when it is missing).
# Then its unit tests (vitest: form helpers, paging, errors, i18n) and the type check.
scripts/build-ui.sh
(cd ui && npm test && npm run check)

# Includes `oms-desk`'s check that ui/src/lib/bindings.ts matches the Rust commands and types.
cargo test --workspace --locked

# The wire types as the desktop UI sees them in TypeScript.
cargo test -p oms-api --locked --features specta --test typescript

# Secrets against the real Secret Service: a private D-Bus session with an unlocked gnome-keyring.
crates/oms-accounts/tests/with-keyring.sh \
  cargo test -p oms-accounts --locked --features keyring-tests --test real_keyring

# The desktop app's state against the same private Secret Service: secrets survive a restart,
# are replaced and deleted, never reach the accounts file or the log, and the app's real keyring
# namespaces are never touched.
crates/oms-accounts/tests/with-keyring.sh \
  cargo test -p oms-desk-core --locked --features keyring-tests --test real_keyring

# The real binary in its real webview, driven by WebDriver (tauri-driver + WebKitWebDriver) in a
# virtual display, against a private Secret Service. Screenshots land in artifacts/e2e/.
cargo build -p oms-desk --locked
xvfb-run -a --server-args="-screen 0 1400x900x24" crates/oms-accounts/tests/with-keyring.sh \
  cargo test -p oms-desk-e2e --locked --features e2e
