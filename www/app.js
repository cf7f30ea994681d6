// Saywhere page. Plain ES module, no framework. User text only ever enters the DOM as
// text nodes. The wasm `annotate(text)` returns spans in UTF-16 code units, which index
// JS strings directly (see src/export.rs for the record). Annotation runs in a Web Worker
// (worker.js) so the page stays responsive; if no worker can start, it runs here instead.
import { compiled, wasmUrl, workerSource, takeEarlyWorker } from './boot.js';
import init, { annotate, version } from './pkg/saywhere.js';
import { initReading, renderReading, clearReading, showLink, hideLink, fillTooltip, tooltipRect, stepQuotes } from './reading.js';
import { initExportMenu, importSaywhereJSON } from './exportmenu.js';
import { initEditor, displayAnnotation, correctionNote, askClear, forgetCorrections, resetEditor } from './editor.js';
import { registerServiceWorker } from './offline.js';
import { readFile, decode, wirePaste, InputError } from './inputs.js';
import { Documents } from './documents.js';
import { segmenter } from './article.js';
import { hashTextSoon } from './corrections.js';

const $ = (id) => document.getElementById(id);
const STORE_KEY = 'saywhere.text.v1';
// Show progress and the Cancel button when a run takes longer than this (ms).
const BUSY_AFTER = 150;
// Texts longer than this (UTF-16 units) are not mirrored in localStorage, and their result
// is shown a task after it is read.
const SAVE_APART = 200000;
// Okabe–Ito accents for speakers (blue, vermillion, bluish green, reddish purple, orange, sky blue).
const ACCENTS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#8a7a00', '#555555'];
const EXAMPLES = [
  { file: 'paris-summit-cnn.txt', title: 'Paris summit: Rubio and Witkoff meet Ukrainian officials' },
  { file: 'paris-talks-witkoff.txt', title: 'Macron hosts US envoys; Zelenskyy accuses Witkoff' },
];

// raw: the annotation from the wasm; ann: as displayed, with the reader's corrections (editor.js).
const state = { text: '', raw: null, ann: null, quoteOrder: [], current: -1, cycle: new Map() };

function setStatus(message, isError = false) {
  const s = $('status');
  s.textContent = message;
  s.classList.toggle('error', isError);
}

// ---------------------------------------------------------------- input

async function loadExample(file) {
  const inline = document.getElementById('examples-data');
  let text;
  if (inline) {
    text = JSON.parse(inline.textContent)[file];
  } else {
    const r = await fetch('examples/' + file);
    if (!r.ok) throw new Error('could not load the example (' + r.status + ')');
    text = await r.text();
  }
  const doc = documents.open((EXAMPLES.find((e) => e.file === file) || { title: file }).title, text, { origin: 'example' });
  $('input').value = text;
  run(text, doc.name);
}

// The open articles (documents.js): one a tab; their texts are kept in this browser.
const documents = new Documents({ bar: $('tabs'), onActivate: showDocument });

/** Show a document (another tab was chosen, or one was closed): annotate its text. */
function showDocument(doc) {
  hideTooltip();
  if (doc && doc.text.trim()) {
    $('input').value = doc.text;
    run(doc.text, doc.name);
    return;
  }
  abandon();
  stopRender();
  $('input').value = doc ? doc.text : '';
  showArticle(false);
  if (doc) setStatus('Paste an article, drop files, or try an example.');
}

/** Open files (picked or dropped): each readable one becomes a document (a tab); the first
 *  is shown; what cannot be read is said in the status line. Decoding is inputs.js's. */
async function loadFiles(files) {
  files = [...(files || [])].filter(Boolean);
  if (!files.length) return;
  const problems = [];
  let first = null, opened = 0;
  for (const file of files) {
    try {
      if (/\.json$/i.test(file.name)) { // a Saywhere file (exportmenu.js)
        if (file.size > 50 * 1024 * 1024) throw new InputError(`“${file.name}” is too large for a Saywhere file.`);
        importSaywhereJSON(decode(new Uint8Array(await file.arrayBuffer()), `“${file.name}”`), `“${file.name}”`);
        continue;
      }
      const { name, text } = await readFile(file);
      const doc = documents.open(name, text, { origin: 'file' });
      if (!first) first = doc;
      opened++;
    } catch (e) {
      problems.push(e.message || String(e));
    }
  }
  const problem = problems.join(' ');
  if (!first) {
    if (problem) setStatus(problem, true);
    return;
  }
  documents.activate(first.id, { notify: false });
  $('input').value = first.text;
  const tabs = opened > 1 ? `Opened ${opened} documents as tabs.` : '';
  run(first.text, first.name, problem ? { message: problem, error: true } : tabs ? { message: tabs } : undefined);
}

