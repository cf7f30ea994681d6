// Offline everywhere, tested in Chromium (playwright-core) on the built page (dist/):
//  - the hosted page registers its service worker on the first visit, precaches every file
//    of the page (the list build_sw.py wrote into sw.js) and can be installed (Chromium's own
//    installability check: manifest, icons, service worker);
//  - with the server stopped and the network blocked (offline, every request aborted) a
//    reload still loads the page, annotates a text and exports it, and not one request
//    reaches the network meanwhile;
//  - a new build (a changed file, a new sw.js version) replaces the old cache;
//  - the file:// single file works with the network blocked and asks for nothing but itself;
//  - no service worker is ever registered by the single file (file://, or served over http).
// Prints `N passed, M failed`. Screenshot: tests/e2e/out/offline.png.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { harness, ROOT, DIST, OUT } from './harness.mjs';

const ARTICLE = 'Mayor Jane Smith opened the new bridge in Lyon on Monday.\n\n'
  + '“We will win this,” said Jane Smith, the mayor of Lyon.\n\n'
  + 'She added: “The work starts today.”';

const h = await harness();

/** A copy of dist/ served on its own port, so a test can stop the server or change a file. */
async function ownServer() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saywhere-offline-'));
  fs.cpSync(DIST, dir, { recursive: true });
  const port = await new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => { const { port: p } = srv.address(); srv.close(() => resolve(p)); });
  });
  const proc = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dir], { stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try { await fetch(base + '/index.html'); break; } catch (e) { if (i > 80) throw e; await new Promise((r) => setTimeout(r, 100)); }
  }
  const exited = new Promise((r) => proc.once('exit', r));
  return { dir, base, url: base + '/index.html', stop: () => { proc.kill(); return exited; } };
}

/** The precache list and version that build_sw.py wrote into sw.js. */
function swInfo(dir) {
  const src = fs.readFileSync(path.join(dir, 'sw.js'), 'utf8');
  const version = /^const VERSION = '([^']+)';$/m.exec(src)[1];
  const precache = JSON.parse(/^const PRECACHE = (\[.*\]);$/m.exec(src)[1]);
  return { version, precache };
}

/** Waits until a service worker controls the page and has finished installing. */
async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null
    && document.documentElement.dataset.offline === 'ready', null, { timeout: 15000 });
}

