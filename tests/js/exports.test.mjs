// Every export of www/exports.js parsed back and checked against the text it came from.
// Run: node --test tests/js/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import {
  toJSON, fromJSON, toCSV, toBrat, toWebAnnotation, toHTML, exportFiles, utf16ToCodePoints,
  csvField, escapeHTML, ImportError, BRAT_CONF,
} from '../../www/exports.js';
import { fixture, NAMES, parseCSV, cpSlice, handDoc } from './helpers.mjs';
import { launch } from './browser.mjs';

const EMOJI = fixture('emoji');

test('utf16ToCodePoints counts a surrogate pair as one code point', () => {
  const text = 'a😀b\u0301c';
  const f = utf16ToCodePoints(text);
  assert.deepEqual([0, 1, 3, 4, 5, 6].map(f), [0, 1, 2, 3, 4, 5]);
  assert.equal(f(2), 1); // inside the pair: the pair's own code point
});

test('the fixtures hold astral characters and combining marks, and spans after them', () => {
  const { text, doc } = EMOJI;
  assert.ok(text.length > Array.from(text).length, 'the emoji fixture has surrogate pairs');
  assert.ok(text.includes('e\u0301'), 'the emoji fixture has a combining mark');
  const last = doc.quotes[doc.quotes.length - 1];
  assert.notEqual(utf16ToCodePoints(text)(last.start), last.start, 'offsets differ between units');
});

// ---------------------------------------------------------------------------------------
// JSON

for (const name of NAMES) {
  test(`JSON round trip restores text, doc and corrections (${name})`, () => {
    const { text, doc } = fixture(name);
    const corrections = { removed: [{ layer: 'places', start: 3, end: 9 }], lexicon: { 'X Y': 'person' }, note: 'é 😀 "q"' };
    const file = toJSON(text, doc, corrections);
    const back = fromJSON(file);
    assert.equal(back.text, text);
    assert.deepEqual(back.doc, doc);
    assert.deepEqual(back.corrections, corrections);
    const raw = JSON.parse(file);
    assert.equal(raw.schema, 'saywhere/1');
    assert.equal(raw.offsets, 'utf16');
    // Without corrections: none in the file, null on import.
    assert.equal(JSON.parse(toJSON(text, doc)).corrections, undefined);
    assert.equal(fromJSON(toJSON(text, doc)).corrections, null);
  });
}

test('JSON import converts code point offsets (the CLI default) to UTF-16', () => {
  const { text, doc } = EMOJI;
  const cli = fixture('emoji', 'code_points').doc;
  assert.equal(cli.offsets, 'code_points');
  const back = fromJSON(JSON.stringify({ ...cli, text }));
  assert.equal(back.doc.offsets, 'utf16');
  assert.deepEqual(back.doc.quotes, doc.quotes);
  assert.deepEqual(back.doc.people, doc.people);
  assert.deepEqual(back.doc.places, doc.places);
  // And exporting a code point doc writes UTF-16.
  assert.deepEqual(fromJSON(toJSON(text, cli)).doc, doc);
});

test('JSON import accepts a byte-order mark and byte offsets', () => {
  const text = 'é “Hi,” said Ann.';
  const bytes = Buffer.from(text);
  const s = bytes.indexOf(Buffer.from('“'));
  const e = bytes.indexOf(Buffer.from('”')) + 3;
  const file = { schema: 'saywhere/1', offsets: 'bytes', text, people: [], places: [],
    quotes: [{ start: s, end: e, content_start: s + 3, content_end: e - 3, kind: 'direct', speaker: null, confidence: 0 }] };
  const { doc } = fromJSON('\uFEFF' + JSON.stringify(file));
  assert.equal(text.slice(doc.quotes[0].start, doc.quotes[0].end), '“Hi,”');
  assert.equal(text.slice(doc.quotes[0].content_start, doc.quotes[0].content_end), 'Hi,');
});

