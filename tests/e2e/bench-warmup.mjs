// Where the wasm's first seconds go in a plain headless Chromium (not a test: it prints
// figures and asserts nothing about time).
//
//   scripts/build-site.sh && node tests/e2e/bench-warmup.mjs [--runs 8] [PKG_DIR ...]
//
// The first `annotate` in a fresh page is far slower than every later one, and not only
// because the word lists and the gazetteer are built then. V8 compiles a wasm function
// lazily, on its first call, with its baseline compiler (Liftoff), runs that slower code,
// and compiles the functions that turn out hot again with its optimising compiler
// (TurboFan) on background threads. This benchmark separates the parts. In a module
// worker it compiles the module (`compileStreaming`), then:
//   - instance A: the first `annotate` of one sentence (lazy compile, tables built in
//     baseline code, optimising compiles started), then the first seed article;
//   - instance B, a second instance of the same compiled module (its code is compiled, and
//     partly optimised, but its memory is new): the first `annotate` of the same sentence,
//     that is the tables' build without the compiler's first-call costs;
//   - instance A again: four passes over the first megabyte of target/bench-corpus.jsonl
//     (when present), MB/s of each, to show how soon the optimised code takes over.
// Every run is a cold start of a fresh browser profile; the figures are medians. With
// several PKG_DIRs (wasm-bindgen output folders, default dist/pkg) the runs alternate, so
// two builds can be compared on a busy machine.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TARGET = process.env.CARGO_TARGET_DIR || path.join(ROOT, 'target');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(args[runsAt + 1]) : 8;
const pkgs = args.filter((a, i) => !a.startsWith('--') && (runsAt < 0 || i !== runsAt + 1)).map((p) => path.resolve(p));
if (!pkgs.length) pkgs.push(path.join(ROOT, 'dist', 'pkg'));
for (const p of pkgs) {
  if (!fs.existsSync(path.join(p, 'saywhere_bg.wasm'))) {
    console.error(`bench-warmup: ${p}/saywhere_bg.wasm not found; run scripts/build-site.sh first`);
    process.exit(2);
  }
}

const seed = fs.readdirSync(path.join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).sort()
  .map((f) => fs.readFileSync(path.join(ROOT, 'seeds', f), 'utf8'))[0];
// The first megabyte of the bench corpus (scripts/bench-corpus.sh), as a JSON array of texts.
let corpus = '[]';
const corpusFile = path.join(TARGET, 'bench-corpus.jsonl');
if (fs.existsSync(corpusFile)) {
  const texts = [];
  let bytes = 0;
  for (const line of fs.readFileSync(corpusFile, 'utf8').split('\n')) {
    if (!line.trim() || bytes > 1e6) continue;
    const t = JSON.parse(line).text;
    texts.push(t);
    bytes += Buffer.byteLength(t);
  }
  corpus = JSON.stringify(texts);
}

const page = `<!doctype html><meta charset="utf-8"><title>warm-up</title><script type="module">
const w = new Worker('/worker.js', { type: 'module' });
w.onmessage = (e) => { const img = new Image(); img.src = '/__report?r=' + encodeURIComponent(JSON.stringify(e.data)); document.body.append(img); };
w.onerror = (e) => { const img = new Image(); img.src = '/__report?r=' + encodeURIComponent(JSON.stringify({ error: String(e.message) })); document.body.append(img); };
</script><body><img src="/__hold" alt="">`;

