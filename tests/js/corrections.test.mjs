// Corrections and the user lexicon (www/corrections.js), on small hand-made annotations of
// our own texts. Run: node --test tests/js/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  hashText, storageKey, createStack, push, undo, redo, canUndo, canRedo, addRule, removeRule, describeRule,
  occurrences, snapSelection, locate, applyCorrections, applyCorrectionsReport, target, describeCorrection,
  carryOver, loadCorrections, saveCorrections, loadLexicon, saveLexicon, countStoredDocuments, LEXICON_KEY, STORAGE_PREFIX,
} from '../../www/corrections.js';

const TEXT = 'Mayor Ada Park spoke in Hull on Friday. “The port will reopen,” said Ada Park. '
  + 'The Hull Council disagreed. “Not this year,” a spokesman said. Jordan Lee was also there, and Ada Park smiled.';

/** [start, end] of the n-th occurrence of s in TEXT. */
function at(s, n = 0, text = TEXT) {
  let i = -1;
  for (let k = 0; k <= n; k++) { i = text.indexOf(s, i + 1); assert.ok(i >= 0, `"${s}" #${n} in the text`); }
  return { start: i, end: i + s.length };
}

function quote(s, n, speaker, extra = {}) {
  const { start, end } = at(s, n);
  return {
    start, end, content_start: start + 1, content_end: end - 1, kind: 'direct', speaker,
    speaker_name: null, speaker_start: null, speaker_end: null, cue: 'said', cue_start: null, cue_end: null,
    rule: speaker === null ? null : 'adjacent-cue', rule_explanation: speaker === null ? null : 'a speech verb next to the quote names the speaker',
    confidence: speaker === null ? 0 : 0.9, ...extra,
  };
}

/** What a core might have said about TEXT: Ada Park speaks once, 'Jordan' is wrongly a place. */
function raw() {
  const people = [
    { id: 0, kind: 'person', name: 'Ada Park', aliases: ['Mayor Ada Park'], gender: 'female', role: 'Mayor',
      mentions: [{ ...at('Ada Park', 0), kind: 'name' }, { ...at('Ada Park', 1), kind: 'name' }] },
    { id: 1, kind: 'organisation', name: 'The Hull Council', aliases: [], gender: 'unknown', role: null,
      mentions: [{ ...at('The Hull Council'), kind: 'name' }] },
  ];
  const q0 = quote('“The port will reopen,”', 0, 0);
  Object.assign(q0, { speaker_name: 'Ada Park', speaker_start: at('Ada Park', 1).start, speaker_end: at('Ada Park', 1).end, ...(() => { const c = at('said', 0); return { cue_start: c.start, cue_end: c.end }; })() });
  const q1 = quote('“Not this year,”', 0, null, { cue: null });
  const place = (name, n, extra) => ({ ...at(name, n), name, kind: 'city', country: 'GB', lat: 53.7, lon: -0.3, candidates: 2, ...extra });
  return {
    schema: 'saywhere/1', offsets: 'utf16', people, quotes: [q0, q1],
    places: [place('Hull', 0), place('Jordan', 0, { kind: 'country', country: 'JO', lat: 31, lon: 36, candidates: 1 })],
  };
}

function fakeStorage() {
  const m = new Map();
  return {
    getItem: (k) => (m.has(k) ? m.get(k) : null), setItem: (k, v) => m.set(k, String(v)), removeItem: (k) => m.delete(k),
    key: (i) => [...m.keys()][i] ?? null, get length() { return m.size; }, map: m,
  };
}

const slice = (s) => TEXT.slice(s.start, s.end);
const personNames = (ann) => ann.people.filter((p) => p.kind === 'person').map((p) => p.name);