/** A new article from text pasted or dropped outside the text box: a document of its own. */
function newArticle(text, name = 'Pasted text') {
  const doc = documents.open(name, text, { origin: 'paste' });
  $('input').value = text;
  run(text, doc.name);
}

// ---------------------------------------------------------------- annotate and render

// ---------------------------------------------------------------- the annotator (a worker)

const annotator = {
  worker: null,       // the Worker, or null when annotating on the main thread
  mainThread: false,  // no worker could start: annotate here
  bytes: null,        // single-file build: the wasm bytes, handed to each new worker
  ready: null,        // resolves with the version once the annotator can take work
  job: null,          // the run in progress: {id, text, source, t0, busyTimer, saved}
  nextId: 1,
};

// The wasm module is compiled (`compiled`) and the first worker started, and on the hosted
// page given the module, by boot.js, before the rest of the page's modules have run; each
// worker gets the compiled module instead of fetching and compiling it again.

/** Start a worker (the first one boot.js started); resolves with the annotator's version, rejects if it cannot start. */
function startWorker() {
  const early = takeEarlyWorker();
  if (early && early.error) { early.worker.terminate(); return Promise.reject(new Error(early.error)); }
  let worker;
  try {
    if (early) worker = early.worker;
    else {
      const { url, type } = workerSource();
      worker = new Worker(url, { type, name: 'saywhere-annotator' });
    }
  } catch (e) {
    return Promise.reject(e);
  }
  annotator.worker = worker;
  annotator.ready = new Promise((resolve, reject) => {
    let up = false;
    worker.onmessage = (e) => {
      const msg = e.data;
      if (msg.type === 'ready') { up = true; resolve(msg.version); }
      else if (msg.type === 'init-error') reject(new Error(msg.message));
      else onWorkerMessage(msg);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      const message = e.message || 'the worker stopped';
      if (!up) reject(new Error(message));
      else if (worker === annotator.worker) crashed(message);
    };
    worker.onmessageerror = () => { if (worker === annotator.worker) crashed('a message could not be read'); };
  });
  annotator.ready.catch(() => {});
  // What the worker boot.js started said before this listened.
  if (early) for (const e of early.messages) worker.onmessage(e);
  compiled.then((module) => {
    if (early && early.initSent) return; // boot.js gave it the compiled module already
    const bytes = annotator.bytes || undefined;
    try {
      worker.postMessage({ type: 'init', bytes, module: module || undefined });
    } catch {
      worker.postMessage({ type: 'init', bytes }); // a module that cannot be posted
    }
  });
  return annotator.ready;
}

/** Throw the worker away (cancel, crash) and start a fresh one; if none starts, work here. */
function restartWorker() {
  if (annotator.worker) annotator.worker.terminate();
  annotator.worker = null;
  if (annotator.mainThread) return;
  startWorker().catch(() => {
    if (annotator.worker) annotator.worker.terminate();
    annotator.worker = null;
    annotator.mainThread = true;
    init({ module_or_path: annotator.bytes || wasmUrl }).catch((e) => {
      setStatus('The annotator could not restart: ' + (e.message || e) + '. Reload the page; your text is saved.', true);
    });
  });
}

function onWorkerMessage(msg) {
  const job = annotator.job;
  if (!job || msg.id !== job.id) return; // a cancelled run
  if (msg.type === 'progress') {
    showBusy(job, msg.done / msg.total);
  } else if (msg.type === 'part') {
    // A big result comes in pieces, each read in a task of its own (worker.js).
    const got = job.got || (job.got = { people: [], quotes: [], places: [], parts: 0 });
    got.parts++;
    const into = msg.layer === 'mentions' ? got.people[msg.person].mentions : got[msg.layer];
    for (const item of msg.items) into.push(item);
  } else if (msg.type === 'result') {
    let ann = msg.ann;
    if (msg.parts !== undefined) {
      const got = job.got;
      if (!got || got.parts !== msg.parts) { crashed('part of the result went missing'); return; }
      ann = { ...ann, people: got.people, quotes: got.quotes, places: got.places };
    }
    finish(job, ann);
  } else if (msg.type === 'error') {
    // The wasm trapped (a panic in the core): its state cannot be trusted any more.
    crashed(msg.message);
  }
}

