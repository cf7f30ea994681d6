#!/usr/bin/env bash
# Build target/bench-corpus.txt (a larger benchmark corpus, a mix of news and fiction) and
# target/bench-corpus.jsonl (the same texts as {"id","text"} records, for the batch mode)
# from the `text` fields of ../shared/eval/*.dev.jsonl. Both stay in target/ and are never
# committed (the eval data has no licence for redistribution). The benchmarks work without
# them (they fall back to the seed articles).
#   scripts/bench-corpus.sh [EVAL_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
eval_dir=${1:-../shared/eval}
target=${CARGO_TARGET_DIR:-target}
mkdir -p "$target"
if ! ls "$eval_dir"/*.dev.jsonl >/dev/null 2>&1; then
  echo "bench-corpus: no $eval_dir/*.dev.jsonl; the benchmarks will use the seeds only" >&2
  exit 0
fi
python3 - "$eval_dir" "$target" <<'PY'
import glob, json, os, sys
eval_dir, target = sys.argv[1], sys.argv[2]
texts, seen = [], set()
for path in sorted(glob.glob(os.path.join(eval_dir, "*.dev.jsonl"))):
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f):
            line = line.strip()
            if not line:
                continue
            rec = json.loads(line)
            text = rec.get("text") or ""
            if text and text not in seen:   # the place sets share some articles
                seen.add(text)
                texts.append((rec.get("id", f"{os.path.basename(path)}:{n}"), text))
# Documents separated by a form feed: the benchmarks split on it and annotate one document
# at a time, like a reader would.
with open(os.path.join(target, "bench-corpus.txt"), "w", encoding="utf-8") as f:
    f.write("\n\f\n".join(t for _, t in texts))
with open(os.path.join(target, "bench-corpus.jsonl"), "w", encoding="utf-8") as f:
    for i, t in texts:
        f.write(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n")
total = sum(len(t.encode("utf-8")) for _, t in texts)
print(f"bench-corpus: {len(texts)} documents, {total} bytes -> {target}/bench-corpus.txt, {target}/bench-corpus.jsonl")
PY