/** The output keeps the wasm record's shape: every field of the input records, ids in order, speaker names consistent. */
function assertShape(out, inp = raw()) {
  assert.deepEqual(Object.keys(out).sort(), Object.keys(inp).sort());
  const keys = (xs) => new Set(xs.flatMap((x) => Object.keys(x)));
  for (const layer of ['people', 'quotes', 'places']) {
    for (const rec of out[layer]) for (const k of keys(inp[layer])) assert.ok(k in rec, `${layer} record has ${k}`);
  }
  out.people.forEach((p, i) => assert.equal(p.id, i));
  for (const q of out.quotes) {
    if (q.speaker === null) assert.equal(q.speaker_name, null);
    else assert.equal(q.speaker_name, out.people[q.speaker].name);
  }
  for (const layer of ['quotes', 'places']) {
    for (let i = 1; i < out[layer].length; i++) assert.ok(out[layer][i - 1].start <= out[layer][i].start, `${layer} sorted`);
  }
}

test('hashText is stable and tells texts apart; keys are per text', () => {
  assert.equal(hashText(TEXT), hashText(String(TEXT)));
  assert.notEqual(hashText(TEXT), hashText(TEXT + ' '));
  assert.notEqual(hashText('ab'), hashText('ba'));
  assert.match(storageKey(TEXT), /^saywhere\.corrections\.v1\.[0-9a-f]{14}-[0-9a-z]+$/);
});

test('undo and redo are a stack; a new correction drops the redo branch', () => {
  let s = createStack();
  assert.equal(canUndo(s), false);
  s = push(s, { op: 'remove', n: 1 });
  s = push(s, { op: 'remove', n: 2 });
  s = undo(s);
  assert.deepEqual(s.done.map((c) => c.n), [1]);
  assert.ok(canRedo(s));
  s = redo(s);
  assert.deepEqual(s.done.map((c) => c.n), [1, 2]);
  s = undo(undo(s));
  assert.equal(canUndo(s), false);
  assert.deepEqual(undo(s), s, 'undo of nothing is nothing');
  s = redo(s);
  s = push(s, { op: 'remove', n: 3 });
  assert.deepEqual(s.done.map((c) => c.n), [1, 3]);
  assert.equal(canRedo(s), false);
});

test('no corrections: same record, and the input is never modified', () => {
  const inp = raw();
  const copy = JSON.parse(JSON.stringify(inp));
  const out = applyCorrections(inp, TEXT, [], []);
  assert.deepEqual(out, copy);
  assert.notEqual(out, inp);
  applyCorrections(inp, TEXT, [{ op: 'remove', target: target('place', inp.places[0], TEXT) },
    { op: 'speaker', target: target('quote', inp.quotes[0], TEXT), speaker: null }], [{ text: 'Ada Park', is: 'not-person' }]);
  assert.deepEqual(inp, copy, 'applyCorrections works on a copy');
});

test('remove a place, a mention and a quote', () => {
  const a = raw();
  let out = applyCorrections(a, TEXT, [{ op: 'remove', target: target('place', a.places[0], TEXT) }]);
  assert.deepEqual(out.places.map((p) => p.name), ['Jordan']);
  assertShape(out);
  out = applyCorrections(a, TEXT, [{ op: 'remove', target: target('quote', a.quotes[1], TEXT) }]);
  assert.equal(out.quotes.length, 1);
  assert.equal(slice(out.quotes[0]), '“The port will reopen,”');
  // Removing one of two mentions keeps the entity; removing both drops it and unlinks its quote.
  out = applyCorrections(a, TEXT, [{ op: 'remove', target: target('mention', a.people[0].mentions[0], TEXT) }]);
  assert.equal(out.people[0].mentions.length, 1);
  assert.equal(out.quotes[0].speaker, 0);
  // The quote's own speaker mention removed: it points at the nearest one left.
  out = applyCorrections(a, TEXT, [{ op: 'remove', target: target('mention', a.people[0].mentions[1], TEXT) }]);
  assert.equal(out.quotes[0].speaker, 0);
  assert.deepEqual([out.quotes[0].speaker_start, out.quotes[0].speaker_end], [a.people[0].mentions[0].start, a.people[0].mentions[0].end]);
  out = applyCorrections(a, TEXT, a.people[0].mentions.map((m) => ({ op: 'remove', target: target('mention', m, TEXT) })));
  assert.deepEqual(out.people.map((p) => p.name), ['The Hull Council']);
  assert.equal(out.quotes[0].speaker, null);
  assert.equal(out.quotes[0].corrected, 'you');
  assertShape(out);
});

