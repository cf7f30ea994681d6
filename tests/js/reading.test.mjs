// The pure parts of the reading panels (www/reading.js) and the export menu's file names
// (www/exportmenu.js). Run: node --test tests/js/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explainQuote, speakerSummary, placeTitle, countryName, confidenceWord } from '../../www/reading.js';
import { baseName } from '../../www/exportmenu.js';

const TEXT = '“We will win,” said Jane Smith. She added: “Soon.” Omar Reyes said that it would rain. “Maybe,” Reyes said.';
const at = (s, from = 0) => { const i = TEXT.indexOf(s, from); assert.ok(i >= 0, s); return [i, i + s.length]; };
const quote = (s, extra) => {
  const [start, end] = at(s);
  return { start, end, content_start: start + 1, content_end: end - 1, kind: 'direct', speaker: null, speaker_name: null,
    speaker_start: null, speaker_end: null, cue: null, cue_start: null, cue_end: null, rule: null, rule_explanation: null, confidence: 0, ...extra };
};
const span = (s, from) => { const [a, b] = at(s, from); return [a, b]; };
const [janeS, janeE] = span('Jane Smith');
const [saidS, saidE] = span('said');
const [sheS, sheE] = span('She');
const [addS, addE] = span('added');
const [omarS, omarE] = span('Omar Reyes');
const [rsaidS, rsaidE] = span('said', omarE);
const [reyesS, reyesE] = span('Reyes', omarE);
const [r2S, r2E] = span('said', reyesE);
const PEOPLE = [
  { id: 0, kind: 'person', name: 'Jane Smith', aliases: ['Mayor Jane Smith', 'Smith'], role: 'Mayor', mentions: [{ start: janeS, end: janeE, kind: 'name' }, { start: sheS, end: sheE, kind: 'pronoun' }] },
  { id: 1, kind: 'person', name: 'Omar Reyes', aliases: ['Reyes'], role: null, mentions: [{ start: omarS, end: omarE, kind: 'name' }, { start: reyesS, end: reyesE, kind: 'name' }] },
];
const Q1 = quote('“We will win,”', { speaker: 0, speaker_name: 'Jane Smith', speaker_start: janeS, speaker_end: janeE, cue: 'said', cue_start: saidS, cue_end: saidE,
  rule: 'quote-cue-speaker', rule_explanation: 'the quote is followed by a speech verb and then the speaker', confidence: 0.95 });
const Q2 = quote('“Soon.”', { speaker: 0, speaker_name: 'Jane Smith', speaker_start: sheS, speaker_end: sheE, cue: 'added', cue_start: addS, cue_end: addE,
  rule: 'pronoun', rule_explanation: 'the speaker is a pronoun', confidence: 0.765 });
const [repS, repE] = at('it would rain');
const Q3 = { ...quote('it would rain'), content_start: repS, content_end: repE, kind: 'reported', speaker: 1, speaker_name: 'Omar Reyes', speaker_start: omarS, speaker_end: omarE,
  cue: 'said', cue_start: rsaidS, cue_end: rsaidE, rule: 'reported-speech', rule_explanation: 'reported speech', confidence: 0.6 };
const Q4 = quote('“Maybe,”', { speaker: 1, speaker_name: 'Omar Reyes', speaker_start: reyesS, speaker_end: reyesE, cue: 'said', cue_start: r2S, cue_end: r2E,
  rule: 'quote-speaker-cue', rule_explanation: 'x', confidence: 0.5 });
const ANN = { people: PEOPLE, quotes: [Q1, Q2, Q3, Q4], places: [] };

test('the tooltip says the confidence and the reason in plain words, with the article\'s own words', () => {
  const e = explainQuote(Q1, TEXT, PEOPLE);
  assert.equal(e.title, 'Quote · Jane Smith, Mayor');
  assert.equal(e.why, 'High confidence (0.95): the quote is followed by “said Jane Smith”.');
  assert.match(e.meta, /^Rule quote-cue-speaker: /);
  const p = explainQuote(Q2, TEXT, PEOPLE);
  assert.match(p.why, /^Medium confidence \(0\.7\d\): “She added” goes with the quote, and “She” refers to Jane Smith/);
  const r = explainQuote(Q3, TEXT, PEOPLE);
  assert.equal(r.title, 'Reported speech, not a direct quote · Omar Reyes');
  assert.equal(r.why, 'Medium confidence (0.60): “Omar Reyes said” introduces the clause; there are no quotation marks.');
  assert.match(r.meta, /Reported speech, not a direct quote\./);
  assert.match(explainQuote(Q4, TEXT, PEOPLE).why, /^Low confidence \(0\.50\): the quote is followed by “Reyes said”/);
  const none = explainQuote({ ...Q1, speaker: null, rule: null }, TEXT, PEOPLE);
  assert.match(none.title, /speaker unknown/);
  assert.match(explainQuote({ ...Q1, kind: 'non-speech', speaker: null }, TEXT, PEOPLE).title, /not speech/);
  assert.deepEqual([0.85, 0.8, 0.7, 0.6, 0.3].map(confidenceWord), ['High', 'High', 'Medium', 'Medium', 'Low']);
});