test('JSON import refuses what it cannot restore, with clear messages', () => {
  const { text, doc } = EMOJI;
  const good = JSON.parse(toJSON(text, doc));
  const bad = (value, pattern) => {
    const src = typeof value === 'string' ? value : JSON.stringify(value);
    assert.throws(() => fromJSON(src), (e) => e instanceof ImportError && pattern.test(e.message), `expected ${pattern}`);
  };
  bad('{"schema": "saywhere/1", ', /not JSON/);
  bad('[1, 2]', /expected an object/);
  bad({ ...good, schema: undefined }, /no "schema"/);
  bad({ ...good, schema: 'saywhere/2' }, /"saywhere\/2".*reads "saywhere\/1"/);
  bad({ ...good, text: undefined }, /no "text"/);
  bad({ ...good, quotes: {} }, /"quotes" field is missing or is not a list/);
  bad({ ...good, offsets: 'lines' }, /unknown offset unit "lines"/);
  const past = structuredClone(good);
  past.quotes[0].end = text.length + 5;
  bad(past, /quotes\[0\].*past the end of the text/);
  const backwards = structuredClone(good);
  backwards.places[0].start = backwards.places[0].end + 1;
  bad(backwards, /places\[0\] starts at .* after its end/);
  const frac = structuredClone(good);
  frac.people[0].mentions[0].start = 1.5;
  bad(frac, /people\[0\]\.mentions\[0\]\.start is not a position/);
  const who = structuredClone(good);
  who.quotes[0].speaker = 99;
  bad(who, /quotes\[0\]\.speaker 99 is not one of the/);
  const noName = structuredClone(good);
  delete noName.people[0].name;
  bad(noName, /people\[0\] has no name/);
  const noCoords = structuredClone(good);
  delete noCoords.places[0].lat;
  bad(noCoords, /places\[0\] has no coordinates/);
  const midChar = { schema: 'saywhere/1', offsets: 'bytes', text: 'é', people: [], quotes: [], places: [{ start: 1, end: 2, name: 'x', lat: 0, lon: 0 }] };
  bad(midChar, /not a character boundary/);
});

// ---------------------------------------------------------------------------------------
// CSV

for (const name of NAMES) {
  test(`CSV rows re-slice to the quotes in code points (${name})`, () => {
    const { text, doc } = fixture(name);
    const csv = toCSV(text, doc);
    assert.ok(csv.endsWith('\r\n'));
    const rows = parseCSV(csv);
    assert.deepEqual(rows[0], ['speaker', 'quote', 'kind', 'start', 'end', 'rule', 'confidence']);
    assert.equal(rows.length - 1, doc.quotes.length);
    rows.slice(1).forEach((row, i) => {
      const q = doc.quotes[i];
      assert.equal(row.length, 7);
      const [speaker, quote, kind, start, end, rule, confidence] = row;
      const unescaped = /^'[=+\-@\t\r]/.test(quote) ? quote.slice(1) : quote;
      assert.equal(cpSlice(text, Number(start), Number(end)), unescaped);
      assert.equal(unescaped, text.slice(q.start, q.end));
      assert.equal(speaker, q.speaker_name ?? '');
      assert.equal(kind, q.kind);
      assert.equal(rule, q.rule ?? '');
      assert.ok(Math.abs(Number(confidence) - q.confidence) < 0.001);
    });
  });
}

test('CSV quotes fields with commas, quotes and line ends, and defuses formulas', () => {
  const text = '=1+1 said "Bo, Jr." and -2 and @x and +3 and a\nb.';
  const doc = handDoc(text, {
    people: [{ name: '=HYPERLINK("http://x","y")', mentions: ['=1+1'] }, { name: '@admin', mentions: ['@x'] }],
    quotes: [
      { text: '"Bo, Jr."', speaker: 0, rule: 'speaker-cue-quote', confidence: 0.9 },
      { text: '-2', speaker: 1, confidence: 0.5, rule: 'pronoun' },
      { text: '+3', kind: 'non-speech' },
      { text: 'a\nb' },
    ],
  });
  const csv = toCSV(text, doc);
  const rows = parseCSV(csv);
  assert.deepEqual(rows.slice(1), [
    [`'=HYPERLINK("http://x","y")`, '"Bo, Jr."', 'direct', '10', '19', 'speaker-cue-quote', '0.9'],
    ["'@admin", "'-2", 'direct', '24', '26', 'pronoun', '0.5'],
    ['', "'+3", 'non-speech', '38', '40', '', '0'],
    ['', 'a\nb', 'direct', '45', '48', '', '0'],
  ]);
  assert.ok(csv.includes('"\'=HYPERLINK(""http://x"",""y"")"'), 'inner quotes are doubled');
  for (const line of csv.split('\r\n').filter(Boolean)) {
    const cells = parseCSV(line + '\r\n')[0] ?? [];
    for (const c of cells) assert.ok(!/^[=+\-@]/.test(c), `no cell starts a formula: ${c}`);
  }
  assert.equal(csvField('-5', { text: false }), '-5');
  assert.ok(toCSV(text, doc, { bom: true }).startsWith('\uFEFFspeaker,'));
});

