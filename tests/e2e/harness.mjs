// Shared harness for the end-to-end tests of the built page (dist/) in Debian's Chromium,
// driven by playwright-core. A test file does:
//
//   import { harness } from './harness.mjs';
//   const h = await harness();
//   for (const url of h.urls) await h.check('name', url, async (page, { errors, dialogs, requests }) => { … });
//   await h.done();          // prints `N passed, M failed` and exits non-zero on a failure
//
// `h.urls` are the hosted page (served from dist/ on a free loopback port) and the file://
// single file. `check` opens a fresh browser context, waits for `body[data-ready="true"]`,
// runs the body, asserts no console or page error, and on failure saves a screenshot to
// tests/e2e/out/fail-NAME.png. `h.paste(page, text)` types a text and annotates it.
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = process.env.DIST || path.join(ROOT, 'dist');
export const OUT = path.join(ROOT, 'tests/e2e/out');

export const BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-default-apps',
  '--disable-extensions'];

const freePort = () => new Promise((resolve) => {
  const srv = net.createServer().listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
});

/** Serve dist/ and launch Chromium; returns the helpers described above. */
export async function harness() {
  fs.mkdirSync(OUT, { recursive: true });
  const port = await freePort();
  const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', DIST], { stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try { await fetch(base + '/index.html'); break; } catch (e) { if (i > 80) throw e; await new Promise((r) => setTimeout(r, 100)); }
  }
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: BROWSER_ARGS });
  let passed = 0, failed = 0;

  async function check(name, url, fn, { viewport = { width: 1280, height: 900 }, context: contextOptions = {}, allowErrors = false } = {}) {
    const context = await browser.newContext({ viewport, acceptDownloads: true, ...contextOptions });
    const page = await context.newPage();
    const errors = [], dialogs = [], requests = [];
    page.on('pageerror', (e) => errors.push('pageerror: ' + e));
    page.on('console', (m) => { if (m.type() === 'error') errors.push('console: ' + m.text()); });
    page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
    page.on('request', (r) => requests.push(r.url()));
    try {
      await page.goto(url);
      await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
      await fn(page, { errors, dialogs, requests, context });
      if (!allowErrors) assert.deepEqual(errors, [], 'no console or page errors: ' + JSON.stringify(errors));
      passed++;
      console.log('PASS', name, '@', url.startsWith('file:') ? 'file://single.html' : url.replace(base, ''));
    } catch (e) {
      failed++;
      console.error('FAIL', name, '@', url, '\n ', e && e.stack ? e.stack.split('\n').slice(0, 6).join('\n  ') : e);
      await page.screenshot({ path: path.join(OUT, 'fail-' + name.replace(/\W+/g, '-') + '.png'), fullPage: true }).catch(() => {});
    } finally {
      await context.close();
    }
  }

  async function paste(page, text) {
    await page.fill('#input', text);
    await page.click('#run');
    await page.waitForSelector('#article:not([hidden])');
  }

  async function done() {
    await browser.close();
    server.kill();
    console.log(`${passed} passed, ${failed} failed`);
    process.exit(failed ? 1 : 0);
  }

  const single = 'file://' + path.join(DIST, 'single.html');
  return { base, browser, check, paste, done, urls: [base + '/index.html', single], hosted: base + '/index.html', single };
}