test('relabel: place → person, mention → place, person ↔ organisation, quote → not speech', () => {
  const a = raw();
  let out = applyCorrections(a, TEXT, [{ op: 'relabel', target: target('place', a.places[1], TEXT), to: 'person' }]);
  assert.deepEqual(out.places.map((p) => p.name), ['Hull']);
  const jordan = out.people.find((p) => p.name === 'Jordan');
  assert.ok(jordan && jordan.kind === 'person' && jordan.corrected === 'you');
  assert.equal(jordan.mentions[0].corrected, 'you');
  assertShape(out);

  out = applyCorrections(a, TEXT, [{ op: 'relabel', target: target('mention', a.people[1].mentions[0], TEXT), to: 'place' }]);
  assert.deepEqual(out.people.map((p) => p.name), ['Ada Park'], 'the organisation left with no mention is gone');
  const council = out.places.find((p) => p.name === 'The Hull Council');
  assert.ok(council && council.corrected === 'you' && council.lat === null, 'a new place with no coordinates: ' + JSON.stringify(council));
  assertShape(out);

  out = applyCorrections(a, TEXT, [{ op: 'relabel', target: target('mention', a.people[1].mentions[0], TEXT), to: 'person' }]);
  assert.equal(out.people[1].kind, 'person');
  out = applyCorrections(a, TEXT, [{ op: 'relabel', target: target('mention', a.people[0].mentions[1], TEXT), to: 'organisation' }]);
  assert.equal(out.people[0].kind, 'organisation');
  assert.ok(out.people[0].mentions.every((m) => m.corrected === 'you'), 'every mention of the entity shows the correction');

  out = applyCorrections(a, TEXT, [{ op: 'relabel', target: target('quote', a.quotes[0], TEXT), to: 'non-speech' }]);
  assert.equal(out.quotes[0].kind, 'non-speech');
  assert.equal(out.quotes[0].speaker, null);
  out = applyCorrections(a, TEXT, [{ op: 'relabel', target: target('quote', a.quotes[1], TEXT), to: 'place' }]);
  assert.deepEqual(out, applyCorrections(a, TEXT, []), 'a quote cannot become a place');
});

test('reassign a speaker: any person, or nobody; rule "user", confidence 1', () => {
  const a = raw();
  const ada = { name: 'Ada Park', ...a.people[0].mentions[0] };
  let out = applyCorrections(a, TEXT, [{ op: 'speaker', target: target('quote', a.quotes[1], TEXT), speaker: ada }]);
  const q = out.quotes[1];
  assert.equal(q.speaker, 0);
  assert.equal(q.speaker_name, 'Ada Park');
  assert.equal(q.rule, 'user');
  assert.equal(q.confidence, 1);
  assert.equal(q.corrected, 'you');
  assert.equal(q.cue_start, null);
  assert.deepEqual([q.speaker_start, q.speaker_end], [at('Ada Park', 1).start, at('Ada Park', 1).end], 'the nearest mention before the quote');
  out = applyCorrections(a, TEXT, [{ op: 'speaker', target: target('quote', a.quotes[0], TEXT), speaker: null }]);
  assert.equal(out.quotes[0].speaker, null);
  assert.equal(out.quotes[0].rule, 'user');
  assert.equal(out.quotes[0].confidence, 1);
  assert.match(out.quotes[0].rule_explanation, /nobody/);
  // By name alone (the mention offsets gone), to an organisation too.
  out = applyCorrections(a, TEXT, [{ op: 'speaker', target: target('quote', a.quotes[1], TEXT), speaker: { name: 'The Hull Council' } }]);
  assert.equal(out.quotes[1].speaker_name, 'The Hull Council');
  assertShape(out);
  // To a person who does not exist any more: skipped, reported.
  const r = applyCorrectionsReport(a, TEXT, [{ op: 'speaker', target: target('quote', a.quotes[1], TEXT), speaker: { name: 'Nobody Here' } }]);
  assert.equal(r.skipped.length, 1);
  assert.equal(r.ann.quotes[1].speaker, null);
});

