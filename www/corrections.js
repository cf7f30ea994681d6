// Corrections and the user lexicon. Pure functions over (text, annotation): no DOM, no
// storage of its own (the storage helpers take a localStorage-like object), usable in Node.
//
// The annotation is the record the wasm `annotate(text)` returns (schema saywhere/1, see
// src/export.rs): {schema, offsets: "utf16", people, quotes, places}. `applyCorrections`
// returns a new record of the same shape; records a correction touched carry
// `corrected: "you"` (or `corrected: "lexicon"` with `lexicon_rule`), and quotes whose
// speaker the reader chose have `rule: "user"` and `confidence: 1`.
//
// A correction names the span it acts on by its offsets AND the text those offsets cover, so
// it still finds its span when a newer core draws it a little differently. The kinds:
//
//   {op: 'relabel', target, to}     target.layer 'mention' → to 'person' | 'organisation' | 'place'
//                                    target.layer 'place'   → to 'person' | 'organisation'
//                                    target.layer 'quote'   → to 'direct' | 'partial' | 'non-speech'
//   {op: 'remove', target}           drop the highlight (a mention, a place or a quote)
//   {op: 'speaker', target, speaker} target a quote; speaker {name, start, end} (one of the
//                                    entity's mentions) or null for "nobody"
//   {op: 'add', layer, start, end, text}   layer 'person' | 'place' | 'quote' | 'organisation'
//
//   target = {layer: 'mention' | 'place' | 'quote', start, end, text}
//
// The lexicon is a list of rules {text, is} with is 'person' | 'place' | 'not-person' |
// 'not-place', applied to every whole-word occurrence of `text` before the corrections.

export const STORAGE_PREFIX = 'saywhere.corrections.v1.';
export const LEXICON_KEY = 'saywhere.lexicon.v1';
export const RULES = ['person', 'place', 'not-person', 'not-place'];
export const QUOTE_KINDS = ['direct', 'partial', 'non-speech'];

// ---------------------------------------------------------------------------- identity

// cyrb53 in steps: the state [h1, h2] over text[from, to), then the final mix.
function hashRun(text, from, to, h) {
  let h1 = h[0], h2 = h[1];
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h[0] = h1; h[1] = h2;
}

function hashEnd(text, [h1, h2]) {
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const n = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return n.toString(16).padStart(14, '0') + '-' + text.length.toString(36);
}

let hashed = { text: null, hash: '' }; // the last text hashed ahead (hashTextSoon)

/** A stable hash of a text (53-bit cyrb53 over UTF-16 units), as a hex string. */
export function hashText(text) {
  if (hashed.text === text) return hashed.hash;
  const h = [0xdeadbeef, 0x41c6ce57];
  hashRun(text, 0, text.length, h);
  return hashEnd(text, h);
}

/**
 * Hash `text` ahead, `slice` units per step, each step in a task of its own (`later(fn)`
 * runs fn later): the page does it while the worker annotates a long text, so that
 * hashText(text) is at once ready when the result comes (on megabytes it takes some 20 ms).
 */
export function hashTextSoon(text, later = (fn) => setTimeout(fn, 0), slice = 1 << 19) {
  const h = [0xdeadbeef, 0x41c6ce57];
  let at = 0;
  const step = () => {
    if (hashed.text === text) return;
    const to = Math.min(text.length, at + slice);
    hashRun(text, at, to, h);
    at = to;
    if (at < text.length) later(step);
    else hashed = { text, hash: hashEnd(text, h) };
  };
  later(step);
}

export const storageKey = (text) => STORAGE_PREFIX + hashText(text);

// ---------------------------------------------------------------------------- undo / redo