/** The annotator died during a run: keep the user's text, say so, start a new one. */
function crashed(message) {
  const job = annotator.job;
  endBusy();
  annotator.job = null;
  restartWorker();
  if (!job) return;
  showArticle(false);
  if ($('input').value !== job.text) $('input').value = job.text;
  setStatus('Saywhere stopped while reading this text (' + message + '). Your text is safe: it is still here'
    + (job.saved ? ' and saved in this browser' : '') + '. Try again, or try a shorter text.', true);
}

/** Drop the run in progress, if any, and the worker doing it. Returns the dropped run. */
function abandon() {
  const job = annotator.job;
  if (!job) return null;
  endBusy();
  annotator.job = null;
  restartWorker();
  return job;
}

function cancel() {
  const job = abandon();
  if (!job) return;
  if ($('input').value !== job.text) $('input').value = job.text;
  showArticle(false);
  setStatus('Cancelled. Your text is unchanged; press Annotate to try again.');
}

function showBusy(job, fraction) {
  if (fraction !== undefined) job.fraction = fraction;
  else if (job.fraction !== undefined) return; // progress is already showing
  // The text box and the last article go while the annotator works: laying out a text box
  // of megabytes on every progress step would make the page sluggish.
  $('input-view').hidden = true;
  $('article').hidden = true;
  const bar = $('progress');
  $('cancel').hidden = false;
  bar.hidden = false;
  if (fraction === undefined) bar.removeAttribute('value');
  else bar.value = fraction;
  const size = job.text.length > 1e6 ? ` ${(job.text.length / 1e6).toFixed(1)} million characters` : '';
  setStatus(`Annotating${size}…` + (fraction === undefined ? '' : ` ${Math.round(fraction * 100)}%`));
  document.body.dataset.busy = 'true';
}

function endBusy() {
  const job = annotator.job;
  if (job) clearTimeout(job.busyTimer);
  $('cancel').hidden = true;
  $('progress').hidden = true;
  delete document.body.dataset.busy;
}

async function run(text, source, note) {
  text = text ?? $('input').value;
  if (!text.trim()) {
    setStatus('Paste an article first, or try an example.', true);
    return;
  }
  documents.commit(text); // the shown document's text, kept in this browser (documents.js)
  const shown = documents.active();
  if (source === undefined && shown && (shown.origin === 'file' || shown.origin === 'example')) source = shown.name;
  abandon();
  const job = { id: annotator.nextId++, text, source, note, t0: performance.now(), saved: false };
  annotator.job = job;
  // Saved first: if the annotator dies, the text survives a reload. A long text is kept by
  // documents.js (IndexedDB, written off this thread) but not copied into localStorage too:
  // writing megabytes there holds the page for a tenth of a second or more (and may not fit).
  try {
    if (text.length <= SAVE_APART) { localStorage.setItem(STORE_KEY, text); job.saved = true; }
    else { localStorage.removeItem(STORE_KEY); job.saved = Boolean(documents.db); }
  } catch { /* storage full or disabled: keep going */ }
  // The key its corrections are stored under, hashed while the worker works (not when the result comes).
  if (text.length > SAVE_APART) hashTextSoon(text);
  if (text.length > 1e6) showBusy(job, 0); // no layout of a huge text box meanwhile
  job.busyTimer = setTimeout(() => { if (annotator.job === job) showBusy(job); }, BUSY_AFTER);
  if (annotator.mainThread) {
    // No worker: annotate here (the page is busy meanwhile).
    setTimeout(() => {
      if (annotator.job !== job) return;
      let ann;
      try { ann = annotate(text); } catch (e) { crashed(e.message || String(e)); return; }
      finish(job, ann);
    }, 0);
    return;
  }
  annotator.worker.postMessage({ type: 'annotate', id: job.id, text });
}