async function exportJSON(page) {
  await page.click('#export');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-menu button[data-format="json"]')]);
  const file = path.join(OUT, 'offline-export.json');
  await download.saveAs(file);
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

async function annotateAndExport(page) {
  await h.paste(page, ARTICLE);
  const quotes = await page.$$eval('#article .qs', (els) => els.map((e) => e.getAttribute('aria-label')));
  assert.ok(quotes.length >= 2 && /Jane Smith/.test(quotes[0]), 'quotes highlighted and linked: ' + JSON.stringify(quotes));
  const doc = await exportJSON(page);
  assert.equal(doc.text, ARTICLE, 'the export holds the text');
  assert.ok(doc.quotes.some((q) => doc.people[q.speaker] && /Jane Smith/.test(doc.people[q.speaker].name)), 'the export holds the speaker');
}

// Only the browser's own check for a new sw.js may try the network while offline.
const SW_UPDATE = /\/sw\.js$/;
// …and fail, which the browser reports in the console.
const SW_UPDATE_ERROR = /ServiceWorker|sw\.js|Failed to update/i;

{
  const srv = await ownServer();
  const { version, precache } = swInfo(srv.dir);
  await h.check('first visit: service worker, precache, installable', srv.url, async (page, { context }) => {
    await controlled(page);
    const cached = await page.evaluate(async () => {
      const keys = await caches.keys();
      const out = {};
      for (const k of keys) out[k] = (await (await caches.open(k)).keys()).map((r) => new URL(r.url).pathname);
      return out;
    });
    assert.deepEqual(Object.keys(cached), ['saywhere-' + version], 'one cache, of this build: ' + Object.keys(cached));
    const want = precache.map((p) => '/' + (p === './' ? '' : p)).sort();
    assert.deepEqual(cached['saywhere-' + version].sort(), want, 'every file of the page is precached');
    assert.ok(precache.includes('pkg/saywhere_bg.wasm') && precache.includes('app.bundle.js') && precache.includes('manifest.webmanifest'));
    assert.ok(!precache.includes('single.html') && !precache.includes('sw.js'));
    // Chromium's installability check (the criteria of its install prompt).
    const cdp = await context.newCDPSession(page);
    const manifest = await cdp.send('Page.getAppManifest');
    assert.deepEqual(manifest.errors, [], 'the manifest parses: ' + JSON.stringify(manifest.errors));
    const parsed = JSON.parse(manifest.data);
    assert.equal(parsed.short_name, 'Saywhere');
    assert.ok(parsed.icons.some((i) => i.sizes === '512x512' && i.type === 'image/png'));
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    // A Playwright context is an off-the-record profile; that alone is not the page's doing.
    const errs = installabilityErrors.filter((e) => e.errorId !== 'in-incognito');
    assert.deepEqual(errs, [], 'installable: ' + JSON.stringify(installabilityErrors));
    // The footer offers the single file, and it is there.
    const single = await page.getAttribute('a[href="single.html"]', 'download');
    assert.equal(single, '', 'a download link to single.html');
    assert.ok(await page.evaluate(async () => (await fetch('single.html')).ok), 'single.html is served beside the page');
    // Every icon the manifest names is there.
    for (const icon of parsed.icons) {
      const ok = await page.evaluate(async (src) => (await fetch(src)).ok, icon.src);
      assert.ok(ok, 'icon ' + icon.src);
    }
  });

  await h.check('offline reload: server stopped, network blocked; annotate and export', srv.url, async (page, { context, errors }) => {
    await controlled(page);
    await srv.stop();
    const attempts = [];
    await context.setOffline(true);
    await context.route('**/*', (route) => { attempts.push(route.request().url()); return route.abort('internetdisconnected'); });
    const network = [];
    context.on('request', (r) => { if (!r.url().startsWith('blob:') && !r.url().startsWith('data:')) network.push(r); });
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
    assert.equal(await page.evaluate(() => navigator.onLine), false, 'the browser is offline');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.annotator), 'worker', 'the annotator worker started from the cache');
    await annotateAndExport(page);
    await page.screenshot({ path: path.join(OUT, 'offline.png') });
    // Every page request was answered by the service worker; nothing reached the network.
    const notFromCache = [];
    for (const r of network) {
      if (r.serviceWorker()) continue; // the service worker's own fetches are counted by the route
      const response = await r.response();
      if (!response || !response.fromServiceWorker()) notFromCache.push(r.url());
    }
    assert.deepEqual(notFromCache, [], 'every request answered by the service worker');
    assert.ok(network.length >= 5, 'the page, its scripts and the wasm were requested: ' + network.length);
    if (process.env.DEBUG_OFFLINE) console.log('attempts', attempts, 'page requests', network.length, errors);
    assert.deepEqual(attempts.filter((u) => !SW_UPDATE.test(u)), [], 'no request reached the network');
    assert.deepEqual(errors.filter((e) => !SW_UPDATE_ERROR.test(e)), [], 'no console or page errors');
  }, { allowErrors: true });
  await srv.stop();
}

