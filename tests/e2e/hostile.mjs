// Hostile input, privacy and robustness of the built page (dist/) in Chromium, driven by
// playwright-core. Each check runs on the hosted page and on the file:// single file:
//  - HTML files full of script, event handlers, javascript: links, SVG and CSS payloads
//    run nothing (no dialog, no console message, no request from any payload);
//  - no request after the page has loaded, while annotating, but the world map's own files
//    (worldmap.js, map.js, placekey.js, world.js: loaded after the first highlight), once each;
//  - the Content-Security-Policy blocks injected inline script and remote connections;
//  - binary, empty and 50 MB files each get a clear message;
//  - a long text is annotated in the worker with progress, and Cancel stops it;
//  - the text survives a reload and a crash of the worker.
// Prints `N passed, M failed`.
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = process.env.DIST || path.join(ROOT, 'dist');
const OUT = path.join(ROOT, 'tests/e2e/out');
fs.mkdirSync(OUT, { recursive: true });

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

// Every payload, if it ever ran, would say PWNED in the console, open a dialog or request a
// "beacon" address (on this test server or on a TEST-NET address that is never routed).
const BEACON = `${base}/beacon`;
const REMOTE = 'http://198.51.100.7/beacon';
const run = (n) => `console.log('PWNED-${n}');alert('PWNED-${n}');fetch('${REMOTE}/${n}')`;
const HOSTILE_HTML = `<!doctype html><html><head><title>Hostile page</title>
<meta http-equiv="refresh" content="0;url=${REMOTE}/refresh">
<base href="${REMOTE}/">
<link rel="stylesheet" href="${BEACON}/css"><link rel="prefetch" href="${BEACON}/prefetch">
<style>@import url("${BEACON}/import"); body { background: url("${BEACON}/bg"); }</style>
<script>${run(1)}</script>
<script src="${BEACON}/script.js"></script>
</head><body onload="${run(2)}">
<nav>Menu Home</nav>
<article>
<h1>Mayor opens the bridge</h1>
<p>“The bridge is open,” said Ana Lopez in Lyon.<img src="x" onerror="${run(3)}"><img src="${BEACON}/img"></p>
<p><a href="javascript:${run(4)}">a link</a> <a href="${BEACON}/a" ping="${BEACON}/ping">another</a></p>
<svg onload="${run(5)}"><script>${run(6)}</script><image href="${BEACON}/svgimage"/><foreignObject><img src=x onerror="${run(7)}"></foreignObject></svg>
<iframe srcdoc="<script>${run(8)}</script>" src="${BEACON}/iframe"></iframe>
<object data="${BEACON}/object"></object><embed src="${BEACON}/embed">
<video poster="${BEACON}/poster" src="${BEACON}/video"></video><audio src="${BEACON}/audio" autoplay></audio>
<input autofocus onfocus="${run(9)}"><details open ontoggle="${run(10)}"><summary>More</summary></details>
<form action="${BEACON}/form"><button formaction="javascript:${run(11)}">Go</button></form>
<noscript><p title="</noscript><img src=x onerror=${run(12)}>"></p></noscript>
<math><mtext><table><mglyph><style><img src=x onerror="${run(13)}"></style></mglyph></table></mtext></math>
<p style="background-image:url(${BEACON}/inline-style)">“We will build more,” she said.</p>
<template><img src=x onerror="${run(14)}"></template>
</article>
<footer>Footer text</footer>
<script>${run(15)}</script>
</body></html>`;
const HOSTILE_SVG = `<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="${run(20)}">
<script>${run(21)}</script><image href="${BEACON}/svg-file-image"/><text>“Hello,” said Omar Reyes.</text></svg>`;

const ARTICLE = 'Mayor Jane Smith opened the new bridge in Lyon on Monday.\n\n'
  + '“We will win this,” said Jane Smith, the mayor of Lyon.\n\n'
  + 'She added: “The work starts today.”';