function finish(job, ann) {
  endBusy();
  annotator.job = null;
  const { text, source } = job;
  const ms = performance.now() - job.t0;
  const raw = ann;
  const shown = displayAnnotation(text, raw); // the reader's corrections and lexicon applied
  const show = () => {
    state.text = text;
    state.raw = raw;
    state.ann = shown;
    state.source = source;
    showResult(job, shown, ms);
  };
  // A long text: its article starts a task later (unless something else came meanwhile: a
  // new run, Clear, another document).
  const generation = renderGeneration;
  if (text.length > SAVE_APART) nextTask(() => { if (generation === renderGeneration && !annotator.job) show(); });
  else show();
}

function showResult(job, ann, ms) {
  const { source } = job;
  render();
  const speech = ann.quotes.filter((q) => q.kind !== 'non-speech' && q.kind !== 'reported').length;
  const reported = ann.quotes.filter((q) => q.kind === 'reported').length;
  const speakers = new Set(ann.quotes.filter((q) => q.speaker !== null).map((q) => q.speaker)).size;
  setStatus(`${source ? source + ': ' : ''}${speech} quote${speech === 1 ? '' : 's'}${reported ? ` and ${reported} reported` : ''} from ${speakers} speaker${speakers === 1 ? '' : 's'}, `
    + `${ann.places.length} place mention${ann.places.length === 1 ? '' : 's'} · annotated in ${ms < 1 ? '<1' : Math.round(ms)} ms, on this device.`);
  if (job.note) setStatus($('status').textContent + ' ' + job.note.message, !!job.note.error);
  document.body.dataset.annotated = String(job.id);
}

/** Show an annotation made elsewhere (an imported Saywhere file) without running the annotator. */
function showAnnotation(text, ann, source) {
  abandon();
  documents.open(String(source).replace(/^“|”$/g, ''), text, { origin: 'file' });
  $('input').value = text;
  try { localStorage.setItem(STORE_KEY, text); } catch { /* storage full or disabled */ }
  state.text = text;
  state.raw = ann;
  state.ann = ann = displayAnnotation(text, ann);
  state.source = undefined;
  render();
  const speech = ann.quotes.filter((q) => q.kind !== 'non-speech').length;
  setStatus(`Opened ${source}: ${speech} quote${speech === 1 ? '' : 's'} and ${ann.places.length} place mention${ann.places.length === 1 ? '' : 's'}, as saved (not annotated again).`);
  document.body.dataset.annotated = 'imported-' + Date.now();
}

// Long articles are built in slices of about SLICE_MS (one task each, so the page answers a
// click at any moment and no task runs long), the first screenful first, into blocks of
// about CHUNK_CHARS cut at line breaks. Each block has `content-visibility: auto`
// (style.css): the browser lays out only the blocks on screen, so a text of megabytes stays
// light. The segments come from a sweep (article.js), one at a time as they are built.
// A text that fits in one slice is built at once, in the task that asked for it.
const SLICE_MS = 12;
const CHUNK_CHARS = 10000;
let renderGeneration = 0;
// The article being built: `done` once it is whole; `text`, the text the article on screen
// shows in full (null while a new one is built); `aside`, a new version of the same text
// being built off screen; `waiting`, what to do once it is whole (whenBuilt); `flush`, build
// the rest now (printing).
const build = { done: true, text: null, aside: false, waiting: [], flush: null };

// A task of its own, with no timer clamping (setTimeout(0) waits at least 4 ms once nested).
const nextTask = (() => {
  if (typeof MessageChannel !== 'function') return (fn) => setTimeout(fn, 0);
  const channel = new MessageChannel();
  const queue = [];
  channel.port1.onmessage = () => { const fn = queue.shift(); if (fn) fn(); };
  return (fn) => { queue.push(fn); channel.port2.postMessage(0); };
})();

/** Run fn once the article is whole (now, if it is). Returns true when it ran now. */
function whenBuilt(fn) {
  if (build.done) { fn(); return true; }
  build.waiting.push(fn);
  return false;
}