const worker = `
const A = await import('/pkg/saywhere.js?a');
const B = await import('/pkg/saywhere.js?b');
const SENTENCE = '“We are ready,” said Anna Smith, the mayor of Paris, on Monday in London.';
const now = () => performance.now();
const t0 = now();
const module = await WebAssembly.compileStreaming(fetch('/pkg/saywhere_bg.wasm'));
const t1 = now();
await A.default({ module_or_path: module });
const t2 = now();
A.annotate(SENTENCE);
const t3 = now();
const seed = await (await fetch('/seed.txt')).text();
const t4 = now();
A.annotate(seed);
const t5 = now();
await B.default({ module_or_path: module });
const t6 = now();
B.annotate(SENTENCE);
const t7 = now();
const docs = await (await fetch('/corpus.json')).json();
let bytes = 0;
for (const d of docs) bytes += new TextEncoder().encode(d).length;
const passes = [];
for (let r = 0; docs.length && r < 4; r++) {
  const t = now();
  for (const d of docs) A.annotate(d);
  passes.push(bytes / 1e6 / ((now() - t) / 1000));
}
postMessage({ compile: t1 - t0, instantiate: t2 - t1, first: t3 - t2, seed: t5 - t4, tables: t7 - t6,
  pass1: passes[0] ?? null, pass2: passes[1] ?? null, best: passes.length ? Math.max(...passes) : null });
`;

let pkg = pkgs[0];
let held = null;
let reported = null;
const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  const send = (type, body) => res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' }).end(body);
  if (url.pathname === '/__hold') {
    held = res;
    setTimeout(() => { if (held === res) { res.writeHead(204).end(); held = null; } }, 60000);
  } else if (url.pathname === '/__report') {
    reported = url.searchParams.get('r');
    res.writeHead(204).end();
    if (held) { held.writeHead(204).end(); held = null; }
  } else if (url.pathname === '/') send('text/html', page);
  else if (url.pathname === '/worker.js') send('text/javascript', worker);
  else if (url.pathname === '/seed.txt') send('text/plain; charset=utf-8', seed);
  else if (url.pathname === '/corpus.json') send('application/json', corpus);
  else if (url.pathname.startsWith('/pkg/') && !url.pathname.includes('..')) {
    const file = path.join(pkg, url.pathname.slice(5));
    if (!fs.existsSync(file)) { res.writeHead(404).end(); return; }
    send(file.endsWith('.wasm') ? 'application/wasm' : 'text/javascript', fs.readFileSync(file));
  } else res.writeHead(404).end();
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));

const results = new Map(pkgs.map((p) => [p, []]));
for (let r = 0; r < RUNS; r++) {
  for (const p of pkgs) {
    pkg = p;
    reported = null;
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'saywhere-warmup-'));
    await new Promise((resolve) => {
      const c = spawn(CHROMIUM, ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run', '--disable-extensions', `--user-data-dir=${profile}`, '--dump-dom', `http://127.0.0.1:${server.address().port}/`], { stdio: 'ignore' });
      const kill = setTimeout(() => c.kill('SIGKILL'), 90000);
      c.on('exit', () => { clearTimeout(kill); resolve(); });
    });
    fs.rmSync(profile, { recursive: true, force: true });
    const got = reported && JSON.parse(reported);
    if (!got || got.error) { console.log(`${p}, run ${r + 1}: no figures${got ? ` (${got.error})` : ''}`); continue; }
    results.get(p).push(got);
  }
}
server.close();

const median = (xs) => { const s = xs.filter((x) => x !== null).sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)] : null; };
const ms = (x) => (x === null ? '-' : `${x.toFixed(1)} ms`);
const mbs = (x) => (x === null ? '-' : `${x.toFixed(2)} MB/s`);
console.log(`machine: ${os.cpus().length} x ${os.cpus()[0]?.model}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; plain headless Chromium, medians of cold starts`);
for (const [p, rs] of results) {
  if (!rs.length) continue;
  const m = (k) => median(rs.map((x) => x[k]));
  console.log(`${path.relative(process.cwd(), p) || p} (${rs.length} runs):`);
  console.log(`  compileStreaming ${ms(m('compile'))}, instantiate ${ms(m('instantiate'))}`);
  console.log(`  first annotate of a sentence ${ms(m('first'))} (the tables' build alone, in compiled code: ${ms(m('tables'))}); then the seed article ${ms(m('seed'))}`);
  console.log(`  1 MB of the bench corpus: pass 1 ${mbs(m('pass1'))}, pass 2 ${mbs(m('pass2'))}, best of 4 ${mbs(m('best'))}`);
}