// ---------------------------------------------------------------------------------------
// brat

function parseAnn(ann) {
  const t = new Map(), rest = [];
  for (const line of ann.split('\n').filter(Boolean)) {
    const cols = line.split('\t');
    if (line[0] === 'T') {
      assert.equal(cols.length, 3, `T line has three columns: ${line}`);
      const [type, ...frags] = cols[1].split(/ |;/);
      const spans = [];
      for (let i = 0; i < frags.length; i += 2) spans.push([Number(frags[i]), Number(frags[i + 1])]);
      t.set(cols[0], { type, spans, text: cols[2] });
    } else rest.push(cols);
  }
  return { t, rest };
}

for (const name of NAMES) {
  test(`brat .ann spans re-slice from .txt in code points (${name})`, () => {
    const { text, doc } = fixture(name);
    const { txt, ann, conf } = toBrat(text, doc);
    assert.equal(conf, BRAT_CONF);
    assert.ok(!txt.includes('\r'), 'line ends normalised');
    assert.equal(txt, text.replace(/\r\n?/g, '\n'));
    const { t, rest } = parseAnn(ann);
    const chars = Array.from(txt);
    for (const [id, e] of t) {
      const covered = e.spans.map(([s, x]) => chars.slice(s, x).join('')).join(' ');
      assert.equal(covered.replace(/\t/g, ' '), e.text, `${id} re-slices`);
      for (const [s, x] of e.spans) assert.ok(s < x && x <= chars.length, `${id} in bounds`);
    }
    const types = [...t.values()].map((e) => e.type);
    assert.equal(types.filter((x) => x === 'Quote').length, doc.quotes.length);
    assert.equal(types.filter((x) => x === 'Place').length, new Set(doc.places.map((p) => `${p.start} ${p.end}`)).size);
    // Quote text-bounds are the quotes, in order.
    const quoteTexts = [...t.values()].filter((e) => e.type === 'Quote').map((e) => e.text);
    assert.deepEqual(quoteTexts, doc.quotes.map((q) => text.slice(q.start, q.end).replace(/\r\n?|\n/g, ' ')));
    // Relations and attributes point at existing text-bounds of the right types.
    let speakers = 0;
    for (const cols of rest) {
      if (cols[0][0] === 'R') {
        const [rel, a1, a2] = cols[1].split(' ');
        const x = t.get(a1.replace('Arg1:', '')), y = t.get(a2.replace('Arg2:', ''));
        assert.ok(x && y, `relation args exist: ${cols.join('\t')}`);
        assert.equal(x.type, 'Quote');
        if (rel === 'Speaker') {
          speakers++;
          assert.ok(['Person', 'Organisation'].includes(y.type));
        } else assert.equal(rel, 'SpeechCue');
      } else if (cols[0][0] === 'A') {
        const [, id] = cols[1].split(' ');
        assert.ok(t.has(id));
      } else if (cols[0] === '*') {
        const [rel, ...ids] = cols[1].split(' ');
        assert.equal(rel, 'Coref');
        for (const id of ids) assert.ok(t.has(id));
      } else if (cols[0][0] === '#') {
        assert.match(cols[1], /^AnnotatorNotes T\d+$/);
        assert.ok(t.has(cols[1].split(' ')[1]));
      } else assert.fail(`unknown line ${cols.join('\t')}`);
    }
    assert.equal(speakers, doc.quotes.filter((q) => q.speaker_start !== null).length);
  });
}

