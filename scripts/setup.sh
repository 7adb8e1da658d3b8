#!/usr/bin/env bash
# Installs what OMS Desk needs to build and test on Debian or Ubuntu: the system packages and a
# Rust toolchain. Safe to run again: it installs only what is missing.
set -euo pipefail

packages=(
  build-essential pkg-config curl ca-certificates git
  # PDF and barcode checks of the sandbox's labels
  poppler-utils zbar-tools
  # the real Secret Service for the keyring tests (a private, unlocked gnome-keyring)
  dbus gnome-keyring libglib2.0-bin
  # Tauri 2 on Linux (WebKitGTK 4.1) and its end-to-end tests (WebKitWebDriver under Xvfb)
  libwebkit2gtk-4.1-dev libjavascriptcoregtk-4.1-dev libgtk-3-dev libsoup-3.0-dev librsvg2-dev
  libayatana-appindicator3-dev webkit2gtk-driver xvfb xauth
  # a Chinese font, so the zh-CN interface (and its screenshots) render as text, not boxes
  fonts-wqy-microhei
)

# Node.js and npm build the UI; any install that provides npm will do.
if ! command -v npm >/dev/null 2>&1; then
  packages+=(nodejs npm)
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}"
fi

if ! command -v cargo >/dev/null 2>&1; then
  echo "setup: installing Rust with rustup"
  curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal
  # shellcheck disable=SC1091
  . "$HOME/.cargo/env"
fi

# tauri-driver bridges WebDriver to the app's webview for the end-to-end tests.
if ! command -v tauri-driver >/dev/null 2>&1; then
  echo "setup: installing tauri-driver"
  cargo install tauri-driver --locked --version "^2"
fi
