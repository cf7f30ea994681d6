// Exports and import of an annotated article. Pure functions over (text, doc), where doc is
// the record that the wasm `annotate(text)` returns (schema saywhere/1, see src/export.rs;
// offsets in UTF-16 code units, as JS strings index). Documents with "code_points" or
// "bytes" offsets (the CLI's `annotate --format json`) are accepted too and converted.
// No DOM, no network: usable in the page, a Worker or Node.
//
// Offsets in the files written here:
//   toJSON            UTF-16 code units ("offsets": "utf16"), like the page
//   toCSV             Unicode code points (what Python, R and the eval format count)
//   toBrat            code points of the .txt file, whose line ends are normalised to "\n"
//                     (CRLF and lone CR become one "\n"; offsets after them shift to match)
//   toWebAnnotation   code points (TextPositionSelector counts characters, as the W3C
//                     Web Annotation Data Model requires)

export const SCHEMA = 'saywhere/1';

// ---------------------------------------------------------------------------------------
// Offsets

/**
 * Maps UTF-16 offsets of `text` to code point offsets: returns f(i). An offset inside a
 * surrogate pair maps to the pair's code point (spans never split one).
 */
export function utf16ToCodePoints(text) {
  const map = new Uint32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = cp;
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        map[++i] = cp;
      }
    }
    cp++;
  }
  map[text.length] = cp;
  return (i) => map[Math.max(0, Math.min(text.length, i))];
}

