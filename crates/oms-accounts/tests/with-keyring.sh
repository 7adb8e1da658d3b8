#!/usr/bin/env bash
# Runs a command against a real, private, unlocked Secret Service (gnome-keyring) on a private
# D-Bus session bus, so the keyring tests exercise the same code path as the desktop app on Linux
# without touching the user's own keyring.
#
#   crates/oms-accounts/tests/with-keyring.sh CMD [ARG...]
#
# Needs: dbus-run-session (package dbus, or dbus-daemon), gnome-keyring, gdbus (libglib2.0-bin).
# Fails (never skips) when any of them is missing or the keyring does not come up unlocked.
set -euo pipefail

if [ "$#" -eq 0 ]; then
    echo "usage: $0 CMD [ARG...]" >&2
    exit 2
fi

for tool in dbus-run-session gnome-keyring-daemon gdbus; do
    if ! command -v "$tool" >/dev/null; then
        echo "with-keyring.sh: '$tool' is not installed (apt-get install dbus gnome-keyring libglib2.0-bin)" >&2
        exit 1
    fi
done

# First pass: start a private session bus and run this script again inside it.
if [ -z "${OMS_WITH_KEYRING_INSIDE:-}" ]; then
    exec env OMS_WITH_KEYRING_INSIDE=1 dbus-run-session -- "$0" "$@"
fi

# Second pass, inside the private bus. The keyring files live in a throwaway folder: the daemon
# keeps them under $XDG_DATA_HOME/keyrings and its sockets under $XDG_RUNTIME_DIR.
scratch="$(mktemp -d)"
chmod 700 "$scratch"
trap 'rm -rf "$scratch"' EXIT
export XDG_RUNTIME_DIR="$scratch/run" XDG_DATA_HOME="$scratch/data"
mkdir -m 700 -p "$XDG_RUNTIME_DIR" "$XDG_DATA_HOME"

# An empty password does not create the login keyring, so use a throwaway one. The daemon
# prints environment assignments (none with only the secrets component on recent versions).
assignments="$(printf 'oms-desk-test' | gnome-keyring-daemon --unlock --components=secrets)"
while IFS= read -r line; do
    case "$line" in
        *=*) export "${line?}" ;;
    esac
done <<<"$assignments"

if ! gdbus wait --session --timeout 10 org.freedesktop.secrets; then
    echo "with-keyring.sh: the Secret Service did not appear on the session bus" >&2
    exit 1
fi

locked="$(gdbus call --session --dest org.freedesktop.secrets \
    --object-path /org/freedesktop/secrets/aliases/default \
    --method org.freedesktop.DBus.Properties.Get org.freedesktop.Secret.Collection Locked)"
if [ "$locked" != "(<false>,)" ]; then
    echo "with-keyring.sh: the default keyring is not unlocked: $locked" >&2
    exit 1
fi

"$@"
