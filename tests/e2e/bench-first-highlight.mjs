// First-highlight benchmark in a plain headless Chromium, with no DevTools protocol attached
// (not a test: it prints figures and asserts nothing about time).
//
//   scripts/build-site.sh && node tests/e2e/bench-first-highlight.mjs [--runs 7] [--delay MS]
//
// Why a second page benchmark: playwright (tests/e2e/bench-page.mjs) drives the browser over
// the DevTools protocol, and with it attached WebAssembly runs markedly slower (the worker's
// start-up, its word lists and gazetteer, took 87–151 ms under playwright against 66–75 ms
// without, the same module on the same machine). A reader's browser has no debugger attached.
//
// How: dist/ is served by a small server in this script, which hands out index.html with a
// probe script at the top of its head (the same probe as bench-page's: it submits the first
// seed article the moment the page is ready, or --delay ms later, and notes when the first
// highlight is painted in #article) and an image that the server answers only once the probe
// has reported, so the page's load event waits for the figures. `chromium --headless
// --dump-dom`, a fresh profile each run (a cold load, empty cache), prints the page; the
// figures come from the probe's report. Times are from navigation start.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = process.env.DIST || path.join(ROOT, 'dist');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? Number(args[i + 1]) : dflt; };
const RUNS = opt('--runs', 7);
const DELAY = opt('--delay', 0);

if (!fs.existsSync(path.join(DIST, 'index.html'))) {
  console.error(`bench-first-highlight: ${DIST}/index.html not found; run scripts/build-site.sh first`);
  process.exit(2);
}
const seed = fs.readdirSync(path.join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).sort()
  .map((f) => fs.readFileSync(path.join(ROOT, 'seeds', f), 'utf8').trim())[0];

function probe(article, delay) {
  const b = { ready: null, click: null, highlight: null, ms: null };
  const report = () => {
    const img = new Image();
    img.src = '/__hold?report=' + encodeURIComponent(JSON.stringify(b));
    document.documentElement.append(img);
  };
  new MutationObserver((_, obs) => {
    if (b.ready !== null || !document.body || document.body.dataset.ready !== 'true') return;
    obs.disconnect();
    b.ready = performance.now();
    const submit = () => {
      const article = document.getElementById('article');
      new MutationObserver((__, o) => {
        if (!article.querySelector('*')) return;
        o.disconnect();
        requestAnimationFrame(() => setTimeout(() => { b.highlight = performance.now(); report(); }, 0));
      }).observe(article, { childList: true, subtree: true });
      document.getElementById('input').value = ARTICLE;
      b.click = performance.now();
      document.getElementById('run').click();
    };
    if (delay > 0) setTimeout(submit, delay); else submit();
  }).observe(document, { attributes: true, childList: true, subtree: true, attributeFilter: ['data-ready'] });
}

const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm',
  '.json': 'application/json', '.webmanifest': 'application/manifest+json', '.svg': 'image/svg+xml', '.png': 'image/png', '.txt': 'text/plain' };
let held = null; // the response to the page's hold image, answered when the probe reports
let reported = null;
const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  if (url.pathname === '/__hold') {
    const r = url.searchParams.get('report');
    if (r) {
      reported = r;
      res.writeHead(204).end();
      if (held) { held.writeHead(204).end(); held = null; }
    } else {
      held = res;
      setTimeout(() => { if (held === res) { res.writeHead(204).end(); held = null; } }, 20000);
    }
    return;
  }
  const file = path.join(DIST, decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname));
  if (!file.startsWith(DIST) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) { res.writeHead(404).end(); return; }
  let body = fs.readFileSync(file);
  if (url.pathname === '/index.html') {
    const script = `<script>const ARTICLE = ${JSON.stringify(seed)};(${probe})(ARTICLE, ${DELAY});</script>`;
    body = Buffer.from(body.toString('utf8').replace('<head>', '<head>' + script).replace('</body>', '<img src="/__hold" alt=""></body>'));
  }
  res.writeHead(200, { 'Content-Type': types[path.extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-store' }).end(body);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const runs = [];
for (let r = 0; r < RUNS; r++) {
  reported = null;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'saywhere-bench-'));
  // (Asynchronously: this process's server must keep answering meanwhile.)
  await new Promise((resolve) => {
    const p = spawn(CHROMIUM, ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-extensions', `--user-data-dir=${profile}`, '--dump-dom', base + '/index.html'], { stdio: 'ignore' });
    const kill = setTimeout(() => p.kill('SIGKILL'), 60000);
    p.on('exit', () => { clearTimeout(kill); resolve(); });
  });
  fs.rmSync(profile, { recursive: true, force: true });
  if (!reported) { console.log(`run ${r + 1}: no report (the page did not highlight within the time)`); continue; }
  runs.push(JSON.parse(reported));
}
server.close();
if (!runs.length) process.exit(1);
const f = (x) => `${Math.round(x)} ms`;
console.log(`machine: ${os.cpus().length} x ${os.cpus()[0]?.model}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log(`plain headless Chromium (no DevTools protocol), ${runs.length} cold loads, seed article submitted ${DELAY ? `${DELAY} ms after` : 'when'} ready (medians):`);
console.log(`  annotator ready ${f(median(runs.map((b) => b.ready)))}; first highlight ${f(median(runs.map((b) => b.highlight)))} after navigation start `
  + `(runs: ${runs.map((b) => f(b.highlight)).join(', ')}), ${f(median(runs.map((b) => b.highlight - b.click)))} after submit `
  + `(runs: ${runs.map((b) => f(b.highlight - b.click)).join(', ')})`);