// From a unit ("code_points" or "bytes") to UTF-16: returns f(offset) or throws.
function toUtf16From(text, unit) {
  const table = new Map();
  let u = 0, cp = 0, b = 0;
  for (const ch of text) {
    table.set(unit === 'bytes' ? b : cp, u);
    const c = ch.codePointAt(0);
    u += ch.length;
    cp += 1;
    b += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  table.set(unit === 'bytes' ? b : cp, u);
  return (o, where) => {
    const v = table.get(o);
    if (v === undefined) throw new ImportError(`${where} ${o} is not a ${unit === 'bytes' ? 'character boundary' : 'position'} in the text`);
    return v;
  };
}

const SPAN_FIELDS = {
  quotes: [['start', 'end'], ['content_start', 'content_end'], ['speaker_start', 'speaker_end'], ['cue_start', 'cue_end']],
  places: [['start', 'end']],
};

// The same document with every offset passed through f(offset, where).
function mapOffsets(doc, f) {
  const out = { ...doc };
  out.people = (doc.people || []).map((p, i) => ({
    ...p,
    mentions: (p.mentions || []).map((m, j) => ({
      ...m,
      start: f(m.start, `people[${i}].mentions[${j}].start`),
      end: f(m.end, `people[${i}].mentions[${j}].end`),
    })),
  }));
  for (const layer of ['quotes', 'places']) {
    out[layer] = (doc[layer] || []).map((r, i) => {
      const o = { ...r };
      for (const [s, e] of SPAN_FIELDS[layer]) {
        if (r[s] === null || r[s] === undefined) continue;
        o[s] = f(r[s], `${layer}[${i}].${s}`);
        o[e] = f(r[e], `${layer}[${i}].${e}`);
      }
      return o;
    });
  }
  return out;
}

// The doc with UTF-16 offsets whatever it came with.
function asUtf16(text, doc) {
  const unit = doc.offsets || 'utf16';
  if (unit === 'utf16') return doc;
  if (unit !== 'code_points' && unit !== 'bytes') throw new ImportError(`unknown offset unit "${unit}" (expected utf16, code_points or bytes)`);
  const f = toUtf16From(text, unit);
  return { ...mapOffsets(doc, f), offsets: 'utf16' };
}

// ---------------------------------------------------------------------------------------
// Shared helpers

function speakerName(doc, q) {
  if (q.speaker_name) return q.speaker_name;
  const p = q.speaker !== null && q.speaker !== undefined ? doc.people?.[q.speaker] : null;
  return p ? p.name : '';
}

// Coordinates and confidences come from f32 in the core: the wasm path hands them over as
// f64 (48.9 arrives as 48.900001525878906). Round for people to read.
function fmtCoord(v) {
  return typeof v === 'number' && Number.isFinite(v) ? String(Number(v.toFixed(4))) : '';
}

function fmtConfidence(c) {
  return typeof c === 'number' && Number.isFinite(c) ? String(Number(c.toFixed(3))) : '';
}

/** Every entity mention of the doc as {start, end, type, person, mention} (UTF-16). */
function mentionList(doc) {
  const out = [];
  (doc.people || []).forEach((p, pi) => {
    for (const m of p.mentions || []) {
      out.push({ start: m.start, end: m.end, type: p.kind === 'organisation' ? 'Organisation' : 'Person', person: pi, kind: m.kind });
    }
  });
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

// ---------------------------------------------------------------------------------------
// JSON (our schema) and import

export class ImportError extends Error {
  constructor(message) {
    super(message);
    this.name = 'ImportError';
  }
}

/**
 * The document as our JSON file: the saywhere/1 record (offsets utf16) plus `text`, so
 * that fromJSON can restore the article, and `corrections` when given (any JSON value the
 * page keeps: user edits, lexicon…). Returns a string (pretty-printed, UTF-16 offsets).
 */
export function toJSON(text, doc, corrections) {
  const d = asUtf16(text, doc);
  const out = {
    schema: SCHEMA,
    offsets: 'utf16',
    text,
    people: d.people || [],
    quotes: d.quotes || [],
    places: d.places || [],
  };
  if (corrections !== undefined && corrections !== null) out.corrections = corrections;
  return JSON.stringify(out, null, 1) + '\n';
}

/**
 * Reads a file written by toJSON (or the CLI's JSON with a "text" field added). Returns
 * {text, doc, corrections} with doc offsets in UTF-16 whatever the file used; corrections
 * is null when the file has none. Throws ImportError with a message fit for the reader.
 */
export function fromJSON(source) {
  let v;
  try {
    v = JSON.parse(typeof source === 'string' ? source.replace(/^\uFEFF/, '') : source);
  } catch (e) {
    throw new ImportError(`This file is not JSON (${e.message}).`);
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new ImportError('This JSON file does not hold a Saywhere document (expected an object).');
  if (v.schema === undefined) throw new ImportError('This JSON file has no "schema" field: it was not exported by Saywhere.');
  if (v.schema !== SCHEMA) {
    throw new ImportError(`This file uses the schema "${String(v.schema)}", but this version of Saywhere reads "${SCHEMA}".`);
  }
  if (typeof v.text !== 'string') {
    throw new ImportError('This Saywhere file holds no "text", so the article cannot be restored (export it again with the text).');
  }
  for (const layer of ['people', 'quotes', 'places']) {
    if (!Array.isArray(v[layer])) throw new ImportError(`The "${layer}" field is missing or is not a list.`);
  }
  const text = v.text;
  const isObj = (x) => x && typeof x === 'object' && !Array.isArray(x);
  v.people.forEach((p, i) => {
    if (!isObj(p) || typeof p.name !== 'string') throw new ImportError(`people[${i}] has no name.`);
    if (!Array.isArray(p.mentions) || !p.mentions.every(isObj)) throw new ImportError(`people[${i}].mentions is not a list of mentions.`);
  });
  v.quotes.forEach((q, i) => {
    if (!isObj(q)) throw new ImportError(`quotes[${i}] is not a quote.`);
  });
  v.places.forEach((p, i) => {
    if (!isObj(p)) throw new ImportError(`places[${i}] is not a place.`);
    // null: a place the reader added (editor.js) that no gazetteer entry locates.
    const coord = (v) => typeof v === 'number' || v === null;
    if (!coord(p.lat) || !coord(p.lon)) throw new ImportError(`places[${i}] has no coordinates.`);
  });
  let doc = { schema: v.schema, offsets: v.offsets || 'utf16', people: v.people, quotes: v.quotes, places: v.places };
  // Every offset must be a whole number; convert to UTF-16, then check the spans.
  const isInt = (o, where) => {
    if (!Number.isInteger(o) || o < 0) throw new ImportError(`${where} is not a position (${JSON.stringify(o)}).`);
    return o;
  };
  doc = mapOffsets(doc, isInt);
  doc = asUtf16(text, doc);
  const check = (s, e, where) => {
    if (e > text.length) throw new ImportError(`${where} ends at ${e}, past the end of the text (${text.length}).`);
    if (s > e) throw new ImportError(`${where} starts at ${s}, after its end ${e}.`);
  };
  doc.people.forEach((p, i) => {
    p.mentions.forEach((m, j) => check(m.start, m.end, `people[${i}].mentions[${j}]`));
  });
  doc.quotes.forEach((q, i) => {
    for (const [s, e] of SPAN_FIELDS.quotes) if (q[s] !== null && q[s] !== undefined) check(q[s], q[e], `quotes[${i}] (${s})`);
    if (q.speaker !== null && q.speaker !== undefined && !(Number.isInteger(q.speaker) && q.speaker >= 0 && q.speaker < doc.people.length)) {
      throw new ImportError(`quotes[${i}].speaker ${JSON.stringify(q.speaker)} is not one of the ${doc.people.length} people.`);
    }
  });
  doc.places.forEach((p, i) => check(p.start, p.end, `places[${i}]`));
  return { text, doc, corrections: v.corrections === undefined ? null : v.corrections };
}

// ---------------------------------------------------------------------------------------
// CSV of quotes

const CSV_COLUMNS = ['speaker', 'quote', 'kind', 'start', 'end', 'rule', 'confidence'];

/**
 * One field of RFC 4180 CSV. Text that a spreadsheet would run as a formula (starting with
 * = + - @, a tab or a carriage return) gets a leading apostrophe (OWASP CSV injection).
 */
export function csvField(value, { text = true } = {}) {
  let s = value === null || value === undefined ? '' : String(value);
  if (text && /^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The quotes as CSV (RFC 4180: CRLF line ends, a header row), one row a quote in text
 * order: speaker (canonical name or empty), quote (the exact span, marks included), kind,
 * start, end (code points; text[start:end] in Python is the quote), rule, confidence.
 * Option {bom: true} prepends a UTF-8 byte-order mark (for Excel).
 */
export function toCSV(text, doc, { bom = false } = {}) {
  const d = asUtf16(text, doc);
  const cp = utf16ToCodePoints(text);
  const rows = [CSV_COLUMNS.join(',')];
  for (const q of d.quotes || []) {
    rows.push([
      csvField(speakerName(d, q)),
      csvField(text.slice(q.start, q.end)),
      csvField(q.kind),
      csvField(cp(q.start), { text: false }),
      csvField(cp(q.end), { text: false }),
      csvField(q.rule || ''),
      csvField(fmtConfidence(q.confidence), { text: false }),
    ].join(','));
  }
  return (bom ? '\uFEFF' : '') + rows.join('\r\n') + '\r\n';
}

// ---------------------------------------------------------------------------------------
// brat standoff

/** brat's annotation.conf for the files toBrat writes. */
export const BRAT_CONF = `[entities]
Person
Organisation
Place
Quote
Cue

[relations]
Speaker\tArg1:Quote, Arg2:Person|Organisation
SpeechCue\tArg1:Quote, Arg2:Cue
Coref\tArg1:Person|Organisation, Arg2:Person|Organisation, <REL-TYPE>:symmetric-transitive

[events]

[attributes]
QuoteKind\tArg:Quote, Value:direct|partial|non-speech|reported
Rule\tArg:Quote, Value:quote-cue-speaker|quote-speaker-cue|speaker-cue-quote|speaker-colon|dash-speaker|according-to|reported-clause|sentence-end-cue|quote-list|sentence-subject|speech-noun|reported-speech|narrator|addressee|nearby-cue|continuation|action-beat|floating-paragraph|alternation|pronoun|role-noun
MentionKind\tArg:Person|Organisation, Value:name|pronoun|role
PlaceKind\tArg:Place, Value:country|region|city|landmark|water|continent
`;

/**
 * brat standoff: {txt, ann, conf}. `txt` is the text with line ends normalised to "\n";
 * `ann` offsets are code points into `txt` (what brat, a Python program, counts).
 * Mapping:
 *   T  Person / Organisation  every mention of a person or organisation
 *                             (A MentionKind name|pronoun|role; #AnnotatorNotes: canonical name)
 *   T  Place                  every place (A PlaceKind; #: "name, CC (lat, lon)")
 *   T  Quote                  every quote, marks included (A QuoteKind, A Rule; #: confidence
 *                             and the rule in plain words)
 *   T  Cue                    the speech verb that introduced a quote
 *   R  Speaker Arg1:quote Arg2:the speaker mention; R SpeechCue Arg1:quote Arg2:cue
 *   *  Coref                  mentions of one entity (brat's equivalence relation)
 * A span that crosses a line end is written as discontinuous fragments, one a line.
 */
export function toBrat(text, doc) {
  const d = asUtf16(text, doc);
  // Normalised text and a map from UTF-16 offsets of `text` to code points of `txt`.
  const map = new Uint32Array(text.length + 1);
  let txt = '';
  let cp = 0;
  for (let i = 0; i < text.length; ) {
    map[i] = cp;
    const c = text.charCodeAt(i);
    if (c === 13) {
      txt += '\n';
      if (text.charCodeAt(i + 1) === 10) map[i + 1] = cp;
      i += text.charCodeAt(i + 1) === 10 ? 2 : 1;
      cp++;
      continue;
    }
    const n = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    if (n === 2) map[i + 1] = cp;
    txt += text.slice(i, i + n);
    i += n;
    cp++;
  }
  map[text.length] = cp;
  const chars = Array.from(txt); // code points of txt

  const lines = [];
  const tIds = new Map(); // "type start end" -> id
  let t = 0, a = 0, r = 0, n = 0;
  const clean = (s) => s.replace(/[\t\n]/g, ' ');
  const textBound = (type, s16, e16) => {
    const s = map[s16], e = map[e16];
    const key = `${type} ${s} ${e}`;
    if (tIds.has(key)) return tIds.get(key);
    // Fragments: split at line ends, drop empty pieces.
    const frags = [];
    let fs = s;
    for (let i = s; i <= e; i++) {
      if (i === e || chars[i] === '\n') {
        if (i > fs) frags.push([fs, i]);
        fs = i + 1;
      }
    }
    if (!frags.length) return null;
    const id = `T${++t}`;
    tIds.set(key, id);
    const covered = frags.map(([x, y]) => chars.slice(x, y).join('')).join(' ');
    lines.push(`${id}\t${type} ${frags.map(([x, y]) => `${x} ${y}`).join(';')}\t${clean(covered)}`);
    return id;
  };
  const attr = (name, id, value) => lines.push(`A${++a}\t${name} ${id} ${value}`);
  const note = (id, value) => lines.push(`#${++n}\tAnnotatorNotes ${id}\t${clean(value)}`);

  const mentionIds = new Map(); // "start end" (utf16) -> id
  (d.people || []).forEach((p) => {
    const type = p.kind === 'organisation' ? 'Organisation' : 'Person';
    const ids = [];
    for (const m of p.mentions || []) {
      const id = textBound(type, m.start, m.end);
      if (!id) continue;
      mentionIds.set(`${m.start} ${m.end}`, id);
      if (!ids.includes(id)) {
        ids.push(id);
        attr('MentionKind', id, m.kind || 'name');
        note(id, p.name + (p.role ? ` (${p.role})` : ''));
      }
    }
    if (ids.length > 1) lines.push(`*\tCoref ${ids.join(' ')}`);
  });
  for (const p of d.places || []) {
    const id = textBound('Place', p.start, p.end);
    if (!id) continue;
    attr('PlaceKind', id, p.kind);
    const at = fmtCoord(p.lat) && fmtCoord(p.lon) ? ` (${fmtCoord(p.lat)}, ${fmtCoord(p.lon)})` : '';
    note(id, `${p.name}${p.country ? ', ' + p.country : ''}${at}`);
  }
  for (const q of d.quotes || []) {
    const id = textBound('Quote', q.start, q.end);
    if (!id) continue;
    attr('QuoteKind', id, q.kind);
    if (q.rule) attr('Rule', id, q.rule);
    const who = speakerName(d, q);
    const conf = fmtConfidence(q.confidence);
    if (who || q.rule) note(id, [who && `speaker: ${who}`, conf && `confidence ${conf}`, q.rule_explanation].filter(Boolean).join('; '));
    if (q.speaker_start !== null && q.speaker_start !== undefined) {
      const p = d.people?.[q.speaker];
      const type = p && p.kind === 'organisation' ? 'Organisation' : 'Person';
      const sid = mentionIds.get(`${q.speaker_start} ${q.speaker_end}`) || textBound(type, q.speaker_start, q.speaker_end);
      if (sid) lines.push(`R${++r}\tSpeaker Arg1:${id} Arg2:${sid}`);
    }
    if (q.cue_start !== null && q.cue_start !== undefined) {
      const cid = textBound('Cue', q.cue_start, q.cue_end);
      if (cid) lines.push(`R${++r}\tSpeechCue Arg1:${id} Arg2:${cid}`);
    }
  }
  return { txt, ann: lines.length ? lines.join('\n') + '\n' : '', conf: BRAT_CONF };
}

// ---------------------------------------------------------------------------------------
// W3C Web Annotation (JSON-LD)

function fnv1a(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * The annotations as a W3C Web Annotation AnnotationCollection (JSON-LD object; serialise
 * with JSON.stringify). Every annotation targets `source` (option; default
 * "urn:saywhere:text:<hash of the text>") with a TextQuoteSelector (exact, and up to
 * `context` code points of prefix and suffix, default 32) and a TextPositionSelector
 * (code points). Bodies: purpose "tagging" for the layer ("quote", "person", "place"…),
 * "identifying" for who or what it is (speaker or canonical name; a place also gets a
 * geo: URI), "linking" for the speaker's mention in the text, "describing" for the rule.
 */
export function toWebAnnotation(text, doc, { source, context = 32, label } = {}) {
  const d = asUtf16(text, doc);
  const cp = utf16ToCodePoints(text);
  const chars = Array.from(text);
  const src = source || `urn:saywhere:text:${fnv1a(text)}`;
  const idBase = `urn:saywhere:annotation:${fnv1a(text)}`;
  const selectors = (s16, e16) => {
    const s = cp(s16), e = cp(e16);
    return [
      {
        type: 'TextQuoteSelector',
        exact: chars.slice(s, e).join(''),
        prefix: chars.slice(Math.max(0, s - context), s).join(''),
        suffix: chars.slice(e, e + context).join(''),
      },
      { type: 'TextPositionSelector', start: s, end: e },
    ];
  };
  const target = (s, e) => ({ source: src, selector: selectors(s, e) });
  const tag = (value) => ({ type: 'TextualBody', purpose: 'tagging', value, format: 'text/plain' });
  const ident = (value) => ({ type: 'TextualBody', purpose: 'identifying', value, format: 'text/plain' });
  const items = [];
  let k = 0;
  for (const q of d.quotes || []) {
    const body = [tag('quote'), tag(`quote:${q.kind}`)];
    const who = speakerName(d, q);
    if (who) body.push(ident(who));
    if (q.speaker_start !== null && q.speaker_start !== undefined) {
      body.push({ type: 'SpecificResource', purpose: 'linking', source: src, selector: selectors(q.speaker_start, q.speaker_end) });
    }
    if (q.rule) {
      const conf = fmtConfidence(q.confidence);
      body.push({
        type: 'TextualBody', purpose: 'describing', format: 'text/plain',
        value: `${q.rule}${conf ? ` (confidence ${conf})` : ''}: ${q.rule_explanation || ''}`.trim(),
      });
    }
    items.push({ id: `${idBase}:q${++k}`, type: 'Annotation', motivation: who ? 'identifying' : 'tagging', body, target: target(q.start, q.end) });
  }
  k = 0;
  (d.people || []).forEach((p) => {
    for (const m of p.mentions || []) {
      items.push({
        id: `${idBase}:m${++k}`, type: 'Annotation', motivation: 'identifying',
        body: [tag(p.kind === 'organisation' ? 'organisation' : 'person'), tag(`mention:${m.kind}`), ident(p.name)],
        target: target(m.start, m.end),
      });
    }
  });
  k = 0;
  for (const p of d.places || []) {
    items.push({
      id: `${idBase}:p${++k}`, type: 'Annotation', motivation: 'identifying',
      body: [tag('place'), tag(`place:${p.kind}`), ident(p.country ? `${p.name}, ${p.country}` : p.name),
        ...(fmtCoord(p.lat) && fmtCoord(p.lon) ? [{ id: `geo:${fmtCoord(p.lat)},${fmtCoord(p.lon)}`, purpose: 'identifying' }] : [])],
      target: target(p.start, p.end),
    });
  }
  const order = (x) => x.target.selector[1].start;
  items.sort((x, y) => order(x) - order(y));
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `${idBase}:collection`,
    type: 'AnnotationCollection',
    label: label || 'Saywhere annotations',
    total: items.length,
    first: { id: `${idBase}:page1`, type: 'AnnotationPage', startIndex: 0, items },
  };
}

// ---------------------------------------------------------------------------------------
// Standalone HTML

const ESC = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escapes text for HTML content and attribute values. */
export function escapeHTML(s) {
  return String(s).replace(/[&<>"']/g, (c) => ESC[c]);
}

// Okabe-Ito, colour-blind safe; speakers cycle through it.
const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#7f6a00', '#000000'];

const HTML_CSS = `
:root{color-scheme:light dark;--fg:#1d1f23;--bg:#fff;--muted:#5b6470;--place:#0a7d5a;--line:#d8dce2}
@media (prefers-color-scheme:dark){:root{--fg:#e8eaed;--bg:#16181c;--muted:#a3acb8;--place:#4cc9a0;--line:#3a3f47}}
*{box-sizing:border-box}
body{margin:0 auto;max-width:44rem;padding:2rem 1.25rem 4rem;font:1.05rem/1.65 Georgia,'Times New Roman',serif;color:var(--fg);background:var(--bg)}
h1{font:600 1.5rem/1.3 system-ui,sans-serif;margin:0 0 .25rem}
h2{font:600 1rem/1.3 system-ui,sans-serif;margin:2rem 0 .5rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
.meta,.legend,table,footer{font:.85rem/1.5 system-ui,sans-serif}
.meta,footer{color:var(--muted)}
.legend span{margin-right:1rem;white-space:nowrap}
article p{margin:0 0 1em}
.q{border-bottom:2px solid var(--c,#888);background:color-mix(in srgb,var(--c,#888) 10%,transparent);padding:0 .1em}
.q.non-speech{border-bottom-style:dotted;--c:#888}
.q.reported{border-bottom-style:dashed}
.who{font:600 .7rem/1 system-ui,sans-serif;color:var(--muted);vertical-align:super;margin-left:.2em;padding-left:.25em;border-left:.45em solid var(--c,#888);white-space:nowrap}
.per{text-decoration:underline 1px solid var(--c,currentColor);text-underline-offset:.18em;font-weight:600}
.org{text-decoration:underline 1px dotted;text-underline-offset:.18em}
.pl{color:var(--place);text-decoration:underline 1px dashed;text-underline-offset:.18em}
.spk{outline:1.5px solid var(--c,#888);outline-offset:1px;border-radius:2px}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
th{font-weight:600}
${PALETTE.map((c, i) => `.s${i}{--c:${c}}`).join('')}
@media (prefers-color-scheme:dark){.s7{--c:#bbbbbb}.s6{--c:#d4b000}}
@media print{body{max-width:none;padding:0;font-size:11pt;color:#000;background:#fff}
.q{background:none}.who{color:#000}h2{break-after:avoid}tr,p{break-inside:avoid}}
`;

/**
 * A standalone annotated HTML file (a string): inline CSS, no script, every piece of text
 * escaped. The article with quotes underlined in their speaker's colour and the speaker's
 * name printed after each quote (so labels show in print, without hovering), names and
 * places marked, then tables of speakers, quotes and places. Follows the system's dark
 * mode; prints on white. Option {title}.
 */
export function toHTML(text, doc, { title = 'Annotated article' } = {}) {
  const d = asUtf16(text, doc);
  const people = d.people || [];
  const colour = new Map(); // person index -> palette class, in order of first quote
  for (const q of d.quotes || []) {
    if (q.speaker !== null && q.speaker !== undefined && !colour.has(q.speaker)) colour.set(q.speaker, `s${colour.size % PALETTE.length}`);
  }
  const quotes = (d.quotes || []).slice().sort((a, b) => a.start - b.start);
  // Inline entities: mentions, places and speaker mentions; no two may overlap.
  const ents = [];
  people.forEach((p, i) => {
    for (const m of p.mentions || []) ents.push({ start: m.start, end: m.end, cls: p.kind === 'organisation' ? 'org' : 'per', person: i, title: p.name + (p.role ? `, ${p.role}` : '') });
  });
  for (const p of d.places || []) ents.push({ start: p.start, end: p.end, cls: 'pl', title: `${p.name} (${[p.kind, p.country].filter(Boolean).join(', ')}${fmtCoord(p.lat) && fmtCoord(p.lon) ? `; ${fmtCoord(p.lat)}, ${fmtCoord(p.lon)}` : ''})` });
  const speakerAt = new Set(quotes.filter((q) => q.speaker_start !== null && q.speaker_start !== undefined).map((q) => `${q.speaker_start} ${q.speaker_end}`));
  ents.sort((a, b) => a.start - b.start || b.end - a.end);
  const inline = [];
  let lastEnd = -1;
  for (const e of ents) {
    if (e.start >= lastEnd && e.end > e.start) {
      inline.push(e);
      lastEnd = e.end;
    }
  }

  // Render [s, e) of the text with the inline entities clipped to it.
  const renderPlain = (s, e) => {
    let out = '', pos = s;
    for (const x of inline) {
      if (x.end <= s || x.start >= e) continue;
      const a = Math.max(x.start, s), b = Math.min(x.end, e);
      out += escapeHTML(text.slice(pos, a));
      let cls = x.cls;
      if (x.person !== undefined && colour.has(x.person)) cls += ' ' + colour.get(x.person);
      if (speakerAt.has(`${x.start} ${x.end}`)) cls += ' spk';
      out += `<span class="${cls}" title="${escapeHTML(x.title)}">${escapeHTML(text.slice(a, b))}</span>`;
      pos = b;
    }
    return out + escapeHTML(text.slice(pos, e));
  };
  // Render [s, e) with quotes clipped to it (a quote crossing a line end is cut there).
  const renderRange = (s, e) => {
    let out = '', pos = s;
    for (const q of quotes) {
      if (q.end <= s || q.start >= e) continue;
      const a = Math.max(q.start, s), b = Math.min(q.end, e);
      if (a < pos) continue;
      out += renderPlain(pos, a);
      const who = speakerName(d, q);
      const col = q.speaker !== null && q.speaker !== undefined ? colour.get(q.speaker) : '';
      const conf = fmtConfidence(q.confidence);
      const tip = who ? `${who}: ${q.rule_explanation || q.rule || ''}${conf ? ` (confidence ${conf})` : ''}` : `${q.kind} quote, no speaker found`;
      out += `<span class="q ${escapeHTML(q.kind)}${col ? ' ' + col : ''}" title="${escapeHTML(tip)}">${renderPlain(a, b)}</span>`;
      if (b === q.end && who) out += `<span class="who${col ? ' ' + col : ''}">${escapeHTML(who)}</span>`;
      pos = b;
    }
    return out + renderPlain(pos, e);
  };
  const paras = [];
  const re = /\r\n|\r|\n/g;
  let ps = 0, m;
  const pushPara = (s, e) => {
    if (text.slice(s, e).trim()) paras.push(`<p>${renderRange(s, e)}</p>`);
  };
  while ((m = re.exec(text))) {
    pushPara(ps, m.index);
    ps = m.index + m[0].length;
  }
  pushPara(ps, text.length);

  // Summary tables.
  const counts = new Map();
  for (const q of quotes) if (q.speaker !== null && q.speaker !== undefined) counts.set(q.speaker, (counts.get(q.speaker) || 0) + 1);
  const speakerRows = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([i, c]) => {
    const p = people[i] || { name: '?' };
    const aliases = (p.aliases || []).filter((x) => x !== p.name);
    return `<tr><td><span class="per ${colour.get(i) || ''}">${escapeHTML(p.name)}</span></td><td>${escapeHTML(p.role || '')}</td><td>${escapeHTML(aliases.join(', '))}</td><td>${c}</td></tr>`;
  });
  const quoteRows = quotes.map((q) => {
    const who = speakerName(d, q);
    return `<tr><td>${escapeHTML(who || '—')}</td><td>${escapeHTML(text.slice(q.content_start ?? q.start, q.content_end ?? q.end))}</td><td>${escapeHTML(q.kind)}</td><td>${escapeHTML(q.rule || '')}${q.rule ? ` (${fmtConfidence(q.confidence)})` : ''}</td></tr>`;
  });
  const placeMap = new Map();
  for (const p of d.places || []) {
    const key = `${p.name}|${p.lat}|${p.lon}`;
    const e = placeMap.get(key) || { p, n: 0 };
    e.n++;
    placeMap.set(key, e);
  }
  const placeRows = [...placeMap.values()].map(({ p, n }) =>
    `<tr><td>${escapeHTML(p.name)}</td><td>${escapeHTML(p.kind || '')}</td><td>${escapeHTML(p.country || '')}</td><td>${escapeHTML(Number.isFinite(p.lat) && Number.isFinite(p.lon) ? `${Number(p.lat.toFixed(2))}, ${Number(p.lon.toFixed(2))}` : '—')}</td><td>${n}</td></tr>`);
  const table = (head, rows) => rows.length
    ? `<table><thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`
    : '<p class="meta">None found.</p>';

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Saywhere (${SCHEMA})">
<title>${escapeHTML(title)}</title>
<style>${HTML_CSS}</style>
</head>
<body>
<header>
<h1>${escapeHTML(title)}</h1>
<p class="meta">${quotes.length} quote${quotes.length === 1 ? '' : 's'}, ${counts.size} speaker${counts.size === 1 ? '' : 's'}, ${placeMap.size} place${placeMap.size === 1 ? '' : 's'}. Annotated by Saywhere; automatic, so check before you rely on it.</p>
<p class="legend"><span><span class="q s0">quote</span><span class="who s0">speaker</span></span><span class="q non-speech">not speech</span> <span><span class="per">person</span></span><span><span class="org">organisation</span></span><span><span class="pl">place</span></span></p>
</header>
<main>
<article>
${paras.join('\n')}
</article>
<section><h2>Speakers</h2>${table(['Speaker', 'Role', 'Also called', 'Quotes'], speakerRows)}</section>
<section><h2>Quotes</h2>${table(['Speaker', 'Quote', 'Kind', 'Rule (confidence)'], quoteRows)}</section>
<section><h2>Places</h2>${table(['Place', 'Kind', 'Country', 'Lat, lon', 'Mentions'], placeRows)}</section>
</main>
<footer><p>Exported from Saywhere (schema ${SCHEMA}). Place coordinates from GeoNames (CC BY 4.0).</p></footer>
</body>
</html>
`;
}

// ---------------------------------------------------------------------------------------
// All at once

/**
 * Every export as files: [{name, mime, content}] with names `${basename}.saywhere.json`,
 * `.quotes.csv`, `.txt` + `.ann` (brat), `.jsonld`, `.html`. Options: basename (default
 * "article"), corrections (kept in the JSON), title (HTML), source (Web Annotation).
 */
export function exportFiles(text, doc, { basename = 'article', corrections, title, source } = {}) {
  const brat = toBrat(text, doc);
  return [
    { name: `${basename}.saywhere.json`, mime: 'application/json', content: toJSON(text, doc, corrections) },
    { name: `${basename}.quotes.csv`, mime: 'text/csv;charset=utf-8', content: toCSV(text, doc, { bom: true }) },
    { name: `${basename}.txt`, mime: 'text/plain;charset=utf-8', content: brat.txt },
    { name: `${basename}.ann`, mime: 'text/plain;charset=utf-8', content: brat.ann },
    { name: `${basename}.jsonld`, mime: 'application/ld+json', content: JSON.stringify(toWebAnnotation(text, doc, { source }), null, 1) + '\n' },
    { name: `${basename}.html`, mime: 'text/html;charset=utf-8', content: toHTML(text, doc, { title }) },
  ];
}