function render() {
  const { text, ann } = state;
  const article = $('article');
  const generation = ++renderGeneration;
  const speakerOf = new Map();
  ann.quotes.forEach((q) => { if (q.speaker !== null) speakerOf.set(q.speaker, (speakerOf.get(q.speaker) || 0) + 1); });
  const accent = new Map();
  [...speakerOf.keys()].forEach((id, n) => accent.set(id, ACCENTS[n % ACCENTS.length]));
  // Each person's corrected mentions (few), for the titles of their highlights.
  const fixedMentions = new Map();
  ann.people.forEach((p, i) => {
    const fixed = p.mentions.filter((m) => m.corrected);
    if (fixed.length) fixedMentions.set(i, fixed);
  });
  const look = { accent, speakerOf, fixedMentions };
  const sweep = segmenter(text, ann);
  // The same text again (a correction, a lexicon rule): the new article is built aside and
  // swapped in whole, so a reader far down a long article stays where they are; the old one
  // is inert meanwhile (its highlights no longer match the annotation).
  const aside = build.text === text && !article.hidden && article.firstChild !== null;
  const into = aside ? document.createDocumentFragment() : article;
  if (!aside) { article.replaceChildren(); article.inert = false; }
  build.done = false;
  build.text = null;
  build.aside = aside;
  let chunk = null, chunkStart = 0, finished = false, unlimited = false;
  const newChunk = (at) => {
    chunk = document.createElement('div');
    chunk.className = 'chunk';
    chunkStart = at;
    into.append(chunk);
  };
  newChunk(0);
  const complete = () => {
    finished = true;
    if (aside) article.replaceChildren(into);
    article.inert = false;
    delete document.body.dataset.rendering;
    Object.assign(build, { done: true, text, aside: false, flush: null });
    const waiting = build.waiting;
    build.waiting = [];
    for (const fn of waiting) fn();
  };
  const slice = () => {
    if (generation !== renderGeneration || finished) return; // a newer render replaced this one
    const t0 = performance.now();
    let k = 0;
    for (;;) {
      const seg = sweep.next();
      if (!seg) { complete(); return; }
      const node = segmentNode(seg, look);
      const nl = seg.e - chunkStart > CHUNK_CHARS && node.nodeType === Node.TEXT_NODE ? node.data.lastIndexOf('\n') : -1;
      if (nl >= 0) {
        // A new block after the line break: "a\n" + "b" shows as "a\nb" did.
        chunk.append(node.data.slice(0, nl + 1));
        newChunk(seg.s + nl + 1);
        chunk.append(node.data.slice(nl + 1));
      } else {
        chunk.append(node);
      }
      if (!unlimited && (++k & 127) === 0 && performance.now() - t0 > SLICE_MS) break;
    }
    document.body.dataset.rendering = 'true';
    if (aside) article.inert = true;
    nextTask(slice);
  };
  build.flush = () => { unlimited = true; slice(); };
  slice();
  state.quoteOrder = ann.quotes.map((q, i) => i).filter((i) => ann.quotes[i].kind !== 'non-speech');
  state.current = -1;
  showArticle(true);
  renderPanel(speakerOf, accent);
  // The panels of a long article come in a task of their own, after its first screenful.
  if (build.done) renderReading(speakerOf, accent);
  else setTimeout(() => { if (generation === renderGeneration) renderReading(speakerOf, accent); }, 0);
}

function stopRender() {
  renderGeneration++;
  delete document.body.dataset.rendering;
  $('article').inert = false;
  Object.assign(build, { done: true, text: null, aside: false, waiting: [], flush: null });
}

