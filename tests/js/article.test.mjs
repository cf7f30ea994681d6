// The article's segments (www/article.js), made one at a time by a sweep for the page's
// incremental build, against the list the page used to make all at once (the reference
// below, app.js's old `segments`), on the fixtures and on random overlapping highlights;
// and corrections.js's shortcut for "nothing to apply" against the full path.
// Run: node --test tests/js/
import test from 'node:test';
import assert from 'node:assert/strict';
import { segmenter, segments } from '../../www/article.js';
import { applyCorrectionsReport } from '../../www/corrections.js';
import { fixture, NAMES } from './helpers.mjs';

/** The page's former segments(): every cut point, sorted; then which layers cover each. */
function reference(text, ann) {
  const cuts = new Set([0, text.length]);
  const layers = [];
  ann.quotes.forEach((q, i) => {
    layers.push({ s: q.start, e: q.end, k: 'q', i });
    if (q.cue_start !== null && q.speaker !== null) layers.push({ s: q.cue_start, e: q.cue_end, k: 'c', i });
  });
  const speaks = new Set(ann.quotes.map((q) => q.speaker).filter((s) => s !== null));
  ann.people.forEach((p, i) => {
    if (p.kind === 'person' || speaks.has(i)) p.mentions.forEach((m) => layers.push({ s: m.start, e: m.end, k: 'p', i }));
  });
  ann.places.forEach((p, i) => layers.push({ s: p.start, e: p.end, k: 'l', i }));
  for (const l of layers) { cuts.add(l.s); cuts.add(l.e); }
  const points = [...cuts].filter((x) => x >= 0 && x <= text.length).sort((a, b) => a - b);
  layers.sort((a, b) => a.s - b.s);
  const out = [];
  let li = 0;
  const active = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const s = points[k], e = points[k + 1];
    while (li < layers.length && layers[li].s <= s) active.push(layers[li++]);
    for (let j = active.length - 1; j >= 0; j--) if (active[j].e <= s) active.splice(j, 1);
    const seg = { s, e, q: null, p: null, l: null, c: null };
    for (const a of active) if (a.s <= s && a.e >= e) seg[a.k] = a.i;
    out.push(seg);
  }
  return out;
}

// A small deterministic random generator (mulberry32).
function rng(seed) {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random highlights over a text of n characters: overlapping, touching, empty, some past the ends. */
function randomAnnotation(n, seed, { sorted = true } = {}) {
  const r = rng(seed);
  const span = (maxLen = 30) => {
    const s = Math.floor(r() * (n + 10)) - 5;
    return [s, s + Math.floor(r() * maxLen)];
  };
  const bySpan = (a, b) => a.start - b.start || a.end - b.end;
  const people = Array.from({ length: 1 + Math.floor(r() * 4) }, (_, id) => {
    const mentions = Array.from({ length: Math.floor(r() * 12) }, () => { const [start, end] = span(12); return { start, end }; });
    if (sorted) mentions.sort(bySpan);
    return { id, kind: r() < 0.8 ? 'person' : 'organization', mentions };
  });
  const quotes = Array.from({ length: Math.floor(r() * 10) }, () => {
    const [start, end] = span(60);
    const speaker = r() < 0.7 ? Math.floor(r() * people.length) : null;
    const cue = r() < 0.6 ? span(8) : [null, null];
    return { start, end, speaker, cue_start: cue[0], cue_end: cue[1] };
  });
  const places = Array.from({ length: Math.floor(r() * 10) }, () => { const [start, end] = span(10); return { start, end }; });
  if (sorted) { quotes.sort(bySpan); places.sort(bySpan); }
  return { people, quotes, places };
}

test('segments: the same as the page made before, on the fixtures', () => {
  for (const name of NAMES) {
    const { text, doc } = fixture(name);
    assert.deepEqual(segments(text, doc), reference(text, doc), name);
  }
});

test('segments: the same as before on random overlapping highlights, sorted or not', () => {
  for (let seed = 1; seed <= 400; seed++) {
    const n = 1 + (seed % 97);
    const text = 'abcdefghij'.repeat(10).slice(0, n);
    const ann = randomAnnotation(n, seed, { sorted: seed % 3 !== 0 });
    assert.deepEqual(segments(text, ann), reference(text, ann), `seed ${seed}`);
  }
});

test('segments tile the text, and the sweep hands them out one at a time', () => {
  const { text, doc } = fixture('plain');
  const sweep = segmenter(text, doc);
  let at = 0, n = 0;
  for (let seg = sweep.next(); seg; seg = sweep.next()) {
    assert.equal(seg.s, at);
    assert.ok(seg.e > seg.s);
    at = seg.e;
    assert.equal(sweep.at, at);
    n++;
  }
  assert.equal(at, text.length);
  assert.equal(sweep.next(), null);
  assert.ok(n > doc.quotes.length);
  assert.deepEqual(segments('', doc), []);
});

test('nothing to apply: the shortcut gives what the full path gives', () => {
  for (const name of NAMES) {
    const { text, doc } = fixture(name);
    const fast = applyCorrectionsReport(doc, text, [], []);
    // The full path, forced by a correction that finds nothing to act on.
    const full = applyCorrectionsReport(doc, text, [{ op: 'remove', target: { layer: 'place', start: 0, end: 0, text: 'nowhere' } }], []);
    assert.equal(full.skipped.length, 1);
    assert.deepEqual(fast.ann, full.ann, name);
    assert.notEqual(fast.ann, doc);
  }
  // Out of order: the full path sorts, so the result is in order all the same.
  const { text, doc } = fixture('plain');
  const shuffled = { ...doc, places: [...doc.places].reverse() };
  const out = applyCorrectionsReport(shuffled, text, [], []).ann;
  assert.deepEqual(out.places, applyCorrectionsReport(doc, text, [], []).ann.places);
});

test('hashTextSoon: the same hash as hashText, made a slice per task', async () => {
  const { hashText, hashTextSoon } = await import('../../www/corrections.js');
  const texts = ['', 'a', '“Quote,” she said. 😀 e\u0301', 'x'.repeat(1000) + '\ud83d\ude00'.repeat(300)];
  const want = texts.map((t) => hashText(t));
  for (const [i, t] of texts.entries()) {
    const queue = [];
    hashTextSoon(t, (fn) => queue.push(fn), 7);
    let steps = 0;
    while (queue.length) { queue.shift()(); steps++; }
    assert.ok(steps >= Math.ceil(t.length / 7), 'one step per slice');
    assert.equal(hashText(t), want[i], JSON.stringify(t.slice(0, 20)));
  }
  // The last text hashed ahead is remembered; any other text is hashed afresh.
  assert.notEqual(hashText('b'), want[1]);
  assert.equal(hashText('a'), want[1]);
});
