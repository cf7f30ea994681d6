// Page benchmark (not a test: it prints figures and asserts nothing about time).
//
//   scripts/build-site.sh && node tests/e2e/bench-page.mjs [--big-mb 5] [--runs 3]
//
// Serves dist/ on a free loopback port (as tests/e2e/e2e.mjs does) and drives Debian's
// Chromium with playwright-core. Reports, with the Performance API:
//   1. cold load (fresh browser context, empty cache): navigation timing, bytes transferred
//      (and the gzip -9 size of every file the page loaded), time until the annotator is
//      ready (body[data-ready]);
//   2. first highlight after a cold load: a seed article is submitted the moment the page
//      is ready (no human delay); the time from navigation start to the first highlighted
//      element painted in #article (median of --runs cold loads);
//   3. a big text (default 5 MB: the seed articles repeated): time to the first highlight,
//      to the result and to the whole article built, and every main-thread long task
//      (PerformanceObserver 'longtask', 50 ms and longer) from the click until the page is
//      idle again;
//   4. WASM throughput in Chromium: the page's own worker (worker.js) annotates every
//      document of the seeds x20 (and target/bench-corpus.jsonl when present) one message
//      each, as the page does; MB/s of the time inside annotate (the worker's `ms`) and of
//      the whole round trip (post, annotate, structured clone back); then the module on the
//      main thread, annotate() in a loop.
//
//   --skip big,wasm   leaves out parts 3 and/or 4; --runs N cold loads (default 3).
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = process.env.DIST || path.join(ROOT, 'dist');
const TARGET = process.env.CARGO_TARGET_DIR || path.join(ROOT, 'target');
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? Number(args[i + 1]) : dflt; };
const BIG_MB = opt('--big-mb', 5);
const RUNS = opt('--runs', 3);
// Submit the seed article this many ms after the annotator is ready (default 0: at once).
// With a delay the worker has finished its start-up (word lists, gazetteer) before the
// text arrives, so the figure after submit is the annotation and rendering alone.
const DELAY = opt('--delay', 0);
const SKIP = (() => { const i = args.indexOf('--skip'); return new Set(i >= 0 ? args[i + 1].split(',') : []); })();

if (!fs.existsSync(path.join(DIST, 'index.html'))) {
  console.error(`bench-page: ${DIST}/index.html not found; run scripts/build-site.sh first`);
  process.exit(2);
}

const seeds = fs.readdirSync(path.join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).sort()
  .map((f) => fs.readFileSync(path.join(ROOT, 'seeds', f), 'utf8').trim());
const ARTICLE = seeds[0];
let BIG = '';
for (let i = 0; BIG.length < BIG_MB * 1e6; i++) BIG += (BIG ? '\n\n' : '') + seeds[i % seeds.length];

const freePort = () => new Promise((resolve) => {
  const srv = net.createServer().listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
});
const port = await freePort();
const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', DIST], { stdio: 'ignore' });
const base = `http://127.0.0.1:${port}`;
for (let i = 0; ; i++) {
  try { await fetch(base + '/index.html'); break; } catch (e) { if (i > 80) throw e; await new Promise((r) => setTimeout(r, 100)); }
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-default-apps', '--disable-extensions'],
});

// Runs in the page before its own scripts: long tasks, the moment the annotator is ready,
// the first highlight in #article; with `autorun`, submits the text as soon as it is ready.
function probe({ autorun, delay }) {
  const b = (window.__bench = { longtasks: [], ready: null, firstHighlight: null, clickAt: null, autorun });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) b.longtasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const painted = (key) => requestAnimationFrame(() => setTimeout(() => { if (b[key] === null) b[key] = performance.now(); }, 0));
  let armed = false;
  const arm = () => {
    const article = document.getElementById('article');
    if (armed || !article) return;
    armed = true;
    new MutationObserver((_, obs) => {
      if (article.querySelector('*') && b.clickAt !== null) { obs.disconnect(); painted('firstHighlight'); }
    }).observe(article, { childList: true, subtree: true });
  };
  new MutationObserver((_, obs) => {
    arm();
    if (b.ready === null && document.body && document.body.dataset.ready === 'true') {
      b.ready = performance.now();
      obs.disconnect();
      if (b.autorun !== null) {
        const submit = () => {
          document.getElementById('input').value = b.autorun;
          b.clickAt = performance.now();
          document.getElementById('run').click();
        };
        if (delay > 0) setTimeout(submit, delay); else submit();
      }
    }
  }).observe(document, { attributes: true, childList: true, subtree: true, attributeFilter: ['data-ready'] });
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const ms = (x) => (x === null || x === undefined ? 'n/a' : `${x.toFixed(0)} ms`);