test('add by selection: a person (merged with the same name), a place, a quote', () => {
  const a = raw();
  const third = at('Ada Park', 2);
  let out = applyCorrections(a, TEXT, [{ op: 'add', layer: 'person', ...third, text: 'Ada Park' }]);
  assert.equal(out.people.length, 2, 'merged into the existing Ada Park');
  assert.equal(out.people[0].mentions.length, 3);
  assert.equal(out.people[0].mentions[2].corrected, 'you');
  const jl = at('Jordan Lee');
  out = applyCorrections(a, TEXT, [{ op: 'add', layer: 'person', ...jl, text: 'Jordan Lee' }]);
  assert.deepEqual(personNames(out), ['Ada Park', 'Jordan Lee']);
  assert.deepEqual(out.places.map((p) => p.name), ['Hull'], 'the place inside the new name is gone');
  assertShape(out);
  // A second "Jordan Lee" correction merges, and a later speaker correction can name the new person.
  out = applyCorrections(a, TEXT, [{ op: 'add', layer: 'person', ...jl, text: 'Jordan Lee' },
    { op: 'speaker', target: target('quote', a.quotes[1], TEXT), speaker: { name: 'Jordan Lee', ...jl } }]);
  assert.equal(out.quotes[1].speaker_name, 'Jordan Lee');
  // Place: copies coordinates from a place of the same name.
  const hull2 = at('Hull', 1);
  out = applyCorrections(a, TEXT, [{ op: 'add', layer: 'place', ...hull2, text: 'Hull' }]);
  assert.deepEqual(out.people.map((p) => p.name), ['Ada Park'], 'the organisation mention under it is gone');
  const p2 = out.places.find((p) => p.start === hull2.start);
  assert.equal(p2.lat, 53.7);
  assert.equal(p2.corrected, 'you');
  // Quote.
  const said = at('The Hull Council disagreed.');
  out = applyCorrections(a, TEXT, [{ op: 'add', layer: 'quote', ...said, text: slice(said) }]);
  const nq = out.quotes.find((q) => q.start === said.start);
  assert.ok(nq && nq.rule === 'user' && nq.speaker === null && nq.kind === 'direct');
  assertShape(out);
  // A stale add (the text is not there) is skipped.
  const r = applyCorrectionsReport(a, TEXT, [{ op: 'add', layer: 'person', start: 0, end: 5, text: 'Zorro' }]);
  assert.equal(r.skipped.length, 1);
});

test('corrections survive a re-annotation that draws spans differently', () => {
  const a = raw();
  const corrections = [
    { op: 'speaker', target: target('quote', a.quotes[1], TEXT), speaker: { name: 'Ada Park', ...a.people[0].mentions[0] } },
    { op: 'remove', target: target('place', a.places[1], TEXT) },
  ];
  // A newer core: quotes without their marks, the entity list in another order, 'Mayor Ada Park' as the first mention.
  const b = raw();
  b.quotes = b.quotes.map((q) => ({ ...q, start: q.start + 1, end: q.end - 1 }));
  b.people = [b.people[1], b.people[0]].map((p, i) => ({ ...p, id: i }));
  b.people[1].mentions[0] = { ...at('Mayor Ada Park'), kind: 'name' };
  b.quotes[0].speaker = 1;
  const r = applyCorrectionsReport(b, TEXT, corrections);
  assert.deepEqual(r.skipped, []);
  assert.equal(r.ann.quotes[1].speaker_name, 'Ada Park');
  assert.deepEqual(r.ann.places.map((p) => p.name), ['Hull']);
  assert.equal(locate([{ start: 0, end: 3 }], { start: 50, end: 60, text: 'xyz' }, 'abc'), -1);
});

