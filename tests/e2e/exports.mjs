// End-to-end test of the Export menu and the import of a Saywhere JSON file (www/exportmenu.js
// over www/exports.js): every format is downloaded from the page, read back and checked
// against the text; the exported HTML is opened and shows its highlights; importing the JSON
// in a fresh browser restores the same highlights (and the reader's corrections).
// Run: node tests/e2e/exports.mjs (DIST=folder to test another build).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { harness, OUT, ROOT } from './harness.mjs';
import { fromJSON } from '../../www/exports.js';
import { parseCSV } from '../js/helpers.mjs';

// Our own text: accents, an emoji (a surrogate pair: UTF-16 and code point offsets differ),
// a quote with a place inside, a pronoun speaker, reported speech.
const ARTICLE = `Élodie Martin 😀 opened the new library in Lyon on Monday.

“Books belong to everyone in Lyon, even in 2026 😀,” said Élodie Martin, the mayor.

She added: “The doors open at nine in the morning.”

“We are ready,” Omar Reyes told reporters in Geneva.

The new trains will reach Madrid by next summer, Reyes said.`;

const h = await harness();
const urls = process.env.HOSTED_ONLY ? [h.hosted] : h.urls;
const DL = path.join(OUT, 'downloads');
fs.mkdirSync(DL, { recursive: true });

/** Choose `format` in the Export menu; returns [{name, text, file}] of the n downloads. */
async function exportAs(page, format, n = 1) {
  const got = [];
  const all = new Promise((resolve) => {
    const on = async (d) => {
      const file = path.join(DL, d.suggestedFilename());
      await d.saveAs(file);
      got.push({ name: d.suggestedFilename(), text: fs.readFileSync(file, 'utf8'), file });
      if (got.length === n) { page.off('download', on); resolve(got); }
    };
    page.on('download', on);
  });
  await page.click('#export');
  await page.click(`#export-menu [data-format="${format}"]`);
  return Promise.race([all, new Promise((_, reject) => setTimeout(() => reject(new Error(`${n} download(s) of ${format}: got ${got.length}`)), 10000))]);
}

/** Every highlight of the article as [classes, data-q/e/l, text]: what the reader sees. */
const highlights = (page) => page.$$eval('#article .q, #article .p, #article .l', (els) => els.map((e) =>
  [[...e.classList].filter((c) => ['q', 'qs', 'qe', 'p', 'l', 'quiet', 'reported', 'speaks'].includes(c)).join(' '),
    e.getAttribute('aria-label') || '', e.textContent]));

const cpSlice = (text, s, e) => Array.from(text).slice(s, e).join('');