/** The DOM node of one segment: a text node, or a span with the layers that cover it. */
function segmentNode(seg, { accent, speakerOf, fixedMentions }) {
  const { text, ann } = state;
  const str = text.slice(seg.s, seg.e);
  if (seg.q === null && seg.p === null && seg.l === null && seg.c === null) {
    return document.createTextNode(str);
  }
  const span = document.createElement('span');
  span.textContent = str;
  if (seg.q !== null) {
    const q = ann.quotes[seg.q];
    span.classList.add('q');
    span.dataset.q = seg.q;
    if (q.kind === 'non-speech') span.classList.add('quiet');
    if (q.kind === 'reported') span.classList.add('reported');
    if (q.speaker !== null) span.style.setProperty('--spk', accent.get(q.speaker));
    if (seg.s === q.start) {
      span.classList.add('qs');
      span.tabIndex = 0;
      span.setAttribute('role', 'mark');
      span.setAttribute('aria-label', quoteLabel(q) + (q.corrected ? ' ' + correctionNote(q) + '.' : ''));
      span.dataset.who = q.speaker_name || 'no speaker';
    }
    if (seg.e === q.end) {
      span.classList.add('qe');
      if (q.corrected) span.classList.add('fixed');
      if (q.kind !== 'non-speech') span.dataset.speaker = q.speaker_name || 'speaker unknown';
    }
  }
  if (seg.p !== null) {
    span.classList.add('p');
    span.dataset.e = seg.p;
    if (speakerOf.has(seg.p)) {
      span.classList.add('speaks');
      span.style.borderBottomColor = accent.get(seg.p);
    }
    span.title = ann.people[seg.p].name + (ann.people[seg.p].role ? ', ' + ann.people[seg.p].role : '');
    const fixed = (fixedMentions.get(seg.p) || []).find((m) => m.start <= seg.s && m.end >= seg.e);
    if (fixed) { span.title += ' · ' + correctionNote(fixed).toLowerCase(); if (seg.e === fixed.end) span.classList.add('fixed'); }
    if (span.tabIndex < 0) span.tabIndex = 0; // Enter opens the correction menu (editor.js)
  }
  if (seg.l !== null) {
    const pl = ann.places[seg.l];
    span.classList.add('l');
    span.dataset.l = seg.l;
    span.title = placeLabel(pl) + (pl.corrected ? ' · ' + correctionNote(pl).toLowerCase() : '');
    if (pl.corrected && seg.e === pl.end) span.classList.add('fixed');
    if (span.tabIndex < 0) span.tabIndex = 0;
    if (seg.e === pl.end) { span.classList.add('le'); span.dataset.where = pl.country || pl.kind; }
  }
  if (seg.c !== null) {
    span.classList.add('c');
    span.dataset.c = seg.c;
  }
  return span;
}

function quoteLabel(q) {
  const kind = q.kind === 'non-speech' ? 'Marked phrase, not speech'
    : q.kind === 'reported' ? 'Reported speech, not a direct quote,' : (q.kind === 'partial' ? 'Partial quote' : 'Quote');
  if (q.speaker === null) return `${kind}, no speaker identified`;
  return `${kind} by ${q.speaker_name}. ${cap(q.rule_explanation)}. Confidence ${Math.round(q.confidence * 100)}%.`;
}

function placeLabel(p) {
  const where = p.country ? `${p.kind}, ${p.country}` : p.kind;
  const amb = p.candidates > 1 ? ` · ${p.candidates} places have this name` : '';
  return `${p.name} (${where})${amb}`;
}

const cap = (s) => (s ? s[0].toUpperCase() + s.slice(1) : '');

/** The legend's counts; the speaker and place panels are reading.js's (renderReading). */
function renderPanel() {
  const { ann } = state;
  const speech = ann.quotes.filter((q) => q.kind !== 'non-speech');
  $('count-quotes').textContent = speech.filter((q) => q.kind !== 'reported').length;
  $('count-reported').textContent = speech.filter((q) => q.kind === 'reported').length;
  $('count-people').textContent = ann.people.filter((p) => p.kind === 'person').length;
  $('count-places').textContent = ann.places.length;
}

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

// ---------------------------------------------------------------- interaction

function quoteStart(i) { return $('article').querySelector(`.qs[data-q="${i}"]`); }

function focusQuote(i) {
  const start = build.aside ? null : quoteStart(i);
  // A long article still being built: its quote comes once it is there.
  if (!start) { if (!build.done) whenBuilt(() => focusQuote(i)); return; }
  start.scrollIntoView({ block: 'center', behavior: 'smooth' });
  start.focus({ preventScroll: true });
  start.classList.remove('flash'); void start.offsetWidth; start.classList.add('flash');
}

function highlight(qi, on) {
  const article = $('article');
  article.querySelectorAll(`[data-q="${qi}"]`).forEach((s) => s.classList.toggle('active', on));
  const q = state.ann.quotes[qi];
  if (q.speaker !== null) article.querySelectorAll(`.p[data-e="${q.speaker}"]`).forEach((s) => s.classList.toggle('lit', on));
  article.querySelectorAll(`.c[data-c="${qi}"]`).forEach((s) => s.classList.toggle('lit', on));
  if (on) showLink(qi); else hideLink();
}