test('brat: the speaker relation points at the speaker mention, after emoji and CRLF', () => {
  for (const name of ['emoji', 'crlf']) {
    const { text, doc } = fixture(name);
    const { ann } = toBrat(text, doc);
    const { t, rest } = parseAnn(ann);
    const rels = rest.filter((c) => c[0][0] === 'R' && c[1].startsWith('Speaker '));
    const withSpeaker = doc.quotes.filter((q) => q.speaker_start !== null);
    assert.equal(rels.length, withSpeaker.length);
    rels.forEach((cols, i) => {
      const id = cols[1].split(' ')[2].replace('Arg2:', '');
      const q = withSpeaker[i];
      assert.equal(t.get(id).text, text.slice(q.speaker_start, q.speaker_end));
    });
  }
});

test('brat: a span across a line end becomes fragments', () => {
  const text = 'He said “one\r\ntwo” today.';
  const doc = handDoc(text, { quotes: [{ text: '“one\r\ntwo”' }] });
  const { txt, ann } = toBrat(text, doc);
  assert.equal(txt, 'He said “one\ntwo” today.');
  assert.equal(ann.split('\n')[0], 'T1\tQuote 8 12;13 17\t“one two”');
});

// ---------------------------------------------------------------------------------------
// W3C Web Annotation

function checkSelectors(text, selector) {
  const [q, p] = selector;
  assert.equal(q.type, 'TextQuoteSelector');
  assert.equal(p.type, 'TextPositionSelector');
  assert.equal(cpSlice(text, p.start, p.end), q.exact);
  assert.equal(cpSlice(text, Math.max(0, p.start - 32), p.start), q.prefix);
  assert.equal(cpSlice(text, p.end, p.end + 32), q.suffix);
  assert.ok(text.includes(q.prefix + q.exact + q.suffix));
  assert.ok(Array.from(q.prefix).length <= 32 && Array.from(q.suffix).length <= 32);
  // No selector cuts a surrogate pair.
  for (const s of [q.exact, q.prefix, q.suffix]) assert.ok(!/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(s));
}

for (const name of NAMES) {
  test(`Web Annotation selectors re-slice from the text (${name})`, () => {
    const { text, doc } = fixture(name);
    const wa = JSON.parse(JSON.stringify(toWebAnnotation(text, doc)));
    assert.equal(wa['@context'], 'http://www.w3.org/ns/anno.jsonld');
    assert.equal(wa.type, 'AnnotationCollection');
    const items = wa.first.items;
    const mentions = doc.people.reduce((n, p) => n + p.mentions.length, 0);
    assert.equal(items.length, doc.quotes.length + mentions + doc.places.length);
    assert.equal(wa.total, items.length);
    assert.equal(new Set(items.map((a) => a.id)).size, items.length, 'ids are unique');
    for (const a of items) {
      assert.equal(a.type, 'Annotation');
      assert.ok(a.target.source.startsWith('urn:saywhere:text:'));
      checkSelectors(text, a.target.selector);
      for (const b of a.body) {
        assert.ok(['tagging', 'identifying', 'linking', 'describing'].includes(b.purpose));
        if (b.purpose === 'linking') checkSelectors(text, b.selector);
      }
    }
    const quoteItems = items.filter((a) => a.body.some((b) => b.value === 'quote'));
    assert.equal(quoteItems.length, doc.quotes.length);
    for (const q of doc.quotes) {
      const a = quoteItems.find((x) => x.target.selector[0].exact === text.slice(q.start, q.end));
      assert.ok(a, 'each quote has its annotation');
      if (q.speaker_name) assert.ok(a.body.some((b) => b.purpose === 'identifying' && b.value === q.speaker_name));
    }
    const placeItems = items.filter((a) => a.body.some((b) => b.value === 'place'));
    assert.equal(placeItems.length, doc.places.length);
    for (const a of placeItems) assert.ok(a.body.some((b) => /^geo:-?[\d.]+,-?[\d.]+$/.test(b.id || '')));
  });
}