console.log(`machine: ${os.cpus().length} x ${os.cpus()[0]?.model}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log(`chromium ${browser.version()}, page ${base}/index.html (dist/)`);

try {
  // ---- 1 and 2: cold loads ---------------------------------------------------------------
  const cold = [];
  let resources = [];
  for (let r = 0; r < RUNS; r++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // Every URL fetched, the worker's included (its fetches are not in the page's resource timing).
    const fetched = new Set();
    context.on('response', (resp) => fetched.add(resp.url()));
    const page = await context.newPage();
    await page.addInitScript(probe, { autorun: ARTICLE, delay: DELAY });
    await page.goto(base + '/index.html');
    await page.waitForFunction(() => window.__bench && window.__bench.firstHighlight !== null, null, { timeout: 60000 });
    const m = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const res = performance.getEntriesByType('resource');
      return {
        b: window.__bench,
        annotator: document.documentElement.dataset.annotator || null,
        domContentLoaded: nav.domContentLoadedEventEnd, load: nav.loadEventEnd,
        transfer: nav.transferSize + res.reduce((s, e) => s + e.transferSize, 0),
      };
    });
    cold.push(m);
    resources = [...fetched];
    await context.close();
  }
  const first = cold[0];
  console.log(`\n1. cold load (${RUNS} runs, fresh context each; median): DOMContentLoaded ${ms(median(cold.map((c) => c.domContentLoaded)))}, `
    + `load ${ms(median(cold.map((c) => c.load)))}, annotator ready ${ms(median(cold.map((c) => c.b.ready)))} (${first.annotator || 'unknown'}); `
    + `${(first.transfer / 1024).toFixed(0)} KB transferred to the page itself (the worker's fetches not counted)`);
  let raw = 0, gz = 0;
  for (const url of resources) {
    const u = new URL(url);
    if (u.origin !== base) continue;
    const file = path.join(DIST, decodeURIComponent(u.pathname === '/' ? '/index.html' : u.pathname));
    if (!fs.existsSync(file)) continue;
    const bytes = fs.readFileSync(file);
    const g = zlib.gzipSync(bytes, { level: 9 }).length;
    raw += bytes.length; gz += g;
    console.log(`   ${u.pathname.padEnd(28)} ${String(bytes.length).padStart(9)} B  gzip -9 ${String(g).padStart(8)} B`);
  }
  console.log(`   ${'all files the page loaded'.padEnd(28)} ${String(raw).padStart(9)} B  gzip -9 ${String(gz).padStart(8)} B (${(gz / 1024).toFixed(0)} KB)`);
  console.log(`2. first highlight after a cold load (seed article submitted ${DELAY ? `${DELAY} ms after` : 'when'} ready): `
    + `${ms(median(cold.map((c) => c.b.firstHighlight)))} after navigation start (runs: ${cold.map((c) => ms(c.b.firstHighlight)).join(', ')}); `
    + `${ms(median(cold.map((c) => c.b.firstHighlight - c.b.clickAt)))} after submit`);
  const loadTasks = first.b.longtasks.filter((t) => t.start < first.b.firstHighlight);
  console.log(`   long tasks before the first highlight (first run): ${loadTasks.length}, longest ${ms(Math.max(0, ...loadTasks.map((t) => t.duration)))}`);

  // ---- 3: a big text -----------------------------------------------------------------------
  if (!SKIP.has('big')) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(probe, { autorun: null, delay: 0 });
    await page.goto(base + '/index.html');
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60000 });
    await page.evaluate((text) => { document.getElementById('input').value = text; }, BIG);
    await page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
    const before = await page.evaluate(() => document.body.dataset.annotated || '');
    const t0 = await page.evaluate(() => {
      const b = window.__bench;
      b.longtasks = [];
      b.firstHighlight = null;
      b.clickAt = performance.now();
      document.getElementById('run').click();
      return b.clickAt;
    });
    await page.waitForFunction((prev) => (document.body.dataset.annotated || '') !== prev, before, { timeout: 900000, polling: 200 });
    const done = await page.evaluate(() => performance.now());
    // The article is built in slices after the result (app.js): until body[data-rendering] goes.
    await page.waitForFunction(() => !document.body.dataset.rendering, null, { timeout: 900000, polling: 50 });
    const built = await page.evaluate(() => performance.now());
    // Incremental rendering may go on after the result is in: wait until 2 s pass without a long task.
    let settled = built;
    for (;;) {
      await page.waitForTimeout(1000);
      const { now, last } = await page.evaluate(() => ({ now: performance.now(), last: Math.max(0, ...window.__bench.longtasks.map((t) => t.start + t.duration)) }));
      if (now - Math.max(last, built) > 2000) { settled = Math.max(last, built); break; }
      if (now - t0 > 900000) break;
    }
    const b = await page.evaluate(() => ({ ...window.__bench, autorun: null, spans: document.querySelectorAll('#article *').length }));
    const tasks = b.longtasks.filter((t) => t.start >= t0);
    const over100 = tasks.filter((t) => t.duration > 100);
    console.log(`\n3. a ${(BIG.length / 1e6).toFixed(1)} M-character text (seeds repeated), submitted with the Annotate button:`);
    console.log(`   first highlight ${ms(b.firstHighlight - t0)} after submit; result in ${ms(done - t0)}; article complete ${ms(built - t0)}; `
      + `page idle again ${ms(settled - t0)}; ${b.spans} elements in #article`);
    console.log(`   main-thread long tasks: ${tasks.length} (${over100.length} over 100 ms), longest ${ms(Math.max(0, ...tasks.map((t) => t.duration)))}, `
      + `total ${ms(tasks.reduce((s, t) => s + t.duration, 0))}`);
    for (const t of [...tasks].sort((x, y) => y.duration - x.duration).slice(0, 5)) {
      console.log(`     ${ms(t.duration).padStart(9)} at +${ms(t.start - t0)}`);
    }
    await context.close();
  }

  // ---- 4: raw WASM throughput in Chromium ----------------------------------------------------
  if (!SKIP.has('wasm')) {
    const corpora = [['seeds x20', Array.from({ length: 20 }, () => seeds).flat()]];
    const corpusFile = path.join(TARGET, 'bench-corpus.jsonl');
    if (fs.existsSync(corpusFile)) {
      corpora.push(['dev corpus (target/bench-corpus.jsonl)', fs.readFileSync(corpusFile, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l).text)]);
    }
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(base + '/index.html');
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60000 });
    console.log('\n4. WASM throughput in Chromium, the page\'s worker (worker.js), one annotate message per document:');
    for (const [name, docs] of corpora) {
      const r = await page.evaluate(async (docs) => {
        const w = new Worker('/worker.js', { type: 'module', name: 'bench' });
        const next = () => new Promise((resolve, reject) => {
          w.onmessage = (e) => resolve(e.data);
          w.onerror = (e) => reject(new Error(e.message));
        });
        let m = next();
        w.postMessage({ type: 'init' });
        if ((await m).type !== 'ready') throw new Error('worker did not start');
        m = next();
        w.postMessage({ type: 'annotate', id: 0, text: docs[0] });
        await m;
        const bytes = docs.reduce((s, d) => s + new TextEncoder().encode(d).length, 0);
        let inside = 0;
        const t = performance.now();
        for (let i = 0; i < docs.length; i++) {
          m = next();
          w.postMessage({ type: 'annotate', id: i + 1, text: docs[i] });
          const msg = await m;
          if (msg.type !== 'result') throw new Error(msg.message || msg.type);
          inside += msg.ms;
        }
        const total = performance.now() - t;
        w.terminate();
        return { bytes, inside: inside / 1000, total: total / 1000 };
      }, docs);
      console.log(`   ${name}: ${docs.length} documents, ${(r.bytes / 1e6).toFixed(2)} MB: ${(r.bytes / 1e6 / r.inside).toFixed(2)} MB/s inside annotate `
        + `(${r.inside.toFixed(2)} s), ${(r.bytes / 1e6 / r.total).toFixed(2)} MB/s round trip (${r.total.toFixed(2)} s)`);
    }
    console.log('   the module on the main thread, annotate() in a loop, JS objects out:');
    for (const [name, docs] of corpora) {
      const r = await page.evaluate(async (docs) => {
        const m = await import('/pkg/saywhere.js');
        await m.default();
        m.annotate(docs[0]);
        const bytes = docs.reduce((s, d) => s + new TextEncoder().encode(d).length, 0);
        const t = performance.now();
        let n = 0;
        for (const d of docs) n += m.annotate(d).quotes.length;
        return { bytes, s: (performance.now() - t) / 1000, n };
      }, docs);
      console.log(`   ${name}: ${docs.length} documents, ${(r.bytes / 1e6).toFixed(2)} MB in ${r.s.toFixed(2)} s = ${(r.bytes / 1e6 / r.s).toFixed(2)} MB/s`);
    }
    await context.close();
  }
} finally {
  await browser.close();
  server.kill();
}
