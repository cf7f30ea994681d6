// Inputs end to end (www/inputs.js, www/documents.js) on the built page (dist/), in Chromium:
//  - every input type through the file input and through a drop event: .txt in UTF-8,
//    UTF-16 (LE with a byte-order mark, BE without one) and Windows-1252, .md, .html with
//    nav/footer/aside/cookie banner, and a .docx built here (deflated with node:zlib);
//  - a damaged and an encrypted .docx get a clear message;
//  - several files open as tabs: switching by click and arrow keys, closing by button and
//    Delete; the tab bar passes axe (no serious or critical violation);
//  - a reload keeps the tabs, their texts and the active one; the previous version's single
//    text (localStorage 'saywhere.text.v1') is migrated; a typed draft survives a reload;
//  - pasting rich HTML into the text box gives its plain text; pasting over the annotated
//    article opens a new tab, "Pasted text".
// Prints `N passed, M failed`. SCREENSHOT=1 also writes docs/screenshots/inputs-tabs.png.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { harness, ROOT, OUT } from './harness.mjs';
import { zip } from '../js/zipfile.mjs';

// ---------------------------------------------------------------- the files (our own words)

const utf16le = (s) => Buffer.from(s, 'utf16le');
const utf16be = (s) => { const b = Buffer.from(s, 'utf16le'); b.swap16(); return b; };
/** Windows-1252 bytes of a string whose characters are all in that code page. */
const cp1252 = (s) => {
  const high = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
  return Buffer.from([...s].map((c) => {
    const i = high.indexOf(c);
    if (i >= 0) return 0x80 + i;
    const n = c.charCodeAt(0);
    if (n > 0xff) throw new Error('not in Windows-1252: ' + c);
    return n;
  }));
};

const TXT_UTF8 = '“The harbour reopens in spring,” said Marta Kowalczyk in Gdańsk — it costs 40 €.';
const TXT_UTF16 = '“We counted every boat,” said Élodie Marchand, the harbour master in Marseille.';
const TXT_UTF16BE = '“The tide was late,” said Tomás Ibáñez in Cádiz.';
const TXT_1252 = '“Prices rose by 5 € – again,” said René Østergaard in Aarhus… ‘twice’ • Œuvre™';
const MD = '# Harbour news\n\nThe *council* met on **Monday** in\n[Bergen](https://example.org/bergen).\n\n'
  + '- “We will dredge the channel,” said Ingrid Solberg.\n- Work starts in May.\n';
const HTML = `<!doctype html><html><head><title>Harbour page</title></head><body>
<header class="site-header"><a href="/">Coastal Daily</a> Home News Sport</header>
<nav><ul><li>Menu item one</li><li>Menu item two</li></ul></nav>
<div class="cookie-banner">We use cookies. Accept all cookies?</div>
<main><article>
<h1>Ferry line returns to Split</h1>
<p>The ferry line between Ancona and Split returns this summer, the operator said on Friday.</p>
<h2>Timetable</h2>
<p>“Two crossings a day, every day,” said Luka Perić, the operator’s director, in Split.</p>
<aside>Related: Ten best beaches</aside>
<div class="share-buttons">Share on every network</div>
</article></main>
<aside class="sidebar">Most read today</aside>
<footer>© Coastal Daily · Privacy · Contact</footer>
</body></html>`;

// No <article> or <main>: the block with the most prose wins over menus, link lists and footers.
const DIV_HTML = `<html><head><title>Valley Courier</title></head><body>
<div id="top"><div class="logo">Valley Courier</div><ul class="links"><li><a href="/a">Politics</a></li><li><a href="/b">Weather</a></li></ul></div>
<div class="layout"><div class="col-left"><a href="/1">Read also: the bakery story</a><br><a href="/2">Read also: the election</a></div>
<div class="story-body"><h1>The mill turns again</h1>
<p>After twenty years of silence, the old water mill in Dinant turned again on Sunday, watched by half the village.</p>
<p>“It took us four winters to fix the wheel, but it was worth every hour,” said Jeanne Lambert, who led the volunteers.</p>
<p>The mill will open to visitors, schools and anyone curious, on the first weekend of every month, she added.</p></div>
<div class="col-right"><p>Newsletter: sign up to get the Courier every morning in your inbox.</p></div></div>
<div class="site-footer">Contact us · Advertise · Terms</div></body></html>`;

