// Saywhere's annotation worker: runs the wasm `annotate` off the main thread, so the page
// stays responsive and a long run can be cancelled (the page terminates this worker).
// The hosted page starts it as a module worker from worker.js; the single-file build
// (scripts/build_single.py) inlines the wasm-bindgen glue in front of this code and starts
// it from a Blob URL, passing the wasm bytes in the `init` message.
//
// Messages in:  {type: 'init', bytes?, module?}  {type: 'annotate', id, text}
//   `module` is a WebAssembly.Module the page compiled while this worker's script loaded
//   (it saves a second fetch and compile); without it the worker fetches pkg/ itself.
// Messages out: {type: 'ready', version}  {type: 'init-error', message}
//               {type: 'progress', id, done, total}  {type: 'result', id, ann, ms, parts?}
//               {type: 'part', id, layer, person?, items}  {type: 'error', id, message}
//   A big result comes in pieces: 'part' messages of at most PART records each (layer
//   'people' with empty mention lists, 'mentions' of one person, 'quotes', 'places', in that
//   order), then 'result' with `parts` (their number) and the record's arrays empty. The page
//   reads each message in a task of its own: one message of 90,000 records would take the
//   main thread some 100 ms just to be read (structured clone), all in one go.
import init, { annotate, version } from './pkg/saywhere.js';

// Texts longer than this (UTF-16 code units) are annotated in pieces of about CHUNK, cut at
// paragraph breaks, so the page can show progress. Quotes, names and places are local, so
// little is lost at a cut; people with the same name in different pieces become one entity.
const SPLIT_ABOVE = 400 * 1024;
const CHUNK = 128 * 1024;
// Records in one 'part' message.
const PART = 4000;

let started = null;

function ready(bytes, module) {
  const source = module || bytes;
  if (!started) started = init(source ? { module_or_path: source } : undefined);
  return started;
}

// The word lists and the gazetteer are built on first use, which costs more than annotating
// an article; build them now, right after 'ready', while the reader is still choosing a
// text (an annotate message that arrives meanwhile simply waits for this to finish).
const WARM_UP = '“We are ready,” said Anna Smith, the mayor of Paris, on Monday in London.';

/** Cut points (UTF-16 indices) at paragraph breaks near every CHUNK units. */
function cuts(text) {
  const out = [0];
  let at = 0;
  while (text.length - at > CHUNK * 1.5) {
    const target = at + CHUNK;
    // Prefer a blank line, then a line break, then a space, looking back at most CHUNK/2.
    const floor = target - CHUNK / 2;
    let cut = -1;
    for (const sep of ['\n\n', '\n', ' ']) {
      const k = text.lastIndexOf(sep, target);
      if (k > floor) { cut = k + sep.length; break; }
    }
    if (cut < 0) {
      cut = target;
      // Never split a surrogate pair.
      const c = text.charCodeAt(cut - 1);
      if (c >= 0xd800 && c <= 0xdbff) cut += 1;
    }
    out.push(cut);
    at = cut;
  }
  out.push(text.length);
  return out;
}

/** One record from the records of consecutive pieces, offsets shifted to the whole text. */
function merge(parts) {
  const people = [], quotes = [], places = [];
  const byName = new Map();
  const shift = (v, d) => (v === null || v === undefined ? v : v + d);
  let schema = 'saywhere/1';
  for (const { ann, offset } of parts) {
    schema = ann.schema;
    const remap = ann.people.map((p) => {
      const key = p.kind + '\u0000' + p.name;
      let e = byName.get(key);
      if (!e) {
        e = { ...p, id: people.length, aliases: [...p.aliases], mentions: [] };
        byName.set(key, e);
        people.push(e);
      } else {
        for (const a of p.aliases) if (!e.aliases.includes(a)) e.aliases.push(a);
        if (e.gender === 'unknown') e.gender = p.gender;
        if (!e.role) e.role = p.role;
      }
      for (const m of p.mentions) e.mentions.push({ ...m, start: m.start + offset, end: m.end + offset });
      return e.id;
    });
    for (const q of ann.quotes) {
      quotes.push({
        ...q,
        start: q.start + offset, end: q.end + offset,
        content_start: q.content_start + offset, content_end: q.content_end + offset,
        speaker: q.speaker === null ? null : remap[q.speaker],
        speaker_start: shift(q.speaker_start, offset), speaker_end: shift(q.speaker_end, offset),
        cue_start: shift(q.cue_start, offset), cue_end: shift(q.cue_end, offset),
      });
    }
    for (const p of ann.places) places.push({ ...p, start: p.start + offset, end: p.end + offset });
  }
  return { schema, offsets: 'utf16', people, quotes, places };
}

function run(id, text) {
  const t0 = performance.now();
  let ann;
  if (text.length <= SPLIT_ABOVE) {
    ann = annotate(text);
  } else {
    const at = cuts(text);
    const parts = [];
    for (let i = 0; i + 1 < at.length; i++) {
      parts.push({ ann: annotate(text.slice(at[i], at[i + 1])), offset: at[i] });
      self.postMessage({ type: 'progress', id, done: at[i + 1], total: text.length });
    }
    ann = merge(parts);
  }
  const ms = performance.now() - t0;
  const records = ann.quotes.length + ann.places.length + ann.people.reduce((n, p) => n + 1 + p.mentions.length, 0);
  if (records <= PART) {
    self.postMessage({ type: 'result', id, ann, ms });
    return;
  }
  let parts = 0;
  const send = (layer, items, person) => {
    for (let i = 0; i < items.length; i += PART) {
      self.postMessage({ type: 'part', id, layer, person, items: items.slice(i, i + PART) });
      parts++;
    }
  };
  send('people', ann.people.map((p) => ({ ...p, mentions: [] })));
  ann.people.forEach((p, i) => send('mentions', p.mentions, i));
  send('quotes', ann.quotes);
  send('places', ann.places);
  self.postMessage({ type: 'result', id, ann: { ...ann, people: [], quotes: [], places: [] }, ms, parts });
}

// A plain handler property, not addEventListener: one handler, replaced as a whole.
self.onmessage = async (e) => {
  const msg = e.data || {};
  if (msg.type === 'init') {
    try {
      await ready(msg.bytes, msg.module);
      self.postMessage({ type: 'ready', version: version() });
      try { annotate(WARM_UP); } catch { /* a real run will report any problem */ }
    } catch (err) {
      self.postMessage({ type: 'init-error', message: String((err && err.message) || err) });
    }
    return;
  }
  if (msg.type === 'annotate') {
    try {
      await ready();
      run(msg.id, msg.text);
    } catch (err) {
      // A Rust panic arrives here as a RuntimeError ("unreachable"); the page restarts the worker.
      self.postMessage({ type: 'error', id: msg.id, message: String((err && err.message) || err) });
    }
  }
};