function showTooltip(qi, anchor) {
  const tip = $('tooltip');
  fillTooltip(tip, qi);
  const fixed = correctionNote(state.ann.quotes[qi]);
  if (fixed) tip.append(el('div', 't-fixed', fixed));
  tip.hidden = false;
  const r = tooltipRect(qi) || anchor.getBoundingClientRect();
  const w = Math.min(340, window.innerWidth - 16);
  tip.style.left = Math.max(8, Math.min(window.scrollX + r.left, window.scrollX + window.innerWidth - w - 8)) + 'px';
  tip.style.top = (window.scrollY + r.bottom + 8) + 'px';
}

function hideTooltip() { $('tooltip').hidden = true; }

function wireArticle() {
  const article = $('article');
  let hovered = null;
  const enter = (target) => {
    const seg = target.closest('[data-q]');
    const qi = seg ? Number(seg.dataset.q) : null;
    if (qi === hovered) return;
    if (hovered !== null) highlight(hovered, false);
    hovered = qi;
    if (qi === null) { hideTooltip(); return; }
    highlight(qi, true);
    showTooltip(qi, quoteStart(qi) || seg);
  };
  article.addEventListener('mouseover', (e) => enter(e.target));
  article.addEventListener('mouseleave', () => enter(article));
  article.addEventListener('focusin', (e) => enter(e.target));
  article.addEventListener('focusout', () => enter(article));
  article.addEventListener('click', (e) => {
    const place = e.target.closest('.l');
    if (place) setStatus(place.title);
  });
}

function showArticle(on) {
  $('article').hidden = !on;
  $('input-view').hidden = on;
  $('edit').hidden = !on;
}

