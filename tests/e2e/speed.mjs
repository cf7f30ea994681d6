// End-to-end checks of how the page starts its annotator (issue 7). Behaviour only, never
// time: the hosted page fetches and compiles the wasm once, on the main thread, and hands
// the compiled module to its worker (no second download), from boot.js loaded on its own
// as the head is read (one worker, though the bundle runs boot.js again); the single file fetches nothing;
// the worker has built its tables before the first text comes (a text annotated right after
// 'ready' comes back whole), and a worker restarted after Cancel starts from the same module.
// The world map's code and outlines load after the first highlight, only for an article with
// places, and the map is drawn when they come (the single file has them inline).
// A long text: the article, built in slices, is whole and every highlight covers what the
// annotation says; a click is handled and a key waits for its quote while the article is
// built; printing meanwhile builds the rest at once.
//
//   scripts/build-site.sh && node tests/e2e/speed.mjs
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { harness, ROOT } from './harness.mjs';

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
  // boot.js runs twice on the hosted page (alone from the head, and in the bundle): one worker
  // all the same, its script fetched once.
  assert.equal(page.workers().length, 1, 'one worker');
  assert.equal(requests.filter((u) => /\/worker\.js(\?|$)/.test(u)).length, 1, 'worker.js fetched once');
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

await h.check('no worker and no streaming compile: the bundle annotates on the main thread', h.hosted, async (page, { requests }) => {
  await page.addInitScript(() => { delete window.Worker; delete WebAssembly.compileStreaming; });
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
  assert.equal(await page.evaluate(() => document.documentElement.dataset.annotator), 'main-thread');
  await h.paste(page, ARTICLE);
  await page.waitForFunction(() => /1 speaker/.test(document.getElementById('status').textContent), null, { timeout: 15000 });
  assert.ok(wasmRequests(requests).every((u) => new URL(u).pathname === '/pkg/saywhere_bg.wasm'), 'the module from pkg/: ' + wasmRequests(requests));
}, { context: { serviceWorkers: 'block' } });

// ---- the world map: loaded after the first highlight (reading.js, worldmap.js) -----------

