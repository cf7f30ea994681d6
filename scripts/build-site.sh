#!/usr/bin/env bash
# Build the page into dist/: the wasm (cargo + wasm-bindgen), the static files from www/,
# the seed articles as examples, and dist/single.html, one self-contained file that works
# from file://. Run scripts/setup.sh first (scripts/serve.sh and scripts/test.sh do).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
target=${CARGO_TARGET_DIR:-target}
out=${SAYWHERE_DIST:-dist}   # another folder: SAYWHERE_DIST=/tmp/d scripts/build-site.sh

# --lib: the `saywhere` binary would write an artefact of the same name.
cargo build --lib --profile wasm --target wasm32-unknown-unknown --locked --quiet
wasm="$target/wasm32-unknown-unknown/wasm/saywhere.wasm"

rm -rf "$out"
mkdir -p "$out/pkg" "$out/examples"
wasm-bindgen --target web --remove-name-section --remove-producers-section --out-dir "$out/pkg" "$wasm"
# npm binaryen 132 only: Debian's binaryen 108 silently breaks wasm-bindgen output.
# `--one-caller-inline-max-function-size 0`: by default wasm-opt inlines every function that
# has one caller, whatever its size, and so merged the people, places and attribution layers
# into `annotate`, one function of 218 KB. V8 compiles that in its optimising tier as one job
# (476 ms of one core, in Node), and until that job ends the engine runs the whole pipeline in
# its baseline code, about three times slower. Kept apart, the layers are optimised in
# parallel and much sooner (README, "Speed and size"). It costs some 0.5 KB of gzip.
if [ -x node_modules/.bin/wasm-opt ]; then
  node_modules/.bin/wasm-opt -Oz --one-caller-inline-max-function-size 0 "$out/pkg/saywhere_bg.wasm" -o "$out/pkg/saywhere_bg.wasm"
fi
# Every file of www/ (modules, icons, manifest, service worker), whatever other files come.
cp -R www/. "$out/"
cp seeds/*.txt "$out/examples/"
python3 scripts/build_single.py "$out"
# The hosted page loads its modules as one bundle and preloads the wasm (a chain of imports otherwise).
python3 scripts/build_hosted.py "$out"
# Minify the hosted page's scripts and style sheet (esbuild from package-lock.json): comments
# and long names are a third of the page's gzip bytes otherwise. Imports stay as they are (no
# bundling); sw.js waits for build_sw.py; single.html keeps the readable sources.
if [ -x node_modules/.bin/esbuild ]; then
  find "$out" -name '*.js' ! -name sw.js -print0 | while IFS= read -r -d '' js; do
    node_modules/.bin/esbuild "$js" --minify --format=esm --log-level=warning --outfile="$js" --allow-overwrite
  done
  node_modules/.bin/esbuild "$out/style.css" --minify --log-level=warning --outfile="$out/style.css" --allow-overwrite
else
  echo "build-site.sh: node_modules/.bin/esbuild missing (run scripts/setup.sh): the page is not minified" >&2
fi
# The service worker precaches every file above under a version hash of them all.
python3 scripts/build_sw.py "$out"
printf 'built %s: wasm %s bytes (%s gzip), single.html %s bytes\n' "$out" \
  "$(wc -c < "$out/pkg/saywhere_bg.wasm")" "$(gzip -9c "$out/pkg/saywhere_bg.wasm" | wc -c)" "$(wc -c < "$out/single.html")"
