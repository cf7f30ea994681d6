#!/usr/bin/env node
// Throughput of Saywhere against compromise (npm), on the same corpus and the same machine.
//
//   scripts/bench-corpus.sh              # optional: target/bench-corpus.jsonl from the dev data
//   scripts/build-site.sh                # dist/pkg: the WebAssembly build the page uses
//   cargo build --release                # target/release/saywhere (optional: native figure)
//   node scripts/compare-compromise.mjs  [--max-bytes N] [--repeat N]
//
// Corpus: target/bench-corpus.jsonl if present, else the two seed articles (repeated so
// the timing is not all start-up). Each system annotates one document at a time, on one
// thread:
//   - compromise: nlp(text), then .quotations(), .people(), .places() as arrays of strings;
//   - Saywhere WASM in Node (dist/pkg, the page's build): annotate(text), the full record
//     (people with mentions, quotes with speakers and rules, places with coordinates) as JS
//     objects;
//   - Saywhere native: `saywhere annotate --jsonl` with RAYON_NUM_THREADS=1, start-up and
//     JSON output included.
// Prints MB/s for each and the ratios. A benchmark: it prints, it asserts nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? Number(args[i + 1]) : dflt; };
const MAX_BYTES = opt('--max-bytes', Infinity);
const REPEAT = opt('--repeat', 1);
const TARGET = process.env.CARGO_TARGET_DIR || path.join(ROOT, 'target');
const PKG = process.env.PKG || path.join(ROOT, 'dist/pkg');

// ---- corpus ------------------------------------------------------------------------------
let docs = [];
let source;
const corpusFile = path.join(TARGET, 'bench-corpus.jsonl');
if (fs.existsSync(corpusFile)) {
  source = path.relative(ROOT, corpusFile);
  for (const line of fs.readFileSync(corpusFile, 'utf8').split('\n')) {
    if (line.trim()) docs.push(JSON.parse(line).text);
  }
} else {
  source = 'seeds/*.txt x50 (run scripts/bench-corpus.sh for the larger corpus)';
  const seeds = fs.readdirSync(path.join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt'))
    .map((f) => fs.readFileSync(path.join(ROOT, 'seeds', f), 'utf8'));
  for (let i = 0; i < 50; i++) docs.push(...seeds);
}
{
  const kept = [];
  let total = 0;
  for (const d of docs) {
    const n = Buffer.byteLength(d);
    if (total + n > MAX_BYTES && kept.length) break;
    kept.push(d); total += n;
  }
  docs = kept;
}
const bytes = docs.reduce((s, d) => s + Buffer.byteLength(d), 0) * REPEAT;
const MB = bytes / 1e6;
console.log(`corpus: ${source}: ${docs.length} documents, ${(MB / REPEAT).toFixed(2)} MB, x${REPEAT}`);
console.log(`machine: ${os.cpus().length} x ${os.cpus()[0]?.model}, node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);

function timed(name, fn) {
  const t0 = performance.now();
  const out = fn();
  const s = (performance.now() - t0) / 1000;
  console.log(`${name.padEnd(44)} ${s.toFixed(2).padStart(8)} s  ${(MB / s).toFixed(3).padStart(9)} MB/s`);
  return { s, out };
}

const results = {};

// ---- compromise --------------------------------------------------------------------------
const { default: nlp } = await import('compromise');
const withCompromise = (text) => {
  const doc = nlp(text);
  return [doc.quotations().out('array'), doc.people().out('array'), doc.places().out('array')];
};
withCompromise(docs[0]); // warm-up: lexicon load and JIT
results.compromise = timed('compromise (quotations, people, places)', () => {
  let n = 0;
  for (let r = 0; r < REPEAT; r++) for (const d of docs) { const [q, p, l] = withCompromise(d); n += q.length + p.length + l.length; }
  return n;
});

// ---- Saywhere, WebAssembly in Node ---------------------------------------------------------
const glue = path.join(PKG, 'saywhere.js');
if (fs.existsSync(glue)) {
  const wasm = await import(pathToFileURL(glue).href);
  const t0 = performance.now();
  wasm.initSync({ module: fs.readFileSync(path.join(PKG, 'saywhere_bg.wasm')) });
  wasm.annotate(docs[0]); // warm-up: lazily built tables
  console.log(`${'saywhere wasm: init + first document'.padEnd(44)} ${((performance.now() - t0) / 1000).toFixed(2).padStart(8)} s`);
  results.wasm = timed('saywhere wasm in Node (full record)', () => {
    let n = 0;
    for (let r = 0; r < REPEAT; r++) for (const d of docs) { const a = wasm.annotate(d); n += a.quotes.length + a.people.length + a.places.length; }
    return n;
  });
} else {
  console.log(`saywhere wasm: ${path.relative(ROOT, glue)} not found; run scripts/build-site.sh`);
}

// ---- Saywhere, native (one thread) -------------------------------------------------------
const bin = path.join(TARGET, 'release/saywhere');
if (fs.existsSync(bin)) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'saywhere-compare-'));
  const input = path.join(tmp, 'in.jsonl');
  const lines = [];
  for (let r = 0; r < REPEAT; r++) docs.forEach((d, i) => lines.push(JSON.stringify({ id: `${r}-${i}`, text: d })));
  fs.writeFileSync(input, lines.join('\n') + '\n');
  results.native = timed('saywhere native, 1 thread (--jsonl, full JSON)', () =>
    spawnSync(bin, ['annotate', '--jsonl', input], { env: { ...process.env, RAYON_NUM_THREADS: '1' }, maxBuffer: 1 << 30 }));
  if (results.native.out.status !== 0) console.log('saywhere native failed:', String(results.native.out.stderr));
  fs.rmSync(tmp, { recursive: true, force: true });
} else {
  console.log(`saywhere native: ${path.relative(ROOT, bin)} not found; run cargo build --release`);
}

// ---- ratios ------------------------------------------------------------------------------
for (const k of ['wasm', 'native']) {
  if (results[k]) console.log(`ratio saywhere ${k} / compromise: ${(results.compromise.s / results[k].s).toFixed(1)}x faster`);
}