let passed = 0, failed = 0;
async function check(name, url, fn, { allowErrors = [] } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [], dialogs = [], requests = [], console_ = [];
  page.on('pageerror', (e) => errors.push('pageerror: ' + e));
  page.on('console', (m) => {
    console_.push(m.text());
    if (m.type() === 'error' && !allowErrors.some((re) => re.test(m.text()))) errors.push('console: ' + m.text());
  });
  page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
  page.on('request', (r) => requests.push(r.url()));
  page.on('worker', (w) => w.on('console', (m) => console_.push('worker: ' + m.text())));
  try {
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
    assert.equal(await page.evaluate(() => document.documentElement.dataset.annotator), 'worker', 'annotation runs in a worker');
    const loaded = requests.length;
    await fn(page, { errors, dialogs, requests, console: console_, afterLoad: () => requests.slice(loaded) });
    assert.deepEqual(dialogs, [], 'no dialog opened');
    assert.deepEqual(console_.filter((t) => /PWNED/.test(t)), [], 'no console message from a payload');
    assert.deepEqual(requests.filter((u) => /beacon|198\.51\.100/.test(u)), [], 'no request from a payload');
    assert.deepEqual(errors, [], 'no console or page errors: ' + JSON.stringify(errors));
    passed++;
    console.log('PASS', name, '@', url.startsWith('file:') ? 'file://single.html' : url.replace(base, ''));
  } catch (e) {
    failed++;
    console.error('FAIL', name, '@', url, '\n ', e && e.stack ? e.stack.split('\n').slice(0, 4).join('\n  ') : e);
    await page.screenshot({ path: path.join(OUT, 'fail-hostile-' + name.replace(/\W+/g, '-') + '.png'), fullPage: true }).catch(() => {});
  } finally {
    await context.close();
  }
}

const status = (page) => page.textContent('#status');
const articleText = (page) => page.textContent('#article');

async function drop(page, name, type, content) {
  const dt = await page.evaluateHandle(({ name, type, content }) => {
    const dt = new DataTransfer();
    dt.items.add(new File([content], name, { type }));
    return dt;
  }, { name, type, content });
  await page.dispatchEvent('body', 'drop', { dataTransfer: dt });
}

/** Put `text` in the box and press Annotate, without typing it (it may be megabytes). */
async function submit(page, text) {
  await page.evaluate((t) => { document.getElementById('input').value = t; document.getElementById('run').click(); }, text);
}

/** A long article (about `mb` million characters) built from the short one. */
function longText(mb) {
  const unit = ARTICLE + '\n\n';
  return unit.repeat(Math.ceil((mb * 1e6) / unit.length));
}