/** An undo stack: `done` holds the corrections in force (oldest first), `undone` what redo brings back. */
export function createStack(done = []) {
  return { done: [...done], undone: [] };
}
export function push(stack, correction) {
  return { done: [...stack.done, correction], undone: [] };
}
export function undo(stack) {
  if (!stack.done.length) return stack;
  return { done: stack.done.slice(0, -1), undone: [...stack.undone, stack.done[stack.done.length - 1]] };
}
export function redo(stack) {
  if (!stack.undone.length) return stack;
  return { done: [...stack.done, stack.undone[stack.undone.length - 1]], undone: stack.undone.slice(0, -1) };
}
export const canUndo = (stack) => stack.done.length > 0;
export const canRedo = (stack) => stack.undone.length > 0;

// ---------------------------------------------------------------------------- lexicon

const norm = (s) => String(s).normalize('NFC').replace(/\s+/g, ' ').trim();
const fold = (s) => norm(s).toLowerCase();

/** Rules that cannot hold together for one text: a new rule replaces these. */
const CONFLICTS = {
  person: ['not-person', 'place'],
  place: ['not-place', 'person'],
  'not-person': ['person'],
  'not-place': ['place'],
};

/** The lexicon with `rule` added (a rule it contradicts, or the same rule, is replaced). */
export function addRule(lexicon, rule) {
  const text = norm(rule.text);
  if (!text || !RULES.includes(rule.is)) throw new Error('A lexicon rule needs a text and one of ' + RULES.join(', '));
  const drop = new Set([rule.is, ...CONFLICTS[rule.is]]);
  const kept = lexicon.filter((r) => !(r.text === text && drop.has(r.is)));
  return [...kept, { text, is: rule.is, ...(rule.added ? { added: rule.added } : {}) }];
}

export function removeRule(lexicon, rule) {
  return lexicon.filter((r) => !(r.text === norm(rule.text) && r.is === rule.is));
}

export function describeRule(rule) {
  const what = { person: 'is a person', place: 'is a place', 'not-person': 'is not a person', 'not-place': 'is not a place' }[rule.is];
  return `“${rule.text}” ${what}`;
}

// ---------------------------------------------------------------------------- text helpers

const WORD = /[\p{L}\p{N}_]/u;
const isWordAt = (text, i) => i >= 0 && i < text.length && WORD.test(text[i]);

/** Every whole-word occurrence of `needle` in `text`: [[start, end], …] (case-sensitive). */
export function occurrences(text, needle) {
  const out = [];
  const n = norm(needle);
  if (!n) return out;
  for (let i = text.indexOf(n); i >= 0; i = text.indexOf(n, i + 1)) {
    const e = i + n.length;
    if (isWordAt(text, i - 1) && isWordAt(text, i)) continue;
    if (isWordAt(text, e) && isWordAt(text, e - 1)) continue;
    out.push([i, e]);
  }
  return out;
}

const MARKS = '"\'“”‘’„‚«»‹›「」『』';

/** The span of a selection made sensible for `layer`: whitespace trimmed; names snap to
 *  whole words and lose trailing punctuation; a quote keeps its marks. Null if nothing is left. */