test('lexicon: is / is not a person / place, whole words, every occurrence', () => {
  const a = raw();
  assert.deepEqual(occurrences('Hull, Hullabaloo and Hull.', 'Hull'), [[0, 4], [21, 25]]);
  let out = applyCorrections(a, TEXT, [], [{ text: 'Jordan Lee', is: 'person' }]);
  assert.deepEqual(personNames(out), ['Ada Park', 'Jordan Lee']);
  assert.equal(out.people[2].corrected, 'lexicon');
  assert.equal(out.people[2].mentions[0].lexicon_rule, '“Jordan Lee” is a person');
  assert.deepEqual(out.places.map((p) => p.name), ['Hull']);

  out = applyCorrections(a, TEXT, [], [{ text: 'Hull', is: 'not-place' }]);
  assert.deepEqual(out.places.map((p) => p.name), ['Jordan']);
  assert.ok(out.people.some((p) => p.name === 'The Hull Council'), 'a longer name around the word stays');

  out = applyCorrections(a, TEXT, [], [{ text: 'Ada Park', is: 'not-person' }]);
  assert.deepEqual(personNames(out), []);
  assert.equal(out.quotes[0].speaker, null);

  out = applyCorrections(a, TEXT, [], [{ text: 'Ada Park', is: 'person' }]);
  assert.equal(out.people[0].mentions.length, 3, 'the missed third mention is added to the same person');
  assert.equal(out.people.length, 2);

  out = applyCorrections(a, TEXT, [], [{ text: 'Friday', is: 'place' }]);
  assert.ok(out.places.some((p) => p.name === 'Friday' && p.corrected === 'lexicon'));
  assertShape(out);

  // A document correction wins over a rule: the reader removed one mention the rule added.
  const third = at('Ada Park', 2);
  out = applyCorrections(a, TEXT, [{ op: 'remove', target: { layer: 'mention', ...third, text: 'Ada Park' } }], [{ text: 'Ada Park', is: 'person' }]);
  assert.equal(out.people[0].mentions.length, 2);

  // The same rules on another article.
  const other = 'Bilbao welcomed Jordan Lee. Jordan Lee said nothing.';
  const none = { schema: 'saywhere/1', offsets: 'utf16', people: [], quotes: [], places: [] };
  out = applyCorrections(none, other, [], [{ text: 'Jordan Lee', is: 'person' }, { text: 'Bilbao', is: 'place' }]);
  assert.equal(out.people.length, 1);
  assert.equal(out.people[0].mentions.length, 2);
  assert.deepEqual(out.places.map((p) => [p.name, p.start]), [['Bilbao', 0]]);
});

test('lexicon rules: a new rule replaces a contradicting one; remove; describe', () => {
  let lex = addRule([], { text: ' Jordan ', is: 'place' });
  assert.deepEqual(lex, [{ text: 'Jordan', is: 'place' }]);
  lex = addRule(lex, { text: 'Jordan', is: 'not-place' });
  assert.deepEqual(lex, [{ text: 'Jordan', is: 'not-place' }]);
  lex = addRule(lex, { text: 'Jordan', is: 'person' });
  assert.deepEqual(lex.map((r) => r.is), ['not-place', 'person'], 'compatible rules both stay');
  lex = addRule(lex, { text: 'Jordan', is: 'person' });
  assert.equal(lex.length, 2, 'no duplicates');
  lex = removeRule(lex, { text: 'Jordan', is: 'not-place' });
  assert.deepEqual(lex, [{ text: 'Jordan', is: 'person' }]);
  assert.equal(describeRule({ text: 'Hull', is: 'not-place' }), '“Hull” is not a place');
  assert.throws(() => addRule([], { text: '', is: 'person' }));
  assert.throws(() => addRule([], { text: 'x', is: 'animal' }));
});

test('snapSelection: trims, snaps names to whole words, keeps quote marks', () => {
  const s = at('Ada Park');
  assert.deepEqual(snapSelection(TEXT, s.start + 1, s.end - 1, 'person'), { ...s, text: 'Ada Park' });
  const h = at('Hull');
  assert.deepEqual(snapSelection(TEXT, h.start - 1, h.end + 1, 'place'), { ...h, text: 'Hull' }, 'the spaces around are trimmed');
  const q = at('“Not this year,”');
  assert.equal(snapSelection(TEXT, q.start, q.end + 1, 'quote').text, '“Not this year,”');
  assert.equal(snapSelection(TEXT, 5, 6, 'person'), null, 'a lone space is nothing');
  assert.equal(snapSelection('a   b', 1, 4, 'person'), null);
  const p = at('Park spoke');
  assert.equal(snapSelection(TEXT, p.start, p.start + 5, 'person').text, 'Park');
});

