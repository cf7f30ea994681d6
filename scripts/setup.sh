#!/usr/bin/env bash
# Install what building and testing Saywhere needs, idempotently:
#   the wasm32 target, wasm-bindgen-cli at the version in Cargo.lock, npm packages from
#   package-lock.json, and (with --browser) Debian's chromium and chromium-driver.
# Safe to run again: each step is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/.."

want_browser=0
for a in "$@"; do
  case "$a" in
    --browser) want_browser=1 ;;
    *) echo "usage: scripts/setup.sh [--browser]" >&2; exit 2 ;;
  esac
done

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

wbv=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"/\1/p')
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wbv" ]; then
  say "installing wasm-bindgen-cli $wbv (a few minutes, once)"
  # --locked can fail on this registry mirror (../shared/TOOLCHAIN.md, pitfall 1).
  cargo install wasm-bindgen-cli --version "=$wbv" --locked \
    || cargo install wasm-bindgen-cli --version "=$wbv"
fi

if [ -f package-lock.json ]; then
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing npm packages from package-lock.json"
    npm ci --no-audit --no-fund --loglevel=error
  fi
fi

if [ "$want_browser" = 1 ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing Debian's chromium and chromium-driver"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends chromium chromium-driver
  fi
fi
say "ready"