test('every rule gets a sentence of its own, never undefined', () => {
  for (const rule of ['quote-cue-speaker', 'quote-speaker-cue', 'speaker-cue-quote', 'speaker-colon', 'dash-speaker', 'according-to',
    'reported-clause', 'sentence-end-cue', 'quote-list', 'sentence-subject', 'speech-noun', 'reported-speech', 'nearby-cue', 'continuation',
    'action-beat', 'addressee', 'narrator', 'floating-paragraph', 'alternation', 'pronoun', 'role-noun', 'some-new-rule']) {
    for (const q of [{ ...Q1, rule }, { ...Q1, rule, cue_start: null, cue_end: null, speaker_start: null, speaker_end: null, cue: null }]) {
      const { why } = explainQuote(q, TEXT, PEOPLE);
      assert.match(why, /^High confidence \(0\.95\): \S.*\.$/, `${rule}: ${why}`);
      assert.ok(!/undefined|null/.test(why), `${rule}: ${why}`);
    }
  }
});

test('the speaker summary: counts, reported apart, share of quoted words, aliases with pronouns', () => {
  const s = speakerSummary(TEXT, ANN);
  assert.deepEqual(s.map((x) => x.name), ['Jane Smith', 'Omar Reyes']);
  const [jane, omar] = s;
  assert.deepEqual([jane.quotes, jane.reported, omar.quotes, omar.reported], [2, 0, 1, 1]);
  // Quoted words: "We will win," (3) "Soon." (1) "Maybe," (1); reported speech has none.
  assert.equal(jane.share, 4 / 5);
  assert.equal(omar.share, 1 / 5);
  assert.equal(jane.role, 'Mayor');
  assert.deepEqual(jane.aliases, ['Smith', 'she'], 'the long form with the title is left out, the pronoun is in');
  assert.deepEqual(omar.aliases, ['Reyes']);
});

test("a first-person narrator's “I” stays a capital in the aliases", () => {
  const text = '“Late again,” said Ann Roe. “The ferry was slow,” I said.';
  const ann = {
    people: [
      { id: 0, kind: 'person', name: 'Ann Roe', aliases: [], mentions: [{ start: 20, end: 27, kind: 'name' }] },
      { id: 1, kind: 'person', name: 'Tobias', aliases: [], mentions: [{ start: 50, end: 51, kind: 'pronoun' }] },
    ],
    quotes: [
      { start: 0, end: 14, kind: 'direct', speaker: 0 },
      { start: 29, end: 49, kind: 'direct', speaker: 1 },
    ],
  };
  assert.equal(text.slice(50, 51), 'I');
  const tobias = speakerSummary(text, ann).find((s) => s.name === 'Tobias');
  assert.deepEqual(tobias.aliases, ['I']);
});

test('place names read like the news: "Paris, France", countries alone, short country names', () => {
  assert.equal(placeTitle({ name: 'Paris', kind: 'city', country: 'FR' }), 'Paris, France');
  assert.equal(placeTitle({ name: 'Moscow', kind: 'city', country: 'RU' }), 'Moscow, Russia');
  assert.equal(placeTitle({ name: 'Washington', kind: 'city', country: 'US' }), 'Washington, United States');
  assert.equal(placeTitle({ name: 'France', kind: 'country', country: 'FR' }), 'France');
  assert.equal(placeTitle({ name: 'Europe', kind: 'continent', country: null }), 'Europe');
  assert.equal(countryName('ZZ'), 'ZZ');
});

test('export file names come from the source file or the first words', () => {
  assert.equal(baseName('x', 'Report 2026.docx'), 'report-2026');
  assert.equal(baseName('\n\nÉlodie Martin opened the library in Lyon today.\nMore.'), 'elodie-martin-opened-the-library-in');
  assert.equal(baseName('😀 ✨'), 'article');
});