for (const url of urls) {
  await h.check('every export is downloaded and parses back to the text', url, async (page) => {
    await h.paste(page, ARTICLE);
    const shown = await page.$$eval('#article .qs', (els) => els.length);
    assert.ok(shown >= 3, 'quotes found');

    // Our JSON.
    const [json] = await exportAs(page, 'json');
    assert.match(json.name, /^elodie-martin-opened-the-new[a-z-]*\.saywhere\.json$/, json.name);
    const back = fromJSON(json.text);
    assert.equal(back.text, ARTICLE);
    assert.equal(back.doc.offsets, 'utf16');
    const doc = back.doc;
    assert.equal(doc.quotes.length, shown, 'every quote shown is in the file');
    for (const q of doc.quotes) assert.match(ARTICLE.slice(q.start, q.end), /^(“|The new)/);
    const pageQuotes = await page.$$eval('#article .qs', (els) => els.map((e) => e.getAttribute('aria-label')));
    assert.equal(pageQuotes.length, doc.quotes.length);

    // CSV of quotes: a header, one row a quote, code point offsets.
    const [csv] = await exportAs(page, 'csv');
    assert.match(csv.name, /\.quotes\.csv$/);
    const rows = parseCSV(csv.text.replace(/^\uFEFF/, ''));
    assert.deepEqual(rows[0], ['speaker', 'quote', 'kind', 'start', 'end', 'rule', 'confidence']);
    assert.equal(rows.length - 1, doc.quotes.length);
    for (const [speaker, quote, kind, start, end] of rows.slice(1)) {
      assert.equal(cpSlice(ARTICLE, Number(start), Number(end)), quote, 'CSV offsets are code points of the text');
      assert.ok(['direct', 'partial', 'reported', 'non-speech'].includes(kind));
      if (quote.startsWith('“Books')) assert.equal(speaker, 'Élodie Martin');
    }
    assert.ok(rows.some((r) => r[2] === 'reported' && r[0] === 'Omar Reyes'), 'reported speech is a row too');

    // brat: two files, every text-bound annotation slices the .txt to its own text.
    const brat = await exportAs(page, 'brat', 2);
    const txt = brat.find((f) => f.name.endsWith('.txt')).text;
    const ann = brat.find((f) => f.name.endsWith('.ann')).text;
    assert.equal(txt, ARTICLE);
    const tLines = ann.split('\n').filter((l) => l.startsWith('T'));
    assert.ok(tLines.length >= doc.quotes.length + doc.places.length, 'T lines for quotes and places');
    for (const line of tLines) {
      const [, spec, covered] = line.split('\t');
      const frags = spec.split(' ').slice(1).join(' ').split(';').map((f) => f.split(' ').map(Number));
      assert.equal(frags.map(([s, e]) => cpSlice(txt, s, e)).join(' '), covered, line);
    }
    assert.ok(ann.split('\n').some((l) => /^R\d+\tSpeaker Arg1:T\d+ Arg2:T\d+$/.test(l)), 'speaker relations');
    assert.ok(tLines.some((l) => /\tQuote /.test(l) && l.endsWith('\tThe new trains will reach Madrid by next summer')), 'reported speech as a Quote');

    // Web Annotation: TextQuoteSelector.exact is the TextPositionSelector's slice.
    const [wa] = await exportAs(page, 'jsonld');
    const coll = JSON.parse(wa.text);
    assert.equal(coll.type, 'AnnotationCollection');
    assert.equal(coll['@context'], 'http://www.w3.org/ns/anno.jsonld');
    const items = coll.first.items;
    assert.equal(items.length, coll.total);
    assert.ok(items.length >= doc.quotes.length + doc.places.length);
    for (const a of items) {
      const [tq, tp] = a.target.selector;
      assert.equal(tq.type, 'TextQuoteSelector');
      assert.equal(tp.type, 'TextPositionSelector');
      assert.equal(cpSlice(ARTICLE, tp.start, tp.end), tq.exact);
      assert.ok(ARTICLE.includes(tq.prefix + tq.exact + tq.suffix), 'prefix and suffix surround it');
    }
    assert.ok(items.some((a) => a.body.some((b) => b.purpose === 'identifying' && b.value === 'Élodie Martin')));

    // Standalone HTML: opened on its own, it shows the highlights and the speaker labels.
    const [html] = await exportAs(page, 'html');
    assert.ok(!/<script/i.test(html.text), 'no script in the exported page');
    const view = await page.context().newPage();
    await view.goto(pathToFileURL(html.file).href);
    const seen = await view.evaluate(() => ({
      quotes: [...document.querySelectorAll('article .q')].map((e) => e.textContent),
      who: [...document.querySelectorAll('article .who')].map((e) => e.textContent),
      places: [...document.querySelectorAll('article .pl')].map((e) => e.textContent),
      title: document.title,
      text: document.querySelector('article').textContent,
    }));
    assert.ok(seen.quotes.some((q) => q.startsWith('“Books belong')), JSON.stringify(seen.quotes));
    assert.ok(seen.who.includes('Élodie Martin'));
    assert.ok(seen.places.includes('Lyon'));
    assert.ok(seen.text.includes('😀'));
    assert.match(seen.title, /^Élodie Martin 😀 opened the new library/);
    await view.screenshot({ path: path.join(OUT, 'exports-html.png') });
    await view.close();
    assert.match(await page.textContent('#status'), /Saved .*\.html/);
  });

  await h.check('importing the exported JSON restores the same highlights; a bad file gets a message', url, async (page, { context }) => {
    await h.paste(page, ARTICLE);
    const before = await highlights(page);
    const [json] = await exportAs(page, 'json');

    // A fresh browser with nothing stored: open the file from the Export menu.
    const other = await context.browser().newContext({ acceptDownloads: true });
    const p2 = await other.newPage();
    const errors = [];
    p2.on('pageerror', (e) => errors.push(String(e)));
    await p2.goto(page.url());
    await p2.waitForSelector('body[data-ready="true"]');
    await p2.click('#export');
    const chooser = p2.waitForEvent('filechooser');
    await p2.click('#export-menu [data-format="import"]');
    await (await chooser).setFiles(json.file);
    await p2.waitForSelector('#article:not([hidden]) .qs');
    assert.deepEqual(await highlights(p2), before, 'the same highlights');
    assert.equal(await p2.inputValue('#input'), ARTICLE, 'the text is back for editing');
    assert.match(await p2.textContent('#status'), /^Opened “.*\.saywhere\.json”/);
    assert.deepEqual(await p2.$$eval('#speakers .who', (e) => e.map((x) => x.textContent)), await page.$$eval('#speakers .who', (e) => e.map((x) => x.textContent)));

    // A JSON file that is not ours, through the ordinary Open file… button: a clear message, the article stays.
    await p2.setInputFiles('#file', { name: 'other.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": "world"}') });
    await p2.waitForSelector('#status.error');
    assert.match(await p2.textContent('#status'), /Could not open “other\.json” as a Saywhere file: This JSON file has no "schema" field/);
    assert.deepEqual(await highlights(p2), before, 'the article is untouched');
    // And our own file through Open file… works too.
    await p2.setInputFiles('#file', json.file);
    await p2.waitForFunction(() => /^Opened/.test(document.querySelector('#status').textContent));
    assert.deepEqual(await highlights(p2), before);
    assert.deepEqual(errors, []);
    await other.close();
  });

  await h.check('corrections travel in the JSON and come back on import', url, async (page, { context }) => {
    if (!(await page.$('#corrections-count'))) return; // no correcting in this build
    await h.paste(page, ARTICLE);
    const places = await page.$$eval('#article .l', (e) => e.length);
    await page.click('#article .l >> nth=0');
    await page.click('#correct-menu [role="menuitem"]:has-text("Remove this highlight")');
    await page.waitForFunction((n) => document.querySelectorAll('#article .l').length === n - 1, places);
    const before = await highlights(page);
    const [json] = await exportAs(page, 'json');
    const file = JSON.parse(json.text);
    assert.equal(file.places.length, places - 1, 'the JSON holds the annotation as displayed');
    assert.equal(file.corrections.list.length, 1, 'and the correction');
    assert.equal(file.corrections.base.places.length, places, 'with the annotation it applies to');

    const other = await context.browser().newContext();
    const p2 = await other.newPage();
    await p2.goto(page.url());
    await p2.waitForSelector('body[data-ready="true"]');
    await p2.setInputFiles('#import-file', json.file);
    await p2.waitForSelector('#article:not([hidden]) .qs');
    await p2.waitForFunction((n) => document.querySelectorAll('#article .l').length === n - 1, places);
    assert.deepEqual(await highlights(p2), before, 'the corrected highlights');
    assert.match(await p2.textContent('#status'), /with your 1 correction/);
    assert.equal(await p2.textContent('#corrections-count'), '1', 'the correction is in force (undo works on it)');
    await other.close();
  });
}
await h.done();