test('describeCorrection says what each correction did', () => {
  const a = raw();
  assert.equal(describeCorrection({ op: 'remove', target: target('place', a.places[0], TEXT) }), '“Hull”: place removed');
  assert.equal(describeCorrection({ op: 'relabel', target: target('place', a.places[1], TEXT), to: 'person' }), '“Jordan”: now a person');
  assert.equal(describeCorrection({ op: 'speaker', target: target('quote', a.quotes[1], TEXT), speaker: null }), '“Not this year,”: said by nobody');
  assert.equal(describeCorrection({ op: 'add', layer: 'quote', start: 0, end: 5, text: 'Mayor' }), '“Mayor”: added as a quote');
});

test('storage: corrections per text, the lexicon once, nothing else touched', () => {
  const st = fakeStorage();
  st.setItem('saywhere.text.v1', 'keep me');
  const other = 'Another article about Bilbao.';
  const c1 = [{ op: 'remove', target: { layer: 'place', start: 24, end: 28, text: 'Hull' } }];
  const c2 = [{ op: 'add', layer: 'place', start: 22, end: 28, text: 'Bilbao' }];
  assert.ok(saveCorrections(st, TEXT, c1));
  assert.ok(saveCorrections(st, other, c2));
  assert.deepEqual(loadCorrections(st, TEXT), c1);
  assert.deepEqual(loadCorrections(st, other), c2);
  assert.deepEqual(loadCorrections(st, 'never seen'), []);
  assert.equal(countStoredDocuments(st), 2);
  saveCorrections(st, TEXT, []);
  assert.deepEqual(loadCorrections(st, TEXT), []);
  assert.deepEqual(loadCorrections(st, other), c2, 'the other article keeps its corrections');
  assert.equal(st.getItem('saywhere.text.v1'), 'keep me');
  st.setItem(STORAGE_PREFIX + 'broken', '{not json');
  assert.equal(countStoredDocuments(st), 2);
  const lex = addRule([], { text: 'Jordan Lee', is: 'person' });
  saveLexicon(st, lex);
  assert.deepEqual(loadLexicon(st), lex);
  st.setItem(LEXICON_KEY, '[{"text":"x","is":"weird"},{"text":"Hull","is":"not-place"}]');
  assert.deepEqual(loadLexicon(st), [{ text: 'Hull', is: 'not-place' }], 'unknown rules are ignored');
  const full = { ...fakeStorage(), setItem() { throw new Error('QuotaExceededError'); } };
  assert.equal(saveCorrections(full, TEXT, c1), false);
});

test('a long article: rules and corrections stay fast', () => {
  const unit = 'Ada Park met Lee Chan in Hull. “Fine,” said Ada Park. ';
  const n = 20000;
  const text = unit.repeat(n);
  const people = [{ id: 0, kind: 'person', name: 'Ada Park', aliases: [], gender: 'female', role: null, mentions: [] },
    { id: 1, kind: 'person', name: 'Lee Chan', aliases: [], gender: 'unknown', role: null, mentions: [] }];
  const quotes = [], places = [];
  for (let k = 0; k < n; k++) {
    const b = k * unit.length;
    people[0].mentions.push({ start: b, end: b + 8, kind: 'name' }, { start: b + 44, end: b + 52, kind: 'name' });
    people[1].mentions.push({ start: b + 13, end: b + 21, kind: 'name' });
    places.push({ start: b + 25, end: b + 29, name: 'Hull', kind: 'city', country: 'GB', lat: 53.7, lon: -0.3, candidates: 2 });
    quotes.push({ start: b + 31, end: b + 38, content_start: b + 32, content_end: b + 36, kind: 'direct', speaker: 0, speaker_name: 'Ada Park',
      speaker_start: b + 44, speaker_end: b + 52, cue: 'said', cue_start: b + 39, cue_end: b + 43, rule: 'adjacent-cue', rule_explanation: 'x', confidence: 0.9 });
  }
  const ann = { schema: 'saywhere/1', offsets: 'utf16', people, quotes, places };
  assert.equal(text.slice(quotes[5].start, quotes[5].end), '“Fine,”');
  assert.equal(text.slice(people[0].mentions[11].start, people[0].mentions[11].end), 'Ada Park');
  const t0 = performance.now();
  const out = applyCorrections(ann, text, [{ op: 'remove', target: target('place', places[7], text) }],
    [{ text: 'Ada Park', is: 'person' }, { text: 'Lee Chan', is: 'not-person' }, { text: 'Hull', is: 'place' }]);
  const ms = performance.now() - t0;
  assert.equal(out.people.length, 1, 'Lee Chan is gone');
  assert.equal(out.places.length, n - 1);
  assert.equal(out.people[0].mentions.length, 2 * n);
  assert.ok(ms < 3000, `${text.length} characters in ${Math.round(ms)} ms`);
});