// Declares ISO-8859-2 (Central European): Ł 0xA3, ó 0xF3, ź 0xBC, ł 0xB3 (in Windows-1252: £ ó ¼ ³).
const LATIN2_HTML = Buffer.concat([
  Buffer.from('<html><head><meta charset="iso-8859-2"><title>x</title></head><body><article><h1>Rynek</h1><p>&#8220;', 'latin1'),
  Buffer.from('The square is full,&#8221;', 'latin1'),
  Buffer.from(' said Zofia Nowak in ', 'latin1'), Buffer.from([0xa3, 0xf3, 0x64, 0xbc]), Buffer.from(' and Wroc', 'latin1'), Buffer.from([0xb3]),
  Buffer.from('aw.</p></article></body></html>', 'latin1'),
]);


const DOCUMENT_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:r><w:t>Lighthouse keepers meet in Brest</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">“We still climb the stairs every night,” said </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>Yann Le Goff</w:t></w:r><w:r><w:t xml:space="preserve"> in Brest.</w:t></w:r></w:p>
<w:p><w:r><w:t>Keeper</w:t><w:tab/><w:t>Station</w:t><w:br/><w:t>Second line &amp; more</w:t></w:r></w:p>
</w:body></w:document>`;
const DOCX = zip([
  { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>', method: 0 },
  { name: '_rels/.rels', data: '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>' },
  { name: 'word/document.xml', data: DOCUMENT_XML },
]);

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
// Each file, and what its text must (and must not) hold once shown.
const FILES = [
  { name: 'harbour-utf8.txt', type: 'text/plain', buffer: Buffer.from(TXT_UTF8, 'utf8'), has: [TXT_UTF8] },
  { name: 'boats-utf16.txt', type: 'text/plain', buffer: Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le(TXT_UTF16)]), has: [TXT_UTF16] },
  { name: 'tide-utf16be.txt', type: 'text/plain', buffer: utf16be(TXT_UTF16BE), has: [TXT_UTF16BE] },
  { name: 'prices-1252.txt', type: 'text/plain', buffer: cp1252(TXT_1252), has: [TXT_1252] },
  { name: 'council.md', type: 'text/markdown', buffer: Buffer.from(MD),
    has: ['Harbour news', 'The council met on Monday in Bergen.', '“We will dredge the channel,” said Ingrid Solberg.'], not: ['*', '#', '](', 'https'] },
  { name: 'ferry.html', type: 'text/html', buffer: Buffer.from(HTML),
    has: ['Ferry line returns to Split', 'Timetable', '“Two crossings a day, every day,” said Luka Perić'],
    not: ['Menu item', 'cookies', 'Coastal Daily', 'Most read', 'Ten best beaches', 'Share on', 'Privacy'] },
  { name: 'mill.htm', type: 'text/html', buffer: Buffer.from(DIV_HTML),
    has: ['The mill turns again\n\nAfter twenty years', '“It took us four winters to fix the wheel, but it was worth every hour,” said Jeanne Lambert'],
    not: ['Politics', 'Read also', 'Newsletter', 'Advertise', 'Valley Courier'] },
  { name: 'rynek-latin2.html', type: 'text/html', buffer: LATIN2_HTML, has: ['“The square is full,” said Zofia Nowak in Łódź and Wrocław.'] },
  { name: 'keepers.docx', type: DOCX_TYPE, buffer: DOCX,
    has: ['Lighthouse keepers meet in Brest', '“We still climb the stairs every night,” said Yann Le Goff in Brest.', 'Keeper\tStation\nSecond line & more'] },
];

// ---------------------------------------------------------------- helpers

const articleText = (page) => page.evaluate(() => document.getElementById('article').textContent);
const tabNames = (page) => page.$$eval('#tabs [role="tab"]', (els) => els.map((e) => e.textContent));
const activeTab = (page) => page.$eval('#tabs [role="tab"][aria-selected="true"]', (e) => e.textContent);

async function waitArticle(page, needle) {
  await page.waitForFunction((n) => !document.getElementById('article').hidden
    && document.getElementById('article').textContent.includes(n) && !document.body.dataset.busy, needle, { timeout: 20000 });
}

function checkText(text, f) {
  for (const s of f.has) assert.ok(text.includes(s), `${f.name}: “${s}” in ${JSON.stringify(text)}`);
  for (const s of f.not || []) assert.ok(!text.includes(s), `${f.name}: no “${s}” in ${JSON.stringify(text)}`);
}

/** Drop files on the page as a browser would: a drop event whose DataTransfer holds them. */
async function drop(page, files) {
  const dt = await page.evaluateHandle((files) => {
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(new File([Uint8Array.from(f.bytes)], f.name, { type: f.type }));
    return dt;
  }, files.map((f) => ({ name: f.name, type: f.type, bytes: [...f.buffer] })));
  await page.dispatchEvent('body', 'drop', { dataTransfer: dt });
}

const upload = (f) => ({ name: f.name, mimeType: f.type, buffer: f.buffer });

const AXE = fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

// ---------------------------------------------------------------- checks

const h = await harness();
const { check } = h;
for (const url of h.urls) {
  const file = url.startsWith('file:');

  await check('every input type through the file input', url, async (page) => {
    for (const [i, f] of FILES.entries()) {
      await page.setInputFiles('#file', upload(f));
      await waitArticle(page, f.has[0].split('\n')[0]);
      checkText(await articleText(page), f);
      assert.equal(await page.$eval('#input', (t) => t.value), await articleText(page), 'the text box holds the same text');
      if (i > 0) assert.equal(await activeTab(page), f.name, 'the new file is the shown tab');
    }
    assert.deepEqual(await tabNames(page), FILES.map((f) => f.name), 'one tab a file, in order');
    // No file's words are taken for binary or mangled: no replacement character anywhere.
    assert.ok(!(await articleText(page)).includes('\uFFFD'));
  });

  await check('every input type dropped at once: one tab each', url, async (page) => {
    await drop(page, FILES);
    await waitArticle(page, FILES[0].has[0]);
    assert.deepEqual(await tabNames(page), FILES.map((f) => f.name));
    assert.equal(await activeTab(page), FILES[0].name, 'the first dropped file is shown');
    for (const f of FILES) {
      await page.click(`#tabs [role="tab"]:text-is("${f.name}")`);
      await waitArticle(page, f.has[0].split('\n')[0]);
      checkText(await articleText(page), f);
      assert.equal(await activeTab(page), f.name);
    }
  });

  await check('damaged, encrypted and unreadable files get a clear message, and open no tab', url, async (page) => {
    const cut = DOCX.subarray(0, DOCX.length - 30);
    await page.setInputFiles('#file', { name: 'cut.docx', mimeType: DOCX_TYPE, buffer: cut });
    await page.waitForFunction(() => /“cut.docx” cannot be read as a \.docx/.test(document.getElementById('status').textContent));
    assert.ok(await page.$eval('#status', (s) => s.classList.contains('error')));
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    await drop(page, [{ name: 'secret.docx', type: DOCX_TYPE, buffer: ole }]);
    await page.waitForFunction(() => /“secret.docx” is password-protected \(encrypted\)/.test(document.getElementById('status').textContent));
    // A good file and a bad one dropped together: the good one opens, the bad one is named.
    await drop(page, [FILES[0], { name: 'noise.txt', type: 'text/plain', buffer: Buffer.from([1, 2, 3, 0, 0, 0, 7, 8]) }]);
    await waitArticle(page, FILES[0].has[0]);
    await page.waitForFunction(() => /“noise.txt” looks like a binary file/.test(document.getElementById('status').textContent));
    assert.equal(await page.$$eval('#tabs [role="tab"]', (e) => e.length), 0, 'one document: no tab bar');
    assert.equal(await page.isVisible('#tabs'), false);
  });

  await check('hostile HTML shapes (unclosed elements, tags without an end) read in linear time', url, async (page) => {
    const html = '<p>“Hello,” said Ana Lopez in Lyon.</p>' + '<iframe><noscript>'.repeat(60000) + '<a<b '.repeat(100000) + '<svg>'.repeat(60000);
    const t0 = Date.now();
    await page.setInputFiles('#file', { name: 'shapes.html', mimeType: 'text/html', buffer: Buffer.from(html) });
    await waitArticle(page, 'Ana Lopez');
    const ms = Date.now() - t0;
    assert.ok(ms < 8000, `read and annotated in ${ms} ms`);
  });

  await check('tabs: switch by click and arrows, close by button and Delete, axe, screenshot', url, async (page) => {
    const three = [FILES[5], FILES[8], FILES[0]];
    await page.setInputFiles('#file', three.map(upload));
    await waitArticle(page, three[0].has[0]);
    assert.deepEqual(await tabNames(page), three.map((f) => f.name));
    // The tab bar's roles and labels.
    const aria = await page.evaluate(() => {
      const list = document.querySelector('#tabs [role="tablist"]');
      const tabs = [...document.querySelectorAll('#tabs [role="tab"]')];
      return {
        label: list.getAttribute('aria-label'),
        owns: list.getAttribute('aria-owns').split(' ').map((id) => document.getElementById(id).textContent),
        selected: tabs.map((t) => t.getAttribute('aria-selected')),
        tabindex: tabs.map((t) => t.tabIndex),
        close: [...document.querySelectorAll('#tabs .tab-close')].map((b) => b.getAttribute('aria-label')),
      };
    });
    assert.equal(aria.label, 'Open documents');
    assert.deepEqual(aria.owns, three.map((f) => f.name));
    assert.deepEqual(aria.selected, ['true', 'false', 'false']);
    assert.deepEqual(aria.tabindex, [0, -1, -1], 'one tab stop for the tabs');
    assert.deepEqual(aria.close, three.map((f) => 'Close ' + f.name));
    // axe on the page with the tab bar.
    await page.evaluate(AXE);
    const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .filter((v) => v.nodes.some((n) => n.target.join(' ').includes('tab')))
      .map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')));
    assert.deepEqual(violations, [], 'no serious or critical axe violation in the tab bar');
    if (!file) {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: path.join(OUT, 'inputs-tabs.png'), clip: { x: 0, y: 0, width: 1280, height: 520 } });
      if (process.env.SCREENSHOT) {
        fs.mkdirSync(path.join(ROOT, 'docs/screenshots'), { recursive: true });
        await page.screenshot({ path: path.join(ROOT, 'docs/screenshots/inputs-tabs.png'), clip: { x: 0, y: 0, width: 1280, height: 520 } });
      }
    }
    // Click the second tab; arrows move and show; Home and End.
    await page.click('#tabs [role="tab"] >> nth=1');
    await waitArticle(page, three[1].has[0]);
    await page.focus('#tabs [role="tab"][aria-selected="true"]');
    await page.keyboard.press('ArrowRight');
    await waitArticle(page, three[2].has[0]);
    assert.equal(await activeTab(page), three[2].name);
    assert.equal(await page.evaluate(() => document.activeElement.textContent), three[2].name, 'focus follows');
    await page.keyboard.press('ArrowRight'); // wraps around
    await waitArticle(page, three[0].has[0]);
    await page.keyboard.press('End');
    await waitArticle(page, three[2].has[0]);
    await page.keyboard.press('ArrowLeft');
    await waitArticle(page, three[1].has[0]);
    assert.equal(await activeTab(page), three[1].name);
    // Delete closes the focused tab (a file's tab: nothing typed is lost, nothing asked).
    await page.keyboard.press('Delete');
    await waitArticle(page, three[2].has[0]);
    assert.deepEqual(await tabNames(page), [three[0].name, three[2].name]);
    assert.equal(await activeTab(page), three[2].name, 'the next tab is shown');
    // The close button of the other tab: one document left, the tab bar goes.
    await page.click(`#tabs .tab-close[aria-label="Close ${three[0].name}"]`);
    await page.waitForFunction(() => document.getElementById('tabs').hidden);
    await waitArticle(page, three[2].has[0]);
  });

  await check('pasting: rich HTML into the box gives plain text; over the article, a new tab', url, async (page) => {
    const paste = (selector, flavours) => page.evaluate(({ selector, flavours }) => {
      const dt = new DataTransfer();
      for (const [type, data] of Object.entries(flavours)) dt.setData(type, data);
      const target = document.querySelector(selector);
      if (target.focus) target.focus();
      target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, { selector, flavours });
    // Rich content with a plain-text flavour: the plain text goes in, no markup.
    const plain = '“The market opens at dawn,” said Aino Virtanen in Turku.';
    await paste('#input', { 'text/html': `<meta charset="utf-8"><b style="color:red">${plain.replace('Aino', '<i>Aino</i>')}</b><script>alert(1)</script>`, 'text/plain': plain });
    await waitArticle(page, 'Aino Virtanen');
    assert.equal(await page.$eval('#input', (t) => t.value), plain);
    assert.equal(await articleText(page), plain);
    // HTML only (some apps put no plain text on the clipboard): its text, paragraphs kept.
    await page.click('#edit');
    await page.fill('#input', '');
    await paste('#input', { 'text/html': '<h2>Fish prices</h2><p>“Cod is dear,” said <b>Sven Berg</b> in Oslo.</p><p>Second <em>paragraph</em>.</p>' });
    await waitArticle(page, 'Sven Berg');
    assert.equal(await page.$eval('#input', (t) => t.value), 'Fish prices\n\n“Cod is dear,” said Sven Berg in Oslo.\n\nSecond paragraph.');
    assert.equal(await page.isVisible('#tabs'), false, 'still one document');
    // Pasted over the annotated article (not in a text field): a new document, “Pasted text”.
    const other = '“Ships are late,” said Pekka Laine in Helsinki.';
    await paste('body', { 'text/html': `<p>${other}</p>`, 'text/plain': other });
    await waitArticle(page, 'Pekka Laine');
    const names = await tabNames(page);
    assert.equal(names.length, 2, 'a second tab: ' + JSON.stringify(names));
    assert.deepEqual(names, ['Pasted text', 'Pasted text 2'], 'the text box held the first');
    assert.equal(await activeTab(page), 'Pasted text 2');
    assert.equal(await articleText(page), other);
    // The first one is intact.
    await page.click('#tabs [role="tab"] >> nth=0');
    await waitArticle(page, 'Sven Berg');
    // A real paste from the clipboard (Ctrl+V) of rich content, where the browser allows it.
    const ok = await page.evaluate(async (text) => {
      try {
        await navigator.clipboard.write([new ClipboardItem({
          'text/html': new Blob([`<p><b>${text}</b></p>`], { type: 'text/html' }),
          'text/plain': new Blob([text], { type: 'text/plain' }),
        })]);
        return true;
      } catch { return false; }
    }, '“Real paste,” said Mia Holm.');
    if (ok) {
      await page.click('#edit');
      await page.fill('#input', '');
      await page.focus('#input');
      await page.keyboard.press('Control+V');
      await waitArticle(page, 'Mia Holm');
      assert.equal(await page.$eval('#input', (t) => t.value), '“Real paste,” said Mia Holm.');
    } else {
      console.log('  (the system clipboard is not available here: the real Ctrl+V paste was skipped)');
    }
  }, { context: { permissions: ['clipboard-read', 'clipboard-write'] } });

  await check('a reload keeps the tabs, their texts and the active one; drafts are kept', url, async (page) => {
    await page.setInputFiles('#file', [FILES[0], FILES[4], FILES[8]].map(upload));
    await waitArticle(page, FILES[0].has[0]);
    await page.click('#tabs [role="tab"] >> nth=1');
    await waitArticle(page, 'Ingrid Solberg');
    // Type into the third document without annotating: the draft is kept.
    await page.click('#tabs [role="tab"] >> nth=2');
    await waitArticle(page, 'Yann Le Goff');
    await page.click('#edit');
    await page.fill('#input', 'A draft, typed here: “Not annotated yet,” said Ida Berg.');
    await page.waitForTimeout(900); // the draft is saved a moment after typing stops
    await page.click('#tabs [role="tab"] >> nth=1');
    await waitArticle(page, 'Ingrid Solberg');
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await waitArticle(page, 'Ingrid Solberg');
    assert.deepEqual(await tabNames(page), [FILES[0].name, FILES[4].name, FILES[8].name]);
    assert.equal(await activeTab(page), FILES[4].name, 'the active tab is the same');
    assert.match(await page.textContent('#status'), /Restored from your last visit/);
    await page.click('#tabs [role="tab"] >> nth=2');
    await waitArticle(page, 'Ida Berg');
    // Typed into the text box and reloaded before anything else: still there.
    await page.click('#edit');
    await page.fill('#input', 'Another draft: “Kept,” said Ola Nord.');
    await page.waitForTimeout(900);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await waitArticle(page, 'Ola Nord');
    assert.equal(await activeTab(page), FILES[8].name);
    // And reloaded at once, before the draft's own save: it is saved as the page goes.
    await page.click('#edit');
    await page.fill('#input', 'Typed just now: “Quick,” said Liv Dahl.');
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await waitArticle(page, 'Liv Dahl');
    assert.equal(await activeTab(page), FILES[8].name);
    // Closing a tab whose text was typed here asks first; dismissed, nothing is closed.
    await page.focus('#tabs [role="tab"][aria-selected="true"]');
    await page.keyboard.press('Delete');
    await page.waitForTimeout(200);
    assert.equal((await tabNames(page)).length, 3, 'dismissing the question keeps the tab');
  });

  await check('Clear closes the shown tab; after the last one nothing is restored', url, async (page) => {
    await page.setInputFiles('#file', [FILES[0], FILES[1]].map(upload));
    await waitArticle(page, FILES[0].has[0]);
    await page.click('#clear');
    await page.click('dialog[open] button:has-text("Clear")'); // the page's own question (editor.js)
    await waitArticle(page, FILES[1].has[0]);
    assert.equal(await page.isVisible('#tabs'), false, 'one document left: no tab bar');
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await waitArticle(page, FILES[1].has[0]);
    await page.click('#clear');
    await page.click('dialog[open] button:has-text("Clear")');
    await page.waitForFunction(() => document.getElementById('input').value === '' && !document.getElementById('input-view').hidden);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    assert.equal(await page.$eval('#input', (i) => i.value), '');
    assert.equal(await page.isVisible('#article'), false);
  });

  await check('a document closed as the page went away, its delete unfinished, does not come back', url, async (page) => {
    await page.setInputFiles('#file', [FILES[0], FILES[1]].map(upload));
    await waitArticle(page, FILES[0].has[0]);
    const ids = await page.$$eval('#tabs [role="tab"]', (tabs) => tabs.map((t) => t.dataset.id));
    assert.equal(ids.length, 2);
    // What leave() writes when IndexedDB has not finished: here, the first document closed
    // while both are still in the database. Written as the page goes away, after the page's
    // own leave(), which runs on 'pagehide' and again on 'visibilitychange' (listeners of an
    // event run in the order they were added, and Chromium may fire either event first):
    // written before the reload, or on 'pagehide' alone, it was replaced whenever the page's
    // writes of the two files were still in flight, and the test failed now and then for
    // that reason alone.
    await page.evaluate((keep) => {
      const write = () => localStorage.setItem('saywhere.docs-snapshot.v1', JSON.stringify({ active: keep.id, docs: [keep] }));
      window.addEventListener('pagehide', write);
      document.addEventListener('visibilitychange', write);
    }, { id: ids[1], name: FILES[1].name, text: FILES[1].has[0], origin: 'file', edited: false });
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await waitArticle(page, FILES[1].has[0]);
    assert.equal(await page.isVisible('#tabs'), false, 'one document: the closed one stays closed');
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await waitArticle(page, FILES[1].has[0]);
    assert.equal(await page.isVisible('#tabs'), false, 'and not on the next load either');
    // Cleared as the page went away: an empty snapshot is the reader's last word too.
    await page.evaluate(() => {
      const write = () => localStorage.setItem('saywhere.docs-snapshot.v1', JSON.stringify({ active: null, docs: [] }));
      window.addEventListener('pagehide', write);
      document.addEventListener('visibilitychange', write);
    });
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    assert.equal(await page.$eval('#input', (i) => i.value), '', 'nothing restored');
    assert.equal(await page.isVisible('#article'), false);
  });

  await check('the previous version\'s saved text becomes a document', url, async (page) => {
    await page.evaluate(async () => {
      await new Promise((resolve) => { const r = indexedDB.deleteDatabase('saywhere-documents'); r.onsuccess = r.onerror = r.onblocked = resolve; });
      localStorage.clear();
      localStorage.setItem('saywhere.text.v1', '“Old text,” said Pia Lund in Malmö.');
    });
    // The page holds the database open: a fresh page in the same context reads the migration.
    const fresh = await page.context().newPage();
    await page.close();
    await fresh.goto(url);
    await fresh.waitForSelector('body[data-ready="true"]');
    await waitArticle(fresh, 'Pia Lund');
    await fresh.setInputFiles('#file', upload(FILES[0]));
    await waitArticle(fresh, FILES[0].has[0]);
    assert.deepEqual(await tabNames(fresh), ['Saved text', FILES[0].name]);
    await fresh.reload();
    await fresh.waitForSelector('body[data-ready="true"]');
    await waitArticle(fresh, FILES[0].has[0]);
    assert.deepEqual(await tabNames(fresh), ['Saved text', FILES[0].name], 'migrated once, not again');
  });
}

await h.done();