test('Web Annotation positions count code points, so emoji and combining marks shift them', () => {
  const text = '👍🏽 Rene\u0301e said “ok 🇺🇦” in Lyon.';
  const doc = handDoc(text, {
    people: [{ name: 'Renée', mentions: ['Rene\u0301e'] }],
    quotes: [{ text: '“ok 🇺🇦”', speaker: 0, speakerAt: 'Rene\u0301e', rule: 'speaker-cue-quote', confidence: 0.9 }],
    places: [{ text: 'Lyon', lat: 45.75, lon: 4.85, country: 'FR' }],
  });
  const wa = toWebAnnotation(text, doc, { source: 'https://example.org/a', context: 4 });
  const byExact = Object.fromEntries(wa.first.items.map((a) => [a.target.selector[0].exact, a]));
  assert.deepEqual(byExact['Rene\u0301e'].target.selector[1], { type: 'TextPositionSelector', start: 3, end: 9 });
  assert.deepEqual(byExact['“ok 🇺🇦”'].target.selector[1], { type: 'TextPositionSelector', start: 15, end: 22 });
  assert.equal(byExact['“ok 🇺🇦”'].target.selector[0].prefix, 'aid ');
  assert.equal(byExact.Lyon.target.selector[0].prefix, ' in ');
  assert.equal(byExact.Lyon.target.selector[0].suffix, '.');
  assert.equal(byExact.Lyon.target.source, 'https://example.org/a');
  assert.deepEqual(byExact.Lyon.target.selector[1], { type: 'TextPositionSelector', start: 26, end: 30 });
  const link = byExact['“ok 🇺🇦”'].body.find((b) => b.purpose === 'linking');
  assert.equal(link.selector[0].exact, 'Rene\u0301e');
});

// ---------------------------------------------------------------------------------------
// HTML

