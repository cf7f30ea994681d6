#!/usr/bin/env bash
# The run command: install what is missing, build the page, serve it on 127.0.0.1.
#   scripts/serve.sh [PORT]     (default 8000; PORT env var also works)
set -euo pipefail
cd "$(dirname "$0")/.."
port=${1:-${PORT:-8000}}
scripts/setup.sh
scripts/build-site.sh
echo "Saywhere: http://127.0.0.1:$port/   (self-contained file: dist/single.html)"
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory dist