function wire() {
  $('run').addEventListener('click', () => run());
  $('cancel').addEventListener('click', cancel);
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape' && annotator.job) cancel(); });
  $('input').addEventListener('paste', () => setTimeout(() => run(), 0));
  // Plain text only into the box; a paste elsewhere is a new article (inputs.js).
  wirePaste($('input'), { newArticle: (text) => newArticle(text) });
  // What is typed is kept (documents.js saves it a moment later, and when the page goes).
  $('input').addEventListener('input', () => documents.draft($('input').value));
  window.addEventListener('pagehide', () => documents.leave());
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') documents.leave(); });
  documents.wire();
  $('input').addEventListener('keydown', (e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) run(); });
  $('edit').addEventListener('click', () => { showArticle(false); $('input').focus(); hideTooltip(); });
  $('clear').addEventListener('click', async () => {
    // Asked in the page (editor.js); the corrections of other articles are never touched.
    const text = $('input').value;
    const answer = text ? await askClear(text) : { forget: false };
    if (!answer) return;
    if (answer.forget) forgetCorrections(text);
    resetEditor();
    if (annotator.job) cancel();
    stopRender();
    $('input').value = '';
    state.ann = null;
    state.raw = null;
    try { localStorage.removeItem(STORE_KEY); } catch { /* ignore */ }
    $('article').replaceChildren();
    showArticle(false);
    ['speakers', 'places'].forEach((id) => $(id).replaceChildren());
    clearReading();
    ['count-quotes', 'count-reported', 'count-people', 'count-places'].forEach((id) => { $(id).textContent = '0'; });
    $('speakers-empty').hidden = false; $('places-empty').hidden = false; $('mentioned').hidden = true;
    setStatus('Cleared. Paste an article or drop a file.');
    documents.clearActive(); // its tab closes; another open document, if any, is shown
  });
  $('open-file').addEventListener('click', () => $('file').click());
  $('file').addEventListener('change', (e) => { loadFiles(e.target.files); e.target.value = ''; });

  const menu = $('example-menu');
  for (const ex of EXAMPLES) {
    const li = document.createElement('li');
    li.setAttribute('role', 'none'); // a menu's children are menu items (axe)
    const b = el('button', '', ex.title);
    b.type = 'button';
    b.setAttribute('role', 'menuitem');
    b.addEventListener('click', () => { menu.hidden = true; $('example').setAttribute('aria-expanded', 'false'); loadExample(ex.file).catch((e) => setStatus(e.message, true)); });
    li.append(b);
    menu.append(li);
  }
  $('example').addEventListener('click', () => {
    menu.hidden = !menu.hidden;
    $('example').setAttribute('aria-expanded', String(!menu.hidden));
    if (!menu.hidden) menu.querySelector('button').focus();
  });
  document.addEventListener('click', (e) => { if (!e.target.closest('.examples')) { menu.hidden = true; $('example').setAttribute('aria-expanded', 'false'); } });

  for (const [box, cls] of [['show-quotes', 'hide-quotes'], ['show-people', 'hide-people'], ['show-places', 'hide-places']]) {
    $(box).addEventListener('change', (e) => $('article').classList.toggle(cls, !e.target.checked));
  }

  // Drop anywhere on the page.
  let depth = 0;
  const overlay = $('drop-overlay');
  document.addEventListener('dragenter', (e) => { if (e.dataTransfer && [...e.dataTransfer.types].includes('Files')) { depth++; overlay.hidden = false; } });
  document.addEventListener('dragleave', () => { depth = Math.max(0, depth - 1); if (!depth) overlay.hidden = true; });
  document.addEventListener('dragover', (e) => e.preventDefault());
  document.addEventListener('drop', (e) => {
    e.preventDefault();
    depth = 0;
    overlay.hidden = true;
    const files = e.dataTransfer && e.dataTransfer.files;
    if (files && files.length) loadFiles(files);
    else if (e.dataTransfer) {
      const text = e.dataTransfer.getData('text/plain');
      if (text && text.trim()) newArticle(text, 'Dropped text');
    }
  });

  // j / k step through quotes.
  document.addEventListener('keydown', (e) => {
    if (!state.ann || e.target.matches('textarea, input') || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key !== 'j' && e.key !== 'k') return;
    stepQuotes(e.key === 'j' ? 1 : -1); // of the speaker picked in the panel, if any (reading.js)
  });
  window.addEventListener('scroll', hideTooltip, { passive: true });
  wireArticle();
  initReading({ state, $, focusQuote, setStatus, whenBuilt });
  initExportMenu({ state, $, setStatus, showImported: showAnnotation, source: () => state.source });
  initEditor({ state, render, setStatus, whenBuilt });
  // Printing a long article still being built: the rest of it first.
  window.addEventListener('beforeprint', () => { if (build.flush) build.flush(); });
}

/** Start the annotator: a worker if possible, else the wasm on this thread. Resolves with its version. */
async function startAnnotator() {
  if (globalThis.SAYWHERE_WASM_BYTES) annotator.bytes = await globalThis.SAYWHERE_WASM_BYTES();
  if (typeof Worker === 'function') {
    try {
      return await startWorker();
    } catch (e) {
      if (annotator.worker) annotator.worker.terminate();
      annotator.worker = null;
    }
  }
  annotator.mainThread = true;
  const source = (await compiled) || annotator.bytes;
  await init({ module_or_path: source || wasmUrl });
  return version();
}

async function main() {
  // The annotator starts first: its worker loads while the page wires itself up.
  const starting = startAnnotator();
  starting.catch(() => {});
  wire();
  // The documents open at the last visit (documents.js), read from IndexedDB meanwhile.
  const restoring = documents.restore();
  restoring.catch(() => {});
  let v;
  try {
    v = await starting;
  } catch (e) {
    setStatus('The annotator could not start in this browser: ' + (e.message || e), true);
    return;
  }
  document.documentElement.dataset.saywhere = v;
  document.documentElement.dataset.annotator = annotator.mainThread ? 'main-thread' : 'worker';
  // The documents open at the last visit, and the one shown.
  const saved = await restoring;
  if (saved && saved.text.trim()) {
    $('input').value = saved.text;
    run(saved.text, saved.name, { message: 'Restored from your last visit.' });
  } else if (saved) {
    $('input').value = saved.text;
    setStatus('Ready. Paste an article, drop a file, or try an example.');
  } else {
    setStatus('Ready. Paste an article, drop a file, or try an example.');
  }
  document.body.dataset.ready = 'true';
  registerServiceWorker(); // hosted page only: offline after the first visit (offline.js)
}

main();