test('carryOver: corrections follow an edit of the text, not a different text', () => {
  const a = raw();
  const list = [
    { op: 'remove', target: target('place', a.places[0], TEXT) },              // Hull, before the edit
    { op: 'speaker', target: target('quote', a.quotes[1], TEXT), speaker: { name: 'Ada Park', ...a.people[0].mentions[0] } },
    { op: 'remove', target: target('mention', a.people[1].mentions[0], TEXT) }, // inside the edit
    { op: 'add', layer: 'person', ...at('Ada Park', 2), text: 'Ada Park' },     // after the edit
  ];
  // Replace "The Hull Council disagreed." with a longer sentence.
  const old = 'The Hull Council disagreed.';
  const edited = TEXT.replace(old, 'The harbour board, meeting late, disagreed strongly.');
  const moved = carryOver(TEXT, edited, list);
  assert.equal(moved.length, 3, 'the correction inside the edited stretch is dropped');
  const delta = edited.length - TEXT.length;
  assert.deepEqual([moved[0].target.start, moved[0].target.end], [a.places[0].start, a.places[0].end]);
  assert.equal(moved[1].target.start, a.quotes[1].start + delta);
  assert.equal(edited.slice(moved[1].target.start, moved[1].target.end), '“Not this year,”');
  assert.equal(moved[1].speaker.start, a.people[0].mentions[0].start, 'the speaker mention before the edit stays');
  assert.equal(edited.slice(moved[2].start, moved[2].end), 'Ada Park');
  assert.equal(carryOver(TEXT, 'A different article altogether about Bilbao and its harbour.', list), null);
  assert.deepEqual(carryOver(TEXT, TEXT, list), list);
});

test('a corrected annotation exports to every format and imports back (exports.js)', async () => {
  const { exportFiles, fromJSON } = await import('../../www/exports.js');
  const a = raw();
  const corrections = [
    { op: 'add', layer: 'place', ...at('Friday'), text: 'Friday' },            // no coordinates known
    { op: 'add', layer: 'person', ...at('Jordan Lee'), text: 'Jordan Lee' },
    { op: 'speaker', target: target('quote', a.quotes[1], TEXT), speaker: { name: 'Jordan Lee' } },
    { op: 'relabel', target: target('mention', a.people[1].mentions[0], TEXT), to: 'place' },
  ];
  const ann = applyCorrections(a, TEXT, corrections);
  const files = exportFiles(TEXT, ann, { corrections: { list: corrections, base: a } });
  assert.equal(files.length, 6);
  const json = files.find((f) => f.name.endsWith('.json'));
  const back = fromJSON(json.content);
  assert.equal(back.text, TEXT);
  assert.deepEqual(back.doc.places.map((p) => p.name), ann.places.map((p) => p.name));
  assert.equal(back.doc.quotes[1].speaker_name, 'Jordan Lee');
  assert.deepEqual(back.corrections.list, corrections);
  // Replaying the corrections on the base gives the same annotation again.
  assert.deepEqual(applyCorrections(back.corrections.base, TEXT, back.corrections.list), JSON.parse(JSON.stringify(ann)));
});