const urls = [base + '/index.html', 'file://' + path.join(DIST, 'single.html')];
for (const url of urls) {
  await check('hostile HTML, opened and dropped, runs and loads nothing', url, async (page) => {
    await page.setInputFiles('#file', { name: 'hostile.html', mimeType: 'text/html', buffer: Buffer.from(HOSTILE_HTML) });
    await page.waitForFunction(() => document.querySelector('#article').textContent.includes('The bridge is open'));
    let text = await articleText(page);
    assert.ok(!text.includes('Menu Home') && !text.includes('Footer text'), 'only the article text: ' + text);
    assert.ok(text.includes('We will build more'));
    assert.equal(await page.$$eval('#article *:not(span):not(div.chunk)', (e) => e.length), 0, 'the article holds only text and highlight spans');
    assert.match(await page.textContent('#speakers'), /Ana Lopez/);
    // The same page dropped, then an SVG file (read as text, never rendered).
    await drop(page, 'dropped.htm', 'text/html', HOSTILE_HTML.replace('Ana Lopez', 'Ana Ruiz'));
    await page.waitForFunction(() => document.querySelector('#article').textContent.includes('Ana Ruiz'));
    await drop(page, 'picture.svg', 'image/svg+xml', HOSTILE_SVG);
    await page.waitForFunction(() => document.querySelector('#article').textContent.includes('Omar Reyes'));
    text = await articleText(page);
    assert.ok(text.includes('<script>'), 'the SVG is shown as text');
    assert.equal(await page.$$eval('svg:not(#map), iframe, object, embed, img, video, audio', (e) => e.length), 0, 'no payload element in the page (the world map is our own svg)');
    // And pasted as text: shown as text.
    await submit(page, HOSTILE_HTML);
    await page.waitForFunction(() => document.querySelector('#article').textContent.includes('onerror'));
    assert.equal(await page.$$eval('#article *:not(span):not(div.chunk)', (e) => e.length), 0);
    await page.waitForTimeout(300); // let any late payload show itself
  });

  await check('no request after load while annotating', url, async (page, { afterLoad }) => {
    await submit(page, ARTICLE);
    await page.waitForFunction(() => document.body.dataset.annotated && !document.body.dataset.busy);
    assert.match(await articleText(page), /Jane Smith/);
    // A long text too: the worker is started already, so nothing is fetched.
    await submit(page, longText(0.6));
    await page.waitForFunction(() => document.querySelector('#count-quotes').textContent !== '2', null, { timeout: 60000 });
    await page.click('#edit');
    await page.fill('#input', ARTICLE + ' More.');
    await page.click('#run');
    await page.waitForFunction(() => document.querySelector('#count-quotes').textContent === '2');
    // The hosted page loads the world map's code and outlines after the first highlight (its
    // own files, from its own origin, once each); the single file has them inline.
    const late = url.startsWith('file:') ? [] : ['map.js', 'placekey.js', 'world.js', 'worldmap.js'].map((f) => new URL(f, url).href);
    assert.deepEqual(afterLoad().sort(), late, 'no request after the page loaded but the map\'s own files');
  });

  await check('the Content-Security-Policy blocks inline script and remote connections', url,
    async (page) => {
      const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
      const directive = (name) => (csp.split(';').map((d) => d.trim().split(/\s+/)).find((d) => d[0] === name) || []).slice(1);
      const scripts = directive('script-src');
      assert.ok(scripts.length && !scripts.includes("'unsafe-inline'") && !scripts.includes("'unsafe-eval'") && !scripts.includes('*'),
        'script-src: ' + scripts);
      if (url.startsWith('file:')) {
        assert.equal(scripts.filter((s) => s.startsWith("'sha256-")).length, 1, 'exactly one inline script, by hash');
        assert.deepEqual(directive('connect-src'), ["'none'"]);
        assert.deepEqual(directive('worker-src'), ['blob:']);
      } else {
        assert.deepEqual(scripts, ["'self'", "'wasm-unsafe-eval'"]);
        assert.deepEqual(directive('connect-src'), ["'self'"]);
      }
      const ran = await page.evaluate(async ({ remote }) => {
        const s = document.createElement('script');
        s.textContent = 'window.__inlineRan = true';
        document.body.append(s);
        const img = document.createElement('div');
        img.innerHTML = '<img src="x" onerror="window.__handlerRan = true">';
        document.body.append(img);
        let fetched = 'blocked';
        try { await fetch(remote + '/csp'); fetched = 'fetched'; } catch { /* refused */ }
        await new Promise((r) => setTimeout(r, 200));
        return { inline: !!window.__inlineRan, handler: !!window.__handlerRan, fetched };
      }, { remote: REMOTE });
      assert.deepEqual(ran, { inline: false, handler: false, fetched: 'blocked' });
    },
    // Chromium reports each refusal as a console error; those are the point of this check.
    { allowErrors: [/Content Security Policy/, /Refused to/, /Failed to load resource/, /ERR_FILE_NOT_FOUND/] });

  await check('binary, empty and 50 MB files get a clear message', url, async (page) => {
    await page.setInputFiles('#file', { name: 'photo.txt', mimeType: 'text/plain', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]) });
    await page.waitForFunction(() => /“photo.txt” looks like a binary file/.test(document.querySelector('#status').textContent));
    assert.ok(await page.$eval('#status', (s) => s.classList.contains('error')));
    // No NUL byte, but control characters all through: binary too.
    await page.setInputFiles('#file', { name: 'Status.txt', mimeType: 'text/plain', buffer: Buffer.from(Array.from({ length: 600 }, (_, i) => [1, 2, 3, 65, 66, 67, 0x1b, 0x7f][i % 8])) });
    await page.waitForFunction(() => /“Status.txt” looks like a binary file/.test(document.querySelector('#status').textContent));
    await drop(page, 'report.pdf', 'application/pdf', '%PDF-1.7 not really');
    await page.waitForFunction(() => /cannot read “report.pdf”/.test(document.querySelector('#status').textContent));
    await page.setInputFiles('#file', { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) });
    await page.waitForFunction(() => /“empty.txt” is empty/.test(document.querySelector('#status').textContent));
    await drop(page, 'blank.html', 'text/html', '<html><body><script>1</script>   </body></html>');
    await page.waitForFunction(() => /“blank.html” has no readable text/.test(document.querySelector('#status').textContent));
    // 50 MB, made in the page (no 50 MB trip through the test driver).
    const dt = await page.evaluateHandle(() => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(50 * 1024 * 1024).fill(97)], 'book.txt', { type: 'text/plain' }));
      return dt;
    });
    await page.dispatchEvent('body', 'drop', { dataTransfer: dt });
    await page.waitForFunction(() => /“book.txt” is 50 MB; Saywhere reads files up to 20 MB/.test(document.querySelector('#status').textContent));
    // None of these replaced the box's text or started a run.
    assert.equal(await page.$eval('#input', (i) => i.value), '');
    assert.equal(await page.evaluate(() => document.body.dataset.annotated), undefined);
    // UTF-16 with a byte-order mark is text, not binary.
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('“Yes,” said Omar Reyes.', 'utf16le')]);
    await page.setInputFiles('#file', { name: 'utf16.txt', mimeType: 'text/plain', buffer: utf16 });
    await page.waitForFunction(() => document.querySelector('#article').textContent.includes('Omar Reyes'));
  });

  await check('a long text: progress in the worker, the tab responsive, Cancel', url, async (page) => {
    const text = longText(6);
    await submit(page, text);
    // Progress shows while the worker reads; the page answers meanwhile.
    await page.waitForFunction(() => document.querySelector('#progress').value > 0, null, { timeout: 60000 });
    assert.equal(await page.isVisible('#cancel'), true, 'Cancel is offered');
    assert.match(await status(page), /Annotating 6\.\d million characters… \d+%/);
    assert.equal(await page.evaluate(() => document.body.dataset.busy), 'true');
    await page.click('#open-file', { trial: true }); // the page still takes input
    await page.click('#cancel');
    await page.waitForFunction(() => /Cancelled/.test(document.querySelector('#status').textContent));
    assert.equal(await page.isVisible('#cancel'), false);
    assert.equal(await page.isVisible('#progress'), false);
    assert.equal(await page.evaluate(() => document.body.dataset.annotated), undefined, 'the cancelled run never finished');
    assert.equal(await page.$eval('#input', (i) => i.value.length), text.length, 'the text is intact');
    // The fresh worker takes the next run.
    await page.fill('#input', ARTICLE);
    await page.click('#run');
    await page.waitForFunction(() => document.querySelector('#count-quotes').textContent === '2');
    assert.match(await articleText(page), /Jane Smith/);
    // A long text to the end: the pieces' records are merged into one.
    const copies = 200;
    await submit(page, (ARTICLE + '\n\n').repeat(copies).slice(0, -2) + '\n\n' + 'x'.repeat(450 * 1024));
    await page.waitForFunction((n) => document.querySelector('#count-quotes').textContent === String(n), 2 * copies, { timeout: 60000 });
    const speakers = await page.$$eval('#speakers .who', (els) => els.map((e) => e.textContent));
    assert.deepEqual(speakers, ['Jane Smith'], 'one speaker across the pieces');
  });

  await check('the text survives a crash of the worker and a reload', url, async (page) => {
    // Make the worker die on its next message, as a fatal error in it would.
    await page.waitForFunction(() => true);
    const workers = page.workers();
    assert.equal(workers.length, 1, 'one worker');
    await workers[0].evaluate(() => { self.onmessage = () => { throw new Error('simulated crash'); }; });
    const text = ARTICLE.replaceAll('Jane Smith', 'Ines Duarte');
    await page.fill('#input', text);
    await page.click('#run');
    await page.waitForFunction(() => /stopped while reading this text/.test(document.querySelector('#status').textContent));
    const message = await status(page);
    assert.match(message, /simulated crash/);
    assert.match(message, /Your text is safe: it is still here and saved in this browser/);
    assert.ok(await page.$eval('#status', (s) => s.classList.contains('error')));
    assert.equal(await page.$eval('#input', (i) => i.value), text, 'the text is still in the box');
    assert.equal(await page.isVisible('#input'), true, 'and on screen');
    assert.equal(await page.evaluate(() => localStorage.getItem('saywhere.text.v1')), text, 'and saved');
    // A fresh worker took over.
    await page.click('#run');
    await page.waitForFunction(() => document.querySelector('#article').textContent.includes('Ines Duarte'));
    assert.match(await page.textContent('#speakers'), /Ines Duarte/);
    if (!url.startsWith('file:')) {
      await page.reload();
      await page.waitForSelector('body[data-ready="true"]');
      await page.waitForFunction(() => document.querySelector('#article').textContent.includes('Ines Duarte'));
      assert.match(await status(page), /Restored from your last visit/);
    }
  }, { allowErrors: [/simulated crash/] });
}

await browser.close();
server.kill();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