{
  const srv = await ownServer();
  const old = swInfo(srv.dir).version;
  await h.check('a new build replaces the old cache', srv.url, async (page) => {
    await controlled(page);
    // A new build: a changed file and a new sw.js, written the way build-site.sh writes it.
    fs.appendFileSync(path.join(srv.dir, 'style.css'), '\n/* new-build-marker */\n');
    fs.copyFileSync(path.join(ROOT, 'www', 'sw.js'), path.join(srv.dir, 'sw.js'));
    const r = spawnSync('python3', [path.join(ROOT, 'scripts', 'build_sw.py'), srv.dir], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const fresh = swInfo(srv.dir).version;
    assert.notEqual(fresh, old, 'a changed file makes a new version');
    // Python's http.server dates files in whole seconds and answers 304 to a revalidation of
    // a file changed within the second of its last fetch (the browser's check of sw.js is
    // one): date the new build a few seconds on, as a real deployment would be.
    const later = new Date(Date.now() + 5000);
    for (const f of ['style.css', 'sw.js']) fs.utimesSync(path.join(srv.dir, f), later, later);
    await page.reload();
    // The browser checks sw.js on the visit, installs the new worker, which takes over.
    let keys;
    for (let i = 0; i < 150; i++) {
      keys = await page.evaluate(async () => (await caches.keys()).join());
      if (keys === 'saywhere-' + fresh) break;
      await page.waitForTimeout(100);
    }
    assert.equal(keys, 'saywhere-' + fresh, 'the old cache is gone, the new one is there');
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    const css = await page.evaluate(async () => (await fetch('style.css')).text());
    assert.match(css, /new-build-marker/, 'the new file is served');
  });
  await srv.stop();
}

await h.check('first visit: after load, annotating and exporting ask only for the page\'s own files', h.hosted, async (page, { requests }) => {
  const before = requests.length;
  await annotateAndExport(page);
  const after = requests.slice(before).filter((u) => !/^(blob|data):/.test(u));
  const foreign = after.filter((u) => !u.startsWith(h.base + '/'));
  assert.deepEqual(foreign, [], 'nothing but the page origin');
});

await h.check('Content-Security-Policy: strict on the hosted page, exactly its own script and style in the single file', h.single, async (page) => {
  const csp = (html) => Object.fromEntries(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)[1]
    .split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  const hosted = csp(fs.readFileSync(path.join(DIST, 'index.html'), 'utf8'));
  assert.deepEqual(hosted['script-src'], ["'self'", "'wasm-unsafe-eval'"]);
  assert.deepEqual(hosted['style-src'], ["'self'"]);
  assert.deepEqual(hosted['connect-src'], ["'self'"]);
  assert.deepEqual(hosted['manifest-src'], ["'self'"]);
  assert.deepEqual(hosted['object-src'], ["'none'"]);
  for (const [k, v] of Object.entries(hosted)) {
    assert.ok(v.every((s) => /^'(self|none|wasm-unsafe-eval)'$/.test(s) || (k === 'img-src' && s === 'data:')), `${k}: nothing remote, nothing inline: ${v}`);
  }
  const html = fs.readFileSync(path.join(DIST, 'single.html'), 'utf8');
  const single = csp(html);
  const hash = (s) => "'sha256-" + crypto.createHash('sha256').update(s, 'utf8').digest('base64') + "'";
  const scripts = await page.$$eval('script', (els) => els.map((e) => [e.type, e.textContent]));
  const code = scripts.filter(([type]) => type === 'module');
  assert.equal(code.length, 1, 'one inline script');
  assert.equal(scripts.length, 2, 'and the examples as JSON data');
  assert.deepEqual(single['script-src'], [hash(code[0][1]), "'wasm-unsafe-eval'"]);
  const styles = await page.$$eval('style', (els) => els.map((e) => e.textContent));
  assert.equal(styles.length, 1);
  assert.deepEqual(single['style-src'], [hash(styles[0])]);
  assert.deepEqual(single['default-src'], ["'none'"]);
  assert.deepEqual(single['connect-src'], ["'none'"]);
  assert.deepEqual(single['worker-src'], ['blob:']);
});

await h.check('single file from file:// with the network blocked', h.single, async (page, { requests }) => {
  await annotateAndExport(page);
  const foreign = requests.filter((u) => !/^(file|blob|data):/.test(u));
  assert.deepEqual(foreign, [], 'nothing but the file itself');
  assert.deepEqual(requests.filter((u) => u.startsWith('file:')), [h.single], 'one file: the page');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.offline), undefined, 'no service worker');
  assert.equal(await page.$('[data-hosted-only]'), null, 'no link to itself in the single file');
}, { context: { offline: true } });

await h.check('the single file registers no service worker, even served over http', h.base + '/single.html', async (page) => {
  await page.waitForLoadState('load');
  await page.waitForTimeout(500);
  const regs = await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length);
  assert.equal(regs, 0);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.offline), undefined);
});

await h.done();