const mapFiles = (requests) => requests.filter((u) => /\/(world|map|worldmap)\.js(\?|$)/.test(u)).map((u) => u.replace(/^.*\//, ''));

await h.check('the world map loads after the first highlight and is drawn when it comes', h.hosted, async (page, { requests }) => {
  assert.deepEqual(mapFiles(requests), [], 'nothing of the map before an article');
  await h.paste(page, ARTICLE);
  await page.waitForSelector('#article .qs');
  await page.waitForSelector('#map[data-ready="true"]', { timeout: 15000 });
  assert.ok(await page.$$eval('#map path.sw-map-country', (p) => p.length) > 150, 'country outlines drawn');
  assert.ok(await page.$$eval('#map circle.sw-map-dot', (c) => c.length) >= 2, 'a dot for Lyon and for Paris');
  assert.deepEqual(mapFiles(requests).sort(), ['map.js', 'world.js', 'worldmap.js'], 'each fetched once');
  // The places panel named the places without the map (countries.js).
  assert.match(await page.textContent('#places'), /Lyon, France/);
  // Another article: the map is there already.
  await page.click('#edit');
  await h.paste(page, '“We are ready,” said Omar Reyes in Madrid.');
  await page.waitForFunction(() => /Madrid/.test(document.querySelector('#map').getAttribute('aria-label') + document.querySelector('#map').textContent));
  assert.deepEqual(mapFiles(requests).sort(), ['map.js', 'world.js', 'worldmap.js'], 'not fetched again');
}, { context: { serviceWorkers: 'block' } });

await h.check('when the map cannot load, its box goes and the places stay', h.hosted, async (page, { context, errors }) => {
  await context.route('**/worldmap.js', (route) => route.abort());
  await h.paste(page, ARTICLE);
  await page.waitForFunction(() => document.querySelector('.map-box').hidden, null, { timeout: 15000 });
  assert.match(await page.textContent('#places'), /Lyon, France/);
  assert.deepEqual(errors.filter((e) => !/worldmap\.js|Failed to load resource/.test(e)), [], 'no error but the failed load');
}, { context: { serviceWorkers: 'block' }, allowErrors: true });

await h.check('an article with no places loads no map', h.hosted, async (page, { requests }) => {
  await h.paste(page, '“We will not give up,” said Anna Smith.');
  await page.waitForFunction(() => /1 speaker/.test(document.getElementById('status').textContent));
  await page.waitForTimeout(300);
  assert.equal(await page.isVisible('#map'), false);
  assert.deepEqual(mapFiles(requests), []);
}, { context: { serviceWorkers: 'block' } });

await h.check('the single file draws the map with nothing to fetch', h.single, async (page, { requests }) => {
  await h.paste(page, ARTICLE);
  await page.waitForSelector('#map[data-ready="true"]', { timeout: 15000 });
  assert.ok(await page.$$eval('#map path.sw-map-country', (p) => p.length) > 150, 'country outlines drawn');
  assert.deepEqual(requests.filter((u) => !u.startsWith('blob:') && !u.endsWith('/single.html')), [], 'no request but the page');
});

// ---- a long text: the article built in slices (app.js, article.js) -----------------------

const SEEDS = fs.readdirSync(path.join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).sort()
  .map((f) => fs.readFileSync(path.join(ROOT, 'seeds', f), 'utf8').trim());
const repeated = (chars) => {
  let t = '';
  for (let i = 0; t.length < chars; i++) t += (t ? '\n\n' : '') + SEEDS[i % SEEDS.length];
  return t;
};

/** Put a long text in the box (as a paste would) and press Annotate; resolves when its article starts. */
async function submitLong(page, text) {
  const before = await page.evaluate(() => document.body.dataset.annotated || '');
  await page.evaluate((t) => { document.getElementById('input').value = t; }, text);
  await page.click('#run');
  await page.waitForFunction((prev) => (document.body.dataset.annotated || '') !== prev, before, { timeout: 120000, polling: 100 });
}

/** The annotation the page's own worker makes of `text` (the hosted page's worker.js), parts assembled. */
async function annotateInWorker(page, text) {
  return page.evaluate(async (t) => {
    const w = new Worker('worker.js', { type: 'module' });
    const got = { people: [], quotes: [], places: [] };
    const result = new Promise((resolve, reject) => {
      w.onmessage = (e) => {
        const m = e.data;
        if (m.type === 'ready') w.postMessage({ type: 'annotate', id: 1, text: t });
        else if (m.type === 'part') { const into = m.layer === 'mentions' ? got.people[m.person].mentions : got[m.layer]; into.push(...m.items); }
        else if (m.type === 'result') resolve(m.parts === undefined ? m.ann : { ...m.ann, ...got, parts: m.parts });
        else if (m.type !== 'progress') reject(new Error(m.message || m.type));
      };
    });
    w.postMessage({ type: 'init' });
    const ann = await result;
    w.terminate();
    return ann;
  }, text);
}

/** Per quote, person and place: the text of every article element that carries it, in order. */
function articleLayers(page) {
  return page.evaluate(() => {
    const out = { q: {}, e: {}, l: {}, qs: 0, text: document.getElementById('article').textContent };
    for (const span of document.querySelectorAll('#article span')) {
      for (const k of ['q', 'e', 'l']) {
        const i = span.dataset[k];
        if (i !== undefined) out[k][i] = (out[k][i] || '') + span.textContent;
      }
      if (span.classList.contains('qs')) out.qs++;
    }
    return out;
  });
}

const LONG = repeated(1.3e6); // over worker.js's SPLIT_ABOVE: annotated in pieces, sent in parts

await h.check('a long text: the article built in slices is whole and right', h.hosted, async (page) => {
  await submitLong(page, LONG);
  await page.waitForFunction(() => !document.body.dataset.rendering, null, { timeout: 120000, polling: 100 });
  const ann = await annotateInWorker(page, LONG);
  assert.ok(ann.parts > 1, 'the worker sent the result in parts: ' + ann.parts);
  const got = await articleLayers(page);
  assert.equal(got.text.length, LONG.length);
  assert.ok(got.text === LONG, 'the article\'s text is the text, whole');
  assert.equal(got.qs, ann.quotes.length, 'every quote starts once');
  ann.quotes.forEach((q, i) => { if (got.q[i] !== LONG.slice(q.start, q.end)) assert.fail(`quote ${i}: ${JSON.stringify(got.q[i])}`); });
  ann.places.forEach((p, i) => { if (got.l[i] !== LONG.slice(p.start, p.end)) assert.fail(`place ${i}: ${JSON.stringify(got.l[i])}`); });
  const speaks = new Set(ann.quotes.map((q) => q.speaker));
  ann.people.forEach((p, i) => {
    if (p.kind !== 'person' && !speaks.has(i)) return;
    const want = p.mentions.map((m) => LONG.slice(m.start, m.end)).join('');
    if (got.e[i] !== want) assert.fail(`person ${i} (${p.name}): ${got.e[i] && got.e[i].slice(0, 80)}`);
  });
  assert.equal(await page.textContent('#count-quotes'), String(ann.quotes.filter((q) => q.kind !== 'non-speech' && q.kind !== 'reported').length));
  assert.ok(await page.$$eval('#speakers button', (b) => b.length) > 0, 'the speaker panel is filled');
  assert.ok(await page.$$eval('#places button', (b) => b.length) > 0, 'the places panel is filled');
}, { context: { serviceWorkers: 'block' } });

await h.check('a long text: the page answers while the article is built', h.hosted, async (page) => {
  const big = repeated(5e6);
  await submitLong(page, big);
  // Still building: a click on a layer toggle, a key to the last quote (built later).
  assert.equal(await page.evaluate(() => document.body.dataset.rendering), 'true', 'the article is still being built');
  await page.click('label.t-place');
  const during = await page.evaluate(() => ({ hidden: document.getElementById('article').classList.contains('hide-places'), rendering: document.body.dataset.rendering }));
  assert.deepEqual(during, { hidden: true, rendering: 'true' }, 'the click was handled while the article was being built');
  await page.click('label.t-place');
  await page.evaluate(() => document.activeElement.blur()); // j / k do not act in a form field
  await page.keyboard.press('k'); // the previous quote from none: the last one, near the end of the text
  await page.waitForFunction(() => !document.body.dataset.rendering, null, { timeout: 120000, polling: 100 });
  await page.waitForFunction(() => document.activeElement && document.activeElement.classList.contains('qs'), null, { timeout: 10000 });
  const focused = await page.evaluate(() => {
    const all = document.querySelectorAll('#article .qs:not(.quiet)');
    return { isLast: document.activeElement === all[all.length - 1], n: all.length };
  });
  assert.ok(focused.n > 1000, 'many quotes');
  assert.ok(focused.isLast, 'k, pressed while building, went to the last quote once it was there');
  assert.equal(await page.evaluate(() => document.getElementById('article').textContent.length), big.length, 'the article is whole');
}, { context: { serviceWorkers: 'block' } });

await h.check('a long text: a correction far down keeps the reader where they are', h.hosted, async (page) => {
  await submitLong(page, LONG);
  await page.waitForFunction(() => !document.body.dataset.rendering, null, { timeout: 120000, polling: 100 });
  const before = await page.$$eval('#article .le', (e) => e.length);
  await page.locator('#article .l').last().click(); // near the end of the text: scrolled far down
  await page.waitForSelector('#correct-menu[role="menu"]');
  const y = await page.evaluate(() => window.scrollY);
  assert.ok(y > 100000, 'far down the article: ' + y);
  await page.locator('#correct-menu [role^="menuitem"]', { hasText: 'Remove this highlight' }).first().click();
  // The new version is built aside; the old one stays (inert) until it is whole.
  await page.waitForFunction(() => !document.body.dataset.rendering, null, { timeout: 120000, polling: 100 });
  const after = await page.evaluate(() => ({
    y: window.scrollY, inert: document.getElementById('article').inert,
    places: document.querySelectorAll('#article .le').length, length: document.getElementById('article').textContent.length,
  }));
  assert.equal(after.places, before - 1, 'one place fewer');
  assert.equal(after.inert, false);
  assert.equal(after.length, LONG.length, 'the article is whole');
  assert.ok(Math.abs(after.y - y) < 2000, `still where the reader was (${y} → ${after.y})`);
}, { context: { serviceWorkers: 'block' } });

await h.check('a long text: printing while it is built prints it whole', h.hosted, async (page) => {
  const big = repeated(3e6);
  await submitLong(page, big);
  assert.equal(await page.evaluate(() => document.body.dataset.rendering), 'true', 'the article is still being built');
  const after = await page.evaluate(() => {
    window.dispatchEvent(new Event('beforeprint'));
    return { rendering: document.body.dataset.rendering || null, length: document.getElementById('article').textContent.length };
  });
  assert.deepEqual(after, { rendering: null, length: big.length });
}, { context: { serviceWorkers: 'block' } });

await h.done();