function articleText(html) {
  const m = html.match(/<article>\n([\s\S]*?)\n<\/article>/);
  assert.ok(m, 'has an article');
  return m[1].split('\n').map((p) => p.replace(/<span class="who[^"]*">[^<]*<\/span>/g, '').replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&'));
}

for (const name of NAMES) {
  test(`HTML holds the whole text, escaped, every quote and no script (${name})`, () => {
    const { text, doc } = fixture(name);
    const html = toHTML(text, doc, { title: `Fixture ${name}` });
    assert.ok(html.startsWith('<!doctype html>'));
    assert.ok(!/<script/i.test(html) && !/\son\w+=/i.test(html) && !/javascript:/i.test(html));
    assert.deepEqual(articleText(html), text.split(/\r\n|\r|\n/).filter((l) => l.trim()));
    const article = html.slice(html.indexOf('<article>'), html.indexOf('</article>'));
    const pieces = doc.quotes.reduce((n, q) => n + text.slice(q.start, q.end).split(/\r\n|\r|\n/).filter(Boolean).length, 0);
    assert.equal((article.match(/<span class="q /g) || []).length, pieces);
    for (const q of doc.quotes) if (q.speaker_name) assert.ok(html.includes(`">${escapeHTML(q.speaker_name)}</span>`));
    assert.ok(html.includes('@media print') && html.includes('prefers-color-scheme'));
  });
}

test('HTML escapes markup in the text, names and title', () => {
  const text = '<script>alert(1)</script> & “<b>bold</b>,” said <i>Al</i> "O\'Neil" in <Paris>.';
  const doc = handDoc(text, {
    people: [{ name: '<img src=x onerror=alert(1)>', mentions: ['<i>Al</i>'] }],
    quotes: [{ text: '“<b>bold</b>,”', speaker: 0, rule: 'quote-cue-speaker', confidence: 0.95 }],
    places: [{ text: '<Paris>', name: 'Paris "<x>"', lat: 48.9, lon: 2.4 }],
  });
  const html = toHTML(text, doc, { title: '</title><script>x</script>' });
  assert.ok(!/<script/i.test(html));
  assert.ok(!/<img/i.test(html) && !/<b>|<i>/.test(html));
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt; &amp; '));
  assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
  assert.ok(html.includes('&quot;O&#39;Neil&quot;'));
  assert.deepEqual(articleText(html), [text]);
});

test('HTML: a place inside a quote and a quote across lines render nested and whole', () => {
  const text = '“We met in Paris\nand Rome,” said Ann Lee.';
  const doc = handDoc(text, {
    people: [{ name: 'Ann Lee', mentions: ['Ann Lee'] }],
    quotes: [{ text: '“We met in Paris\nand Rome,”', speaker: 0, speakerAt: 'Ann Lee', rule: 'quote-cue-speaker', confidence: 0.95 }],
    places: [{ text: 'Paris', lat: 48.9, lon: 2.4 }, { text: 'Rome', lat: 41.9, lon: 12.5 }],
  });
  const html = toHTML(text, doc);
  assert.match(html, /<p><span class="q direct s0" title="[^"]*">“We met in <span class="pl" title="[^"]*">Paris<\/span><\/span><\/p>/);
  assert.match(html, /<p><span class="q direct s0" title="[^"]*">and <span class="pl"[^>]*>Rome<\/span>,”<\/span><span class="who s0">Ann Lee<\/span> said <span class="per s0 spk"/);
  assert.deepEqual(articleText(html), text.split('\n'));
});

test('f32 values as the wasm hands them over are rounded for reading', () => {
  const text = '“Yes,” said Ann in Paris.';
  const doc = handDoc(text, {
    people: [{ name: 'Ann', mentions: ['Ann'] }],
    quotes: [{ text: '“Yes,”', speaker: 0, rule: 'quote-cue-speaker', confidence: Math.fround(0.95) }],
    places: [{ text: 'Paris', lat: Math.fround(48.9), lon: Math.fround(2.4), country: 'FR' }],
  });
  assert.notEqual(doc.places[0].lat, 48.9);
  assert.match(toBrat(text, doc).ann, /\tParis, FR \(48\.9, 2\.4\)\n/);
  assert.match(toCSV(text, doc), /,0\.95\r\n$/);
  const wa = toWebAnnotation(text, doc);
  assert.ok(wa.first.items.some((a) => a.body.some((b) => b.id === 'geo:48.9,2.4')));
  assert.ok(toHTML(text, doc).includes('48.9, 2.4'));
  assert.ok(!toHTML(text, doc).includes('48.900001'));
});

test('a place with no coordinates exports without empty ones', () => {
  const text = 'Roads in Walker County were closed.';
  const doc = handDoc(text, { places: [{ text: 'Walker County', kind: 'region', lat: null, lon: null }] });
  assert.match(toBrat(text, doc).ann, /\tWalker County\n/);
  const wa = toWebAnnotation(text, doc);
  assert.ok(!wa.first.items.some((a) => a.body.some((b) => (b.id || '').startsWith('geo:'))));
  assert.ok(toHTML(text, doc).includes('title="Walker County (region)"'));
});

test('exportFiles names every file', () => {
  const { text, doc } = EMOJI;
  const files = exportFiles(text, doc, { basename: 'talks' });
  assert.deepEqual(files.map((f) => f.name), ['talks.saywhere.json', 'talks.quotes.csv', 'talks.txt', 'talks.ann', 'talks.jsonld', 'talks.html']);
  for (const f of files) assert.ok(typeof f.content === 'string' && f.content.length > 0 && f.mime);
  assert.deepEqual(fromJSON(files[0].content).doc, doc);
});

test('HTML in Chromium: no script runs, no request, axe finds no serious issue (light and dark)', async () => {
  const browser = await launch();
  try {
    for (const colorScheme of ['light', 'dark']) {
      for (const name of NAMES) {
        const { text, doc } = fixture(name);
        const tab = await browser.newPage({ colorScheme });
        const errors = [], requests = [];
        tab.on('pageerror', (e) => errors.push(String(e)));
        tab.on('console', (m) => errors.push(m.text()));
        tab.on('request', (r) => requests.push(r.url()));
        await tab.setContent(toHTML(text, doc, { title: name }));
        const shown = await tab.evaluate(() => ({ text: document.querySelector('article').innerText, scripts: document.scripts.length }));
        assert.equal(shown.scripts, 0);
        for (const line of text.split(/\r\n|\r|\n/).filter((l) => l.trim())) {
          assert.ok(shown.text.replace(/\s+/g, ' ').includes(line.trim().split(/\s+/).slice(0, 3).join(' ')), 'the article shows');
        }
        await tab.addScriptTag({ path: fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url)) });
        const violations = await tab.evaluate(async () => (await window.axe.run(document)).violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.length}`));
        assert.deepEqual(violations, [], `${name} ${colorScheme}`);
        assert.deepEqual(errors, []);
        assert.deepEqual(requests.filter((u) => !u.startsWith('about:') && !u.startsWith('data:')), []);
        await tab.close();
      }
    }
  } finally {
    await browser.close();
  }
});
