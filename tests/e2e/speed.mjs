// End-to-end checks of how the page starts its annotator (issue 7). Behaviour only, never
// time: the hosted page fetches and compiles the wasm once, on the main thread, and hands
// the compiled module to its worker (no second download); the single file fetches nothing;
// the worker has built its tables before the first text comes (a text annotated right after
// 'ready' comes back whole), and a worker restarted after Cancel starts from the same module.
//
//   scripts/build-site.sh && node tests/e2e/speed.mjs
import assert from 'node:assert/strict';
import { harness } from './harness.mjs';

const h = await harness();
const ARTICLE = '“We will not give up,” said Anna Smith, the mayor of Lyon, on Monday in Paris. '
  + '“Never,” she added.';

const wasmRequests = (requests) => requests.filter((u) => /saywhere_bg\.wasm(\?|$)/.test(u));

await h.check('one wasm download, compiled module handed to the worker', h.hosted, async (page, { requests }) => {
  assert.equal(await page.evaluate(() => document.documentElement.dataset.annotator), 'worker');
  await h.paste(page, ARTICLE);
  await page.waitForFunction(() => /1 speaker/.test(document.getElementById('status').textContent), null, { timeout: 15000 });
  const text = await page.textContent('#article');
  assert.ok(text.includes('Anna Smith'), 'the article is shown');
  assert.equal(wasmRequests(requests).length, 1, 'the module is fetched once: ' + JSON.stringify(wasmRequests(requests)));
  // ... by the page itself (its resource timing has it; a worker's fetch would not be there).
  assert.ok(await page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/pkg/saywhere_bg.wasm'))),
    'the page compiled the module');
  const status = await page.textContent('#status');
  assert.match(status, /1 speaker/, 'the quote has its speaker: ' + status);
}, { context: { serviceWorkers: 'block' } });

await h.check('a restarted worker (Cancel) reuses the compiled module', h.hosted, async (page, { requests }) => {
  // A long text keeps the worker busy; Cancel terminates it and starts a fresh one.
  const long = Array.from({ length: 20000 }, () => ARTICLE).join('\n\n');
  await page.evaluate((t) => { document.getElementById('input').value = t; }, long);
  await page.click('#run');
  await page.waitForSelector('#cancel:not([hidden])', { timeout: 10000 });
  await page.click('#cancel');
  await page.waitForSelector('#cancel', { state: 'hidden' });
  await page.evaluate((t) => { document.getElementById('input').value = t; }, ARTICLE);
  await page.click('#run');
  await page.waitForFunction(() => /1 speaker/.test(document.getElementById('status').textContent), null, { timeout: 15000 });
  assert.equal(wasmRequests(requests).length, 1, 'still one download after a restart: ' + JSON.stringify(wasmRequests(requests)));
}, { context: { serviceWorkers: 'block' } });

await h.check('the single file fetches no module', h.single, async (page, { requests }) => {
  await h.paste(page, ARTICLE);
  await page.waitForFunction(() => /1 speaker/.test(document.getElementById('status').textContent), null, { timeout: 15000 });
  assert.deepEqual(wasmRequests(requests), []);
});

await h.done();