export function snapSelection(text, start, end, layer) {
  start = Math.max(0, Math.min(start, text.length));
  end = Math.max(start, Math.min(end, text.length));
  const trim = () => {
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
  };
  trim();
  if (layer !== 'quote') {
    while (start > 0 && isWordAt(text, start - 1) && isWordAt(text, start)) start--;
    while (end < text.length && isWordAt(text, end) && isWordAt(text, end - 1)) end++;
    while (end > start && /[\s.,;:!?()[\]{}…—–\-"'“”‘’„«»]/.test(text[end - 1]) && !/^\p{Lu}\.$/u.test(text.slice(end - 2, end))) end--;
    while (start < end && /[\s.,;:!?()[\]{}…—–\-"'“”‘’„«»]/.test(text[start])) start++;
  }
  trim();
  return end > start ? { start, end, text: text.slice(start, end) } : null;
}

// ---------------------------------------------------------------------------- locating spans

const overlap = (a, b) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/**
 * The index of the item in `items` ({start, end}) the target names: the same offsets, else
 * the same text nearest the old place, else a span overlapping at least half of both. -1 if none.
 */
export function locate(items, target, text) {
  let best = -1;
  items.forEach((it, i) => { if (best < 0 && it.start === target.start && it.end === target.end) best = i; });
  if (best >= 0) return best;
  const want = target.text === undefined ? null : norm(target.text);
  let dist = Infinity;
  if (want !== null) {
    items.forEach((it, i) => {
      if (norm(text.slice(it.start, it.end)) !== want) return;
      const d = Math.abs(it.start - target.start);
      if (d < dist) { dist = d; best = i; }
    });
    if (best >= 0) return best;
  }
  let most = 0;
  items.forEach((it, i) => {
    const o = overlap(it, target);
    if (o > most && o * 2 >= it.end - it.start && o * 2 >= target.end - target.start) { most = o; best = i; }
  });
  return best;
}

// ---------------------------------------------------------------------------- applying

/** A working copy of an annotation that corrections edit in place. */
class Work {
  constructor(ann, text) {
    this.text = text;
    this.people = ann.people.map((p) => ({ ...p, aliases: [...(p.aliases || [])], mentions: p.mentions.map((m) => ({ ...m })) }));
    this.quotes = ann.quotes.map((q) => ({ ...q }));
    this.places = ann.places.map((p) => ({ ...p }));
    this.head = { schema: ann.schema, offsets: ann.offsets };
  }

  live(i) { return !this.people[i].dropped; }

  /** Every mention as {start, end, e (entity), m (mention index)}. */
  mentions() {
    const out = [];
    this.people.forEach((p, e) => { if (this.live(e)) p.mentions.forEach((m, k) => out.push({ start: m.start, end: m.end, kind: m.kind, e, m: k, ref: m })); });
    return out;
  }

  dropEntity(e, by) {
    const p = this.people[e];
    p.dropped = true;
    for (const q of this.quotes) {
      if (q.speaker !== e) continue;
      Object.assign(q, {
        speaker: null, speaker_start: null, speaker_end: null, cue: null, cue_start: null, cue_end: null,
        rule: 'user', rule_explanation: `the speaker named here (${p.name}) was removed`, confidence: 1,
      });
      mark(q, by);
    }
  }

  /** Remove one mention; an entity left without a name mention is dropped. */
  removeMention(e, k, by) {
    const p = this.people[e];
    p.mentions.splice(k, 1);
    if (!p.mentions.some((m) => m.kind === 'name')) this.dropEntity(e, by);
  }

  /** Remove mentions overlapping [s, e) (only those inside it when `inside`). */
  clearMentions(s, e, by, inside = false) {
    for (const x of this.mentions().reverse()) {
      if (!overlap(x, { start: s, end: e })) continue;
      if (inside && !(x.start >= s && x.end <= e)) continue;
      if (x.kind !== 'name' && !(x.start >= s && x.end <= e)) continue;
      this.removeMention(x.e, x.m, by);
    }
  }

  clearPlaces(s, e, inside = false) {
    this.places = this.places.filter((p) => !(overlap(p, { start: s, end: e }) && (!inside || (p.start >= s && p.end <= e))));
  }

  findEntity(name, kind) {
    const n = fold(name);
    const same = (p) => fold(p.name) === n || p.aliases.some((a) => fold(a) === n);
    let i = this.people.findIndex((p, k) => this.live(k) && p.kind === kind && same(p));
    if (i < 0) i = this.people.findIndex((p, k) => this.live(k) && same(p));
    return i;
  }

  /** Remove the mentions in `refs` (a Set of mention records); an entity left without a name mention is dropped. */
  removeMentions(refs, by) {
    this.people.forEach((p, e) => {
      if (!this.live(e)) return;
      const kept = p.mentions.filter((m) => !refs.has(m));
      if (kept.length === p.mentions.length) return;
      p.mentions = kept;
      if (!kept.some((m) => m.kind === 'name')) this.dropEntity(e, by);
    });
  }

  addMention(s, e, kind, by) {
    return this.addMentions([[s, e]], kind, by);
  }

  /** Name mentions at `spans` (all of one text), to the entity of that name or a new one. */
  addMentions(spans, kind, by) {
    if (!spans.length) return -1;
    const name = norm(this.text.slice(spans[0][0], spans[0][1]));
    let i = this.findEntity(name, kind);
    const mentions = spans.map(([s, e]) => mark({ start: s, end: e, kind: 'name' }, by));
    if (i >= 0) {
      const p = this.people[i];
      p.mentions.push(...mentions);
      if (p.kind !== kind) { p.kind = kind; mark(p, by); p.mentions.forEach((m) => mark(m, by)); }
      if (fold(p.name) !== fold(name) && !p.aliases.some((a) => fold(a) === fold(name))) p.aliases.push(name);
    } else {
      i = this.people.length;
      this.people.push(mark({ id: i, kind, name, aliases: [], gender: 'unknown', role: null, mentions }, by));
    }
    return i;
  }

  addPlace(s, e, by) {
    this.addPlaces([[s, e]], by);
  }

  /** Places at `spans` (all of one text); coordinates from a place of the same name, if any. */
  addPlaces(spans, by) {
    if (!spans.length) return;
    const name = norm(this.text.slice(spans[0][0], spans[0][1]));
    const twin = this.places.find((p) => fold(p.name) === fold(name) || fold(this.text.slice(p.start, p.end)) === fold(name));
    for (const [s, e] of spans) {
      const place = twin
        ? { ...twin, start: s, end: e }
        : { start: s, end: e, name, kind: 'place', country: null, lat: null, lon: null, candidates: 0 };
      delete place.corrected; delete place.lexicon_rule;
      this.places.push(mark(place, by));
    }
  }

  addQuote(s, e, by) {
    this.quotes = this.quotes.filter((q) => !overlap(q, { start: s, end: e }));
    let cs = s, ce = e;
    while (cs < ce && (MARKS.includes(this.text[cs]) || /\s/.test(this.text[cs]))) cs++;
    while (ce > cs && (MARKS.includes(this.text[ce - 1]) || /\s/.test(this.text[ce - 1]))) ce--;
    this.quotes.push(mark({
      start: s, end: e, content_start: cs, content_end: ce, kind: 'direct',
      speaker: null, speaker_name: null, speaker_start: null, speaker_end: null,
      cue: null, cue_start: null, cue_end: null,
      rule: 'user', rule_explanation: 'you marked this quote', confidence: 1,
    }, by));
  }

  setSpeaker(q, e, by) {
    if (e === null) {
      Object.assign(q, { speaker: null, speaker_start: null, speaker_end: null, cue: null, cue_start: null, cue_end: null,
        rule: 'user', rule_explanation: 'you said nobody is quoted here', confidence: 1 });
    } else {
      const near = nearestMention(this.people[e], q);
      Object.assign(q, { speaker: e, speaker_start: near ? near.start : null, speaker_end: near ? near.end : null,
        cue: null, cue_start: null, cue_end: null, rule: 'user', rule_explanation: 'you chose this speaker', confidence: 1 });
      if (q.kind === 'non-speech') q.kind = 'direct';
    }
    mark(q, by);
  }

  finish() {
    const index = new Map();
    const people = [];
    this.people.forEach((p, i) => {
      if (p.dropped) return;
      index.set(i, people.length);
      const { dropped, ...rest } = p;
      people.push({ ...rest, id: people.length, mentions: [...p.mentions].sort((a, b) => a.start - b.start || a.end - b.end) });
    });
    const spans = new Map(); // entity → Set of "start:end" of its mentions, made when first asked
    const has = (e, s, t) => {
      if (!spans.has(e)) spans.set(e, new Set(people[e].mentions.map((m) => m.start + ':' + m.end)));
      return spans.get(e).has(s + ':' + t);
    };
    const quotes = this.quotes.map((q) => {
      const speaker = q.speaker === null || q.speaker === undefined || !index.has(q.speaker) ? null : index.get(q.speaker);
      const out = { ...q, speaker, speaker_name: speaker === null ? null : people[speaker].name };
      // The speaker mention the quote points at was removed: the nearest one left.
      if (speaker !== null && q.speaker_start !== null && !has(speaker, q.speaker_start, q.speaker_end)) {
        const near = nearestMention(people[speaker], q);
        out.speaker_start = near ? near.start : null;
        out.speaker_end = near ? near.end : null;
      }
      return out;
    }).sort((a, b) => a.start - b.start || a.end - b.end);
    const places = [...this.places].sort((a, b) => a.start - b.start || a.end - b.end);
    return { ...this.head, people, quotes, places };
  }
}

/** The entity's name mention nearest the quote (one before it preferred), or null. */
function nearestMention(entity, q) {
  const names = entity.mentions.filter((m) => m.kind === 'name');
  const pool = names.length ? names : entity.mentions;
  let near = null, d = Infinity;
  for (const m of pool) {
    const dist = m.end <= q.start ? q.start - m.end : m.start >= q.end ? (m.start - q.end) * 1.5 : 0;
    if (dist < d) { d = dist; near = m; }
  }
  return near;
}

function mark(record, by) {
  if (by.rule) {
    if (record.corrected !== 'you') { record.corrected = 'lexicon'; record.lexicon_rule = describeRule(by.rule); }
  } else {
    record.corrected = 'you';
    delete record.lexicon_rule;
  }
  return record;
}

/** Items of `index` ({items sorted by start, longest}) overlapping [s, e). */
function near(index, s, e) {
  const { items, longest } = index;
  let lo = 0, hi = items.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (items[mid].start < s - longest) lo = mid + 1; else hi = mid; }
  const out = [];
  for (let i = lo; i < items.length && items[i].start < e; i++) if (items[i].end > s) out.push(items[i]);
  return out;
}

function spanIndex(items) {
  const sorted = [...items].sort((a, b) => a.start - b.start);
  return { items: sorted, longest: sorted.reduce((n, x) => Math.max(n, x.end - x.start), 0) };
}

function applyRule(w, rule) {
  const by = { rule };
  const occ = occurrences(w.text, rule.text);
  if (!occ.length) return;
  // Decide for every occurrence first, then change everything at once: a rule for a common
  // word in a long article stays linear.
  const mi = spanIndex(w.mentions()), pi = spanIndex(w.places);
  const kindOf = (x) => w.people[x.e].kind;
  const dropM = new Set(), dropP = new Set(), add = [];
  for (const [s, e] of occ) {
    const mentions = near(mi, s, e);
    const places = near(pi, s, e);
    // A longer span around the occurrence ("Jane Smith" around "Smith") is left alone.
    const wider = (x) => x.start <= s && x.end >= e && (x.start < s || x.end > e);
    const inside = (x) => x.start >= s && x.end <= e;
    if (rule.is === 'not-person') {
      for (const x of mentions) if (x.kind === 'name' && !wider(x) && kindOf(x) === 'person') dropM.add(x.ref);
    } else if (rule.is === 'not-place') {
      for (const p of places) if (!wider(p)) dropP.add(p);
    } else if (rule.is === 'person') {
      if (mentions.some((x) => wider(x) && kindOf(x) === 'person') || places.some(wider)) continue;
      if (mentions.some((x) => x.start === s && x.end === e && kindOf(x) === 'person')) continue;
      for (const p of places) if (inside(p)) dropP.add(p);
      for (const x of mentions) if (inside(x)) dropM.add(x.ref);
      add.push([s, e]);
    } else if (rule.is === 'place') {
      if (places.some((p) => p.start <= s && p.end >= e) || mentions.some(wider)) continue;
      for (const x of mentions) if (inside(x)) dropM.add(x.ref);
      add.push([s, e]);
    }
  }
  if (dropP.size) w.places = w.places.filter((p) => !dropP.has(p));
  if (dropM.size) w.removeMentions(dropM, by);
  if (rule.is === 'person') w.addMentions(add, 'person', by);
  if (rule.is === 'place') w.addPlaces(add, by);
}

function applyOne(w, c) {
  const by = {};
  if (c.op === 'add') {
    const s = c.start, e = c.end;
    if (!(Number.isInteger(s) && Number.isInteger(e) && s >= 0 && e <= w.text.length && s < e)) return false;
    let start = s, end = e;
    if (c.text !== undefined && w.text.slice(s, e) !== c.text) {
      // The text moved (an import of another version): the nearest copy of it.
      const found = occurrences(w.text, c.text).sort((a, b) => Math.abs(a[0] - s) - Math.abs(b[0] - s))[0];
      if (!found) return false;
      [start, end] = found;
    }
    if (c.layer === 'person' || c.layer === 'organisation') {
      w.clearPlaces(start, end);
      w.clearMentions(start, end, by);
      w.addMention(start, end, c.layer, by);
    } else if (c.layer === 'place') {
      w.clearMentions(start, end, by);
      w.clearPlaces(start, end);
      w.addPlace(start, end, by);
    } else if (c.layer === 'quote') {
      w.addQuote(start, end, by);
    } else return false;
    return true;
  }
  const t = c.target;
  if (!t) return false;
  if (t.layer === 'mention') {
    const all = w.mentions();
    const i = locate(all, t, w.text);
    if (i < 0) return false;
    const x = all[i];
    if (c.op === 'remove') { w.removeMention(x.e, x.m, by); return true; }
    if (c.op === 'relabel') {
      if (c.to === 'place') { w.removeMention(x.e, x.m, by); w.clearPlaces(x.start, x.end); w.addPlace(x.start, x.end, by); return true; }
      if (c.to === 'person' || c.to === 'organisation') {
        const p = w.people[x.e];
        p.kind = c.to;
        mark(p, by);
        p.mentions.forEach((m) => mark(m, by));
        return true;
      }
    }
    return false;
  }
  if (t.layer === 'place') {
    const i = locate(w.places, t, w.text);
    if (i < 0) return false;
    const p = w.places[i];
    if (c.op === 'remove') { w.places.splice(i, 1); return true; }
    if (c.op === 'relabel' && (c.to === 'person' || c.to === 'organisation')) {
      w.places.splice(i, 1);
      w.clearMentions(p.start, p.end, by);
      w.addMention(p.start, p.end, c.to, by);
      return true;
    }
    return false;
  }
  if (t.layer === 'quote') {
    const i = locate(w.quotes, t, w.text);
    if (i < 0) return false;
    const q = w.quotes[i];
    if (c.op === 'remove') { w.quotes.splice(i, 1); return true; }
    if (c.op === 'relabel' && QUOTE_KINDS.includes(c.to)) {
      q.kind = c.to;
      if (c.to === 'non-speech') {
        Object.assign(q, { speaker: null, speaker_start: null, speaker_end: null, cue: null, cue_start: null, cue_end: null,
          rule: 'user', rule_explanation: 'you marked this as a phrase nobody is quoted saying', confidence: 1 });
      }
      mark(q, by);
      return true;
    }
    if (c.op === 'speaker') {
      if (c.speaker === null || c.speaker === undefined) { w.setSpeaker(q, null, by); return true; }
      let e = -1;
      if (Number.isInteger(c.speaker.start)) {
        const all = w.mentions();
        const k = locate(all, { start: c.speaker.start, end: c.speaker.end, text: w.text.slice(c.speaker.start, c.speaker.end) }, w.text);
        if (k >= 0 && all[k].start === c.speaker.start && all[k].end === c.speaker.end) e = all[k].e;
      }
      if (e < 0 && c.speaker.name) e = w.findEntity(c.speaker.name, 'person');
      if (e < 0) return false;
      w.setSpeaker(q, e, by);
      return true;
    }
  }
  return false;
}

const inOrder = (list) => {
  for (let i = 1; i < list.length; i++) {
    const a = list[i - 1], b = list[i];
    if (!(a.start < b.start || (a.start === b.start && a.end <= b.end))) return false;
  }
  return true;
};

/** Whether `ann` is already what Work.finish would make of it with nothing applied. */
function canonical(ann) {
  const { people, quotes, places } = ann;
  if (!Array.isArray(people) || !Array.isArray(quotes) || !Array.isArray(places)) return false;
  for (let i = 0; i < people.length; i++) {
    const p = people[i];
    if (!p || p.id !== i || 'dropped' in p || !Array.isArray(p.aliases) || !Array.isArray(p.mentions) || !inOrder(p.mentions)) return false;
  }
  if (!inOrder(quotes) || !inOrder(places)) return false;
  // Whether person p has a mention [s, e) (its mentions are in order: a binary search).
  const has = (p, s, e) => {
    const ms = p.mentions;
    let lo = 0, hi = ms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ms[mid].start < s || (ms[mid].start === s && ms[mid].end < e)) lo = mid + 1; else hi = mid;
    }
    return lo < ms.length && ms[lo].start === s && ms[lo].end === e;
  };
  for (const q of quotes) {
    if (q.speaker === null) {
      if (q.speaker_name !== null) return false;
      continue;
    }
    const p = people[q.speaker];
    if (!p || q.speaker_name !== p.name) return false;
    if (q.speaker_start !== null && !has(p, q.speaker_start, q.speaker_end)) return false;
  }
  return true;
}

/**
 * The annotation with the lexicon and then the corrections applied, and which corrections
 * found nothing to act on: {ann, skipped: [correction…]}. `corrections` is a list or a stack.
 */
export function applyCorrectionsReport(ann, text, corrections = [], lexicon = []) {
  const list = Array.isArray(corrections) ? corrections : (corrections && corrections.done) || [];
  // Nothing to apply to a record already in the shape `finish` gives: the same record, its
  // arrays shared rather than copied (nothing changes them in place; a text of megabytes has
  // some 100,000 records, and copying them took the page's main thread tens of milliseconds).
  if (!list.length && !(lexicon && lexicon.length) && canonical(ann)) {
    return { ann: { schema: ann.schema, offsets: ann.offsets, people: ann.people, quotes: ann.quotes, places: ann.places }, skipped: [] };
  }
  const w = new Work(ann, text);
  // "Not" rules first, so "X is a place" and "Y is not a person" on one span both hold.
  const order = { 'not-person': 0, 'not-place': 1, person: 2, place: 3 };
  for (const rule of [...lexicon].sort((a, b) => order[a.is] - order[b.is])) applyRule(w, rule);
  const skipped = [];
  for (const c of list) {
    let ok = false;
    try { ok = applyOne(w, c); } catch { ok = false; }
    if (!ok) skipped.push(c);
  }
  return { ann: w.finish(), skipped };
}

/** The annotation with the lexicon and the corrections applied (a new object; `ann` is unchanged). */
export function applyCorrections(ann, text, corrections = [], lexicon = []) {
  return applyCorrectionsReport(ann, text, corrections, lexicon).ann;
}

// ---------------------------------------------------------------------------- making corrections

/** A target for a span of `layer` in `text`. */
export function target(layer, span, text) {
  return { layer, start: span.start, end: span.end, text: text.slice(span.start, span.end) };
}

const clip = (s, n = 40) => {
  const t = norm(s);
  return t.length > n ? t.slice(0, n - 1) + '…' : t;
};

/** One line saying what a correction does, for the list of corrections. */
export function describeCorrection(c) {
  const raw = clip(c.target ? c.target.text : c.text || '');
  const what = MARKS.includes(raw[0]) ? raw : `“${raw}”`;
  const layerName = { mention: 'name', place: 'place', quote: 'quote' };
  if (c.op === 'add') return `${what}: added as a ${c.layer}`;
  if (c.op === 'remove') return `${what}: ${layerName[c.target.layer] || 'highlight'} removed`;
  if (c.op === 'relabel') {
    const to = { 'non-speech': 'not speech', direct: 'a quote', partial: 'a partial quote' }[c.to] || `a ${c.to}`;
    return `${what}: now ${to}`;
  }
  if (c.op === 'speaker') return `${what}: said by ${c.speaker ? c.speaker.name : 'nobody'}`;
  return `${what}: ${c.op}`;
}

/**
 * The corrections of `oldText` moved onto `newText` when the new text is an edit of the old
 * one (one changed stretch, at least half of the text unchanged): spans before the edit keep
 * their offsets, spans after it shift, spans in it are dropped. Null when the texts are not
 * versions of one article.
 */
export function carryOver(oldText, newText, list) {
  const max = Math.min(oldText.length, newText.length);
  let p = 0;
  while (p < max && oldText.charCodeAt(p) === newText.charCodeAt(p)) p++;
  let q = 0;
  while (q < max - p && oldText.charCodeAt(oldText.length - 1 - q) === newText.charCodeAt(newText.length - 1 - q)) q++;
  if (p + q < 0.5 * Math.max(oldText.length, newText.length)) return null;
  const delta = newText.length - oldText.length;
  const editEnd = oldText.length - q;
  const move = (s, e) => (e <= p ? [s, e] : s >= editEnd ? [s + delta, e + delta] : null);
  const out = [];
  for (const c of list) {
    if (c.op === 'add') {
      const m = move(c.start, c.end);
      if (m) out.push({ ...c, start: m[0], end: m[1] });
      continue;
    }
    if (!c.target) continue;
    const m = move(c.target.start, c.target.end);
    if (!m) continue;
    const moved = { ...c, target: { ...c.target, start: m[0], end: m[1] } };
    if (c.op === 'speaker' && c.speaker && Number.isInteger(c.speaker.start)) {
      const sm = move(c.speaker.start, c.speaker.end);
      moved.speaker = sm ? { ...c.speaker, start: sm[0], end: sm[1] } : { name: c.speaker.name, start: null, end: null };
    }
    out.push(moved);
  }
  return out;
}

// ---------------------------------------------------------------------------- storage

const isCorrection = (c) => c && typeof c === 'object' && ['add', 'remove', 'relabel', 'speaker'].includes(c.op);

/** The corrections stored for `text` (a list, oldest first; [] when none or unreadable). */
export function loadCorrections(storage, text) {
  try {
    const raw = storage.getItem(storageKey(text));
    if (!raw) return [];
    const v = JSON.parse(raw);
    return Array.isArray(v.list) ? v.list.filter(isCorrection) : [];
  } catch {
    return [];
  }
}

/** Store the corrections for `text`; an empty list removes the entry. Returns false if storage failed. */
export function saveCorrections(storage, text, list) {
  try {
    if (!list.length) storage.removeItem(storageKey(text));
    else storage.setItem(storageKey(text), JSON.stringify({ v: 1, length: text.length, head: text.slice(0, 80), updated: new Date().toISOString(), list }));
    return true;
  } catch {
    return false;
  }
}

export function loadLexicon(storage) {
  try {
    const v = JSON.parse(storage.getItem(LEXICON_KEY) || '[]');
    const list = Array.isArray(v) ? v : v.rules;
    return Array.isArray(list) ? list.filter((r) => r && typeof r.text === 'string' && RULES.includes(r.is)) : [];
  } catch {
    return [];
  }
}

export function saveLexicon(storage, lexicon) {
  try {
    storage.setItem(LEXICON_KEY, JSON.stringify({ v: 1, rules: lexicon }));
    return true;
  } catch {
    return false;
  }
}

/** How many documents have stored corrections (keys under STORAGE_PREFIX). */
export function countStoredDocuments(storage) {
  let n = 0;
  try {
    for (let i = 0; i < storage.length; i++) if ((storage.key(i) || '').startsWith(STORAGE_PREFIX)) n++;
  } catch { /* storage disabled */ }
  return n;
}
