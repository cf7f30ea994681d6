#!/usr/bin/env bash
# Score `saywhere eval` on every gold file in ../shared/eval (or the files given) with score.py.
# Usage: scripts/eval.sh [GOLD.jsonl ...]     Prints one line per file.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SHARED:-../shared}
cargo build --release --quiet
bin=${CARGO_TARGET_DIR:-target}/release/saywhere
files=("$@")
[ ${#files[@]} -gt 0 ] || files=("$shared"/eval/seeds.gold.jsonl "$shared"/eval/*.dev.jsonl)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for gold in "${files[@]}"; do
  name=$(basename "$gold" .jsonl)
  "$bin" eval "$gold" > "$tmp/$name.pred"
  python3 "$shared/eval/score.py" --json "$gold" "$tmp/$name.pred" > "$tmp/$name.json"
  python3 - "$name" "$tmp/$name.json" <<'PY'
import json, sys
name, path = sys.argv[1], sys.argv[2]
s = json.load(open(path))
def get(*keys):
    d = s
    for k in keys:
        if not isinstance(d, dict) or k not in d: return None
        d = d[k]
    return d
parts = []
for label, keys in [("quoteF1", ("quotes", "overlap", "f1")), ("quoteF1x", ("quotes", "exact", "f1")),
                    ("attr", ("quotes", "attribution", "accuracy")),
                    ("name", ("quotes", "attribution", "name_only_accuracy")),
                    ("q+spk", ("quotes", "quote_speaker_e2e", "f1")),
                    ("peopleF1", ("people", "exact", "f1")), ("peopleF1o", ("people", "overlap", "f1")),
                    ("placesF1", ("places", "exact", "f1"))]:
    v = get(*keys)
    if isinstance(v, (int, float)): parts.append(f"{label} {v:.3f}")
print(f"{name:22s} " + "  ".join(parts))
PY
done
