// Test helper (not a test file): fixtures and tiny parsers the export tests read back with.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

/**
 * A fixture: the text (fixtures/NAME.txt, our own) and the document the native binary made
 * of it (`target/release/saywhere annotate --format json --offsets utf16`, saved as
 * fixtures/NAME.utf16.json).
 */
export function fixture(name, unit = 'utf16') {
  const text = readFileSync(path.join(FIXTURES, `${name}.txt`), 'utf8');
  const doc = JSON.parse(readFileSync(path.join(FIXTURES, `${name}.${unit === 'utf16' ? 'utf16' : 'codepoints'}.json`), 'utf8'));
  return { text, doc };
}

export const NAMES = ['plain', 'emoji', 'crlf'];

/** RFC 4180 parser: rows of fields; quoted fields may hold commas, CR, LF and "". */
export function parseCSV(s) {
  const rows = [];
  let row = [], field = '', i = 0, quoted = false;
  while (i < s.length) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      field += c; i++; continue;
    }
    if (c === '"' && field === '') { quoted = true; i++; continue; }
    if (c === ',') { row.push(field); field = ''; i++; continue; }
    if (c === '\r' && s[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i += 2; continue; }
    if (c === '\n' || c === '\r') throw new Error(`bare line end at ${i}`);
    if (c === '"') throw new Error(`quote inside an unquoted field at ${i}`);
    field += c; i++;
  }
  if (field !== '' || row.length) throw new Error('the last row does not end with CRLF');
  return rows;
}

/** Code point slice of a string. */
export function cpSlice(text, start, end) {
  return Array.from(text).slice(start, end).join('');
}

/** A hand-written document over `text`: spans given as substrings found in order. */
export function handDoc(text, { people = [], quotes = [], places = [] }) {
  let from = 0;
  const span = (s) => {
    const i = text.indexOf(s, from);
    if (i < 0) throw new Error(`not in the text: ${s}`);
    return [i, i + s.length];
  };
  const doc = { schema: 'saywhere/1', offsets: 'utf16', people: [], quotes: [], places: [] };
  for (const p of people) {
    doc.people.push({
      id: doc.people.length, kind: p.kind || 'person', name: p.name, aliases: p.aliases || [], gender: 'unknown', role: p.role ?? null,
      mentions: p.mentions.map((m) => { const [start, end] = span(m); return { start, end, kind: 'name' }; }),
    });
  }
  for (const q of quotes) {
    const [start, end] = span(q.text);
    const sp = q.speakerAt ? span(q.speakerAt) : null;
    doc.quotes.push({
      start, end, content_start: start + 1, content_end: end - 1, kind: q.kind || 'direct',
      speaker: q.speaker ?? null, speaker_name: q.speaker === undefined ? null : doc.people[q.speaker].name,
      speaker_start: sp ? sp[0] : null, speaker_end: sp ? sp[1] : null,
      cue: null, cue_start: null, cue_end: null, rule: q.rule ?? null, rule_explanation: q.rule ? 'explained' : null,
      confidence: q.confidence ?? 0,
    });
  }
  for (const p of places) {
    const [start, end] = span(p.text);
    doc.places.push({ start, end, name: p.name || p.text, kind: p.kind || 'city', country: p.country ?? null, lat: p.lat, lon: p.lon, candidates: 1 });
  }
  return doc;
}
