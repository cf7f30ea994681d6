// Correcting in the page: a menu on each highlight (change label, remove, reassign the
// speaker, "always treat X as …"), "Add highlight" on a text selection, undo/redo, the
// "Your corrections" dialog with the lexicon manager, and the "Clear" question. The model is
// corrections.js (pure); this module keeps the DOM and localStorage.
//
// Contract with app.js: app.js calls initEditor({state, render, setStatus}) once, and
// displayAnnotation(text, raw) when the wasm returns (state.raw = raw, state.ann = what it
// returns). On each correction this module sets state.ann again and calls render(): the wasm
// does not run again. Exports read currentCorrections() and currentLexicon().
import {
  applyCorrectionsReport, createStack, push, undo as undoStack, redo as redoStack, canUndo, canRedo,
  addRule, removeRule, describeRule, describeCorrection, snapSelection, target, carryOver,
  loadCorrections, saveCorrections, loadLexicon, saveLexicon, countStoredDocuments, storageKey, LEXICON_KEY,
} from './corrections.js';

const $ = (id) => document.getElementById(id);
const ed = { hooks: null, text: null, stack: createStack(), lexicon: [], skipped: [], menu: null, opener: null, pending: null };

function store() {
  try { return window.localStorage; } catch { return null; }
}
const noStore = { getItem: () => null, setItem() { throw new Error('no storage'); }, removeItem() {}, key: () => null, length: 0 };
const st = () => store() || noStore;

function el(tag, cls, text, attrs) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = text;
  if (attrs) for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}
const button = (cls, text, attrs) => { const b = el('button', cls, text, attrs); b.type = 'button'; return b; };
const cap = (s) => (s ? s[0].toUpperCase() + s.slice(1) : '');
const clip = (s, n = 32) => { const t = s.replace(/\s+/g, ' ').trim(); return t.length > n ? t.slice(0, n - 1) + '…' : t; };

// ---------------------------------------------------------------- public API

/** Wire the editor to the page. hooks: {state, render(), setStatus(message, isError), whenBuilt(fn)?}. */
export function initEditor(hooks) {
  ed.hooks = hooks;
  ed.lexicon = loadLexicon(st());
  wireBar();
  wireArticle();
  wireSelection();
  // Another tab of this page changed the lexicon or this article's corrections: follow it.
  window.addEventListener('storage', (e) => {
    if (e.key === LEXICON_KEY || e.key === null) ed.lexicon = loadLexicon(st());
    if (ed.text !== null && (e.key === storageKey(ed.text) || e.key === null)) ed.stack = createStack(loadCorrections(st(), ed.text));
    if (e.key === LEXICON_KEY || e.key === null || (ed.text !== null && e.key === storageKey(ed.text))) refresh();
  });
  updateBar();
}

/** The annotation to display for `text`: `raw` (the wasm's) with this text's stored corrections and the lexicon. */
export function displayAnnotation(text, raw) {
  if (text !== ed.text) {
    let list = loadCorrections(st(), text);
    // An edited version of the article in view: its corrections come along (the old
    // version keeps its own, stored under its own key).
    if (!list.length && ed.text !== null && ed.stack.done.length) {
      const moved = carryOver(ed.text, text, ed.stack.done);
      if (moved && moved.length) {
        list = moved;
        const n = moved.length, lost = ed.stack.done.length - n;
        queueMicrotask(() => ed.hooks.setStatus(`${$('status').textContent} ${n} correction${n === 1 ? '' : 's'} kept from before your edit`
          + (lost ? ` (${lost} in the changed text dropped).` : '.')));
      }
    }
    ed.text = text;
    ed.stack = createStack(list);
    if (list.length) save();
    closeMenu(false);
  }
  ed.lexicon = loadLexicon(st());
  const r = applyCorrectionsReport(raw, text, ed.stack.done, ed.lexicon);
  ed.skipped = r.skipped;
  updateBar();
  return r.ann;
}

/** The corrections in force for the current article (oldest first; plain JSON). */
export function currentCorrections() {
  return JSON.parse(JSON.stringify(ed.stack.done));
}

/** The user lexicon (plain JSON): rules {text, is}. */
export function currentLexicon() {
  return JSON.parse(JSON.stringify(ed.lexicon));
}

/** Replace the current article's corrections (an import); saved and shown at once. */
export function replaceCorrections(list) {
  ed.stack = createStack(Array.isArray(list) ? list : []);
  save();
  refresh();
}

/** Forget the corrections stored for `text` (only that text's). */
export function forgetCorrections(text) {
  saveCorrections(st(), text, []);
  if (text === ed.text) { ed.stack = createStack(); refresh(); }
}

/** The article is gone (cleared): close menus; the stored corrections stay unless forgotten. */
export function resetEditor() {
  closeMenu(false);
  hideToolbar();
  ed.text = null;
  ed.stack = createStack();
  ed.skipped = [];
  updateBar();
}

/** A note for a record's tooltip: '' or 'Corrected by you' (or by a lexicon rule). */
export function correctionNote(rec) {
  if (!rec || !rec.corrected) return '';
  return rec.corrected === 'lexicon' ? `Corrected by you: your rule ${rec.lexicon_rule || ''}`.trim() : 'Corrected by you';
}

/**
 * Ask before clearing the article (a dialog in the page). Resolves with null (cancelled) or
 * {forget: bool} — forget: also delete this article's corrections (never other articles').
 */
export function askClear(text) {
  const mine = text ? loadCorrections(st(), text).length : 0;
  const others = countStoredDocuments(st()) - (mine ? 1 : 0);
  const kept = [];
  if (others > 0) kept.push(`corrections to ${others} other article${others === 1 ? '' : 's'}`);
  if (ed.lexicon.length) kept.push(`your lexicon (${ed.lexicon.length} rule${ed.lexicon.length === 1 ? '' : 's'})`);
  return ask({
    title: 'Clear this article?',
    body: 'The text is removed from this page and from this browser.'
      + (kept.length ? ` Kept either way: ${kept.join(' and ')}.` : ''),
    check: mine ? `Also delete my ${mine} correction${mine === 1 ? '' : 's'} to this article` : null,
    confirm: 'Clear article',
  }).then((r) => (r ? { forget: r.checked } : null));
}

// ---------------------------------------------------------------- state changes

function save() {
  if (ed.text === null) return;
  if (!saveCorrections(st(), ed.text, ed.stack.done)) ed.hooks.setStatus('Your correction is shown but could not be saved in this browser (storage is full or disabled).', true);
}

/** Show the corrections in force: state.ann again from state.raw, then render (no wasm run). `r`: a report already made. */
function refresh(r) {
  const { state } = ed.hooks;
  if (!state.raw || state.text !== ed.text) { updateBar(); return; }
  r = r || applyCorrectionsReport(state.raw, state.text, ed.stack.done, ed.lexicon);
  ed.skipped = r.skipped;
  state.ann = r.ann;
  ed.hooks.render();
  updateBar();
  if ($('corrections-dialog') && $('corrections-dialog').open) fillCorrectionsDialog();
}

function commit(c, message, focusAt) {
  const before = ed.stack;
  ed.stack = push(ed.stack, { ...c, at: new Date().toISOString() });
  const r = applyCorrectionsReport(ed.hooks.state.raw, ed.text, ed.stack.done, ed.lexicon);
  if (r.skipped.includes(ed.stack.done[ed.stack.done.length - 1])) {
    ed.stack = before;
    ed.hooks.setStatus('That change does not apply to this text.', true);
    return;
  }
  save();
  refresh(r);
  ed.hooks.setStatus(message + ' Undo with Ctrl+Z.');
  if (focusAt) refocus(focusAt);
}

export function undo() {
  if (!canUndo(ed.stack) || ed.text === null) return;
  const c = ed.stack.done[ed.stack.done.length - 1];
  ed.stack = undoStack(ed.stack);
  save();
  refresh();
  ed.hooks.setStatus('Undone: ' + describeCorrection(c) + '.');
}

export function redo() {
  if (!canRedo(ed.stack) || ed.text === null) return;
  ed.stack = redoStack(ed.stack);
  const c = ed.stack.done[ed.stack.done.length - 1];
  save();
  refresh();
  ed.hooks.setStatus('Redone: ' + describeCorrection(c) + '.');
}

function setLexicon(lexicon, message) {
  ed.lexicon = lexicon;
  if (!saveLexicon(st(), lexicon)) ed.hooks.setStatus('The rule is applied here but could not be saved in this browser.', true);
  else ed.hooks.setStatus(message);
  refresh();
}

function updateBar() {
  const u = $('undo'), r = $('redo'), n = $('corrections-count');
  if (!u) return;
  const on = ed.text !== null;
  u.disabled = !on || !canUndo(ed.stack);
  r.disabled = !on || !canRedo(ed.stack);
  const last = ed.stack.done[ed.stack.done.length - 1];
  const next = ed.stack.undone[ed.stack.undone.length - 1];
  u.title = last ? `Undo: ${describeCorrection(last)} (Ctrl+Z)` : 'Nothing to undo';
  r.title = next ? `Redo: ${describeCorrection(next)} (Ctrl+Shift+Z)` : 'Nothing to redo';
  n.textContent = String(on ? ed.stack.done.length : 0);
  $('corrections-open').setAttribute('aria-label', `Your corrections: ${on ? ed.stack.done.length : 0} to this article, ${ed.lexicon.length} lexicon rule${ed.lexicon.length === 1 ? '' : 's'}`);
}

// ---------------------------------------------------------------- offsets in the article

/** The text offset where `node` (or a point in it) starts in the article. */
function offsetOf(node, offset) {
  const article = $('article');
  const r = document.createRange();
  r.selectNodeContents(article);
  if (offset === undefined) r.setEndBefore(node);
  else r.setEnd(node, offset);
  return r.toString().length;
}

/** The highlight element covering text offset `at` (the innermost span), or null. */
function textNodeAt(at) {
  const walker = document.createTreeWalker($('article'), NodeFilter.SHOW_TEXT);
  let pos = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (pos + n.data.length > at) return n;
    pos += n.data.length;
  }
  return null;
}

/** After a change, focus the highlight at `spot` ({at, layer}); when it is gone, the next highlight. */
function refocus(spot) {
  // A long article is rebuilt in slices (app.js): focus once the new one is whole.
  if (ed.hooks.whenBuilt) ed.hooks.whenBuilt(() => refocusNow(spot));
  else refocusNow(spot);
}

function refocusNow(spot) {
  const article = $('article');
  const node = textNodeAt(spot.at);
  if (!node) return;
  const sel = spot.layer === 'quote' ? '[data-q]' : spot.layer === 'place' ? '[data-l]' : spot.layer === 'mention' ? '[data-e]' : null;
  const e = sel && node.parentElement && node.parentElement.closest(sel);
  let target = e && (e.closest('[tabindex]') || e);
  if (!target || !(target.tabIndex >= 0) || !article.contains(target)) {
    // The next focusable highlight in document order (binary search over them).
    const all = article.querySelectorAll('[tabindex="0"]');
    let lo = 0, hi = all.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (node.compareDocumentPosition(all[mid]) & Node.DOCUMENT_POSITION_FOLLOWING) hi = mid; else lo = mid + 1;
    }
    target = all[lo] || all[all.length - 1];
  }
  if (target) target.focus({ preventScroll: true });
}

/** The highlights under a clicked element: [{layer, rec, index, entity}], innermost first. */
function layersAt(node) {
  const { ann, text } = ed.hooks.state;
  const out = [];
  const span = node.closest('span');
  if (!span || !$('article').contains(span)) return out;
  const at = offsetOf(span);
  const pe = span.closest('[data-e]');
  if (pe) {
    const e = Number(pe.dataset.e);
    const p = ann.people[e];
    const m = p && p.mentions.find((x) => x.start <= at && x.end > at);
    if (m) out.push({ layer: 'mention', rec: m, entity: p, index: e, text: text.slice(m.start, m.end) });
  }
  const pl = span.closest('[data-l]');
  if (pl) {
    const rec = ann.places[Number(pl.dataset.l)];
    if (rec) out.push({ layer: 'place', rec, text: text.slice(rec.start, rec.end) });
  }
  const pq = span.closest('[data-q]');
  if (pq) {
    const rec = ann.quotes[Number(pq.dataset.q)];
    if (rec) out.push({ layer: 'quote', rec, index: Number(pq.dataset.q), text: text.slice(rec.start, rec.end) });
  }
  return out;
}

// ---------------------------------------------------------------- the highlight menu

function menuItems(layers) {
  const { ann, text } = ed.hooks.state;
  const groups = [];
  for (const h of layers) {
    const tgt = target(h.layer, h.rec, text);
    const name = clip(h.text);
    const spot = { at: h.rec.start, layer: h.layer };
    const items = [];
    const act = (label, fn, extra = {}) => items.push({ label, fn, ...extra });
    const rule = (is, label) => act(label, () => setLexicon(addRule(ed.lexicon, { text: h.text, is, added: new Date().toISOString() }),
      `Rule added: ${describeRule({ text: h.text.replace(/\s+/g, ' ').trim(), is })}, in this and every later article. Manage rules under “Your corrections”.`), { lexicon: true });
    if (h.layer === 'mention') {
      const kind = h.entity.kind;
      const title = `${kind === 'person' ? 'Person' : 'Organisation'} · ${h.entity.name}`;
      if (h.rec.kind !== 'name') {
        // A pronoun or a role ("she", "the minister") linked to someone: only the link can go.
        act('Remove this highlight', () => commit({ op: 'remove', target: tgt }, `“${name}” no longer linked to ${h.entity.name}.`, spot), { danger: true });
        groups.push({ title: `${cap(h.rec.kind)} · ${h.entity.name}`, note: h.rec.corrected ? correctionNote(h.rec) : '', items });
        continue;
      }
      if (kind !== 'person') act('It is a person', () => commit({ op: 'relabel', target: tgt, to: 'person' }, `“${name}” is now a person.`, spot));
      act('It is a place', () => commit({ op: 'relabel', target: tgt, to: 'place' }, `“${name}” is now a place.`, spot));
      if (kind !== 'organisation') act('It is an organisation', () => commit({ op: 'relabel', target: tgt, to: 'organisation' }, `${h.entity.name} is now an organisation.`, spot));
      act('Remove this highlight', () => commit({ op: 'remove', target: tgt }, `Highlight “${name}” removed.`, spot), { danger: true });
      if (h.rec.kind === 'name') {
        rule('person', `Always treat “${name}” as a person`);
        rule('not-person', `Never treat “${name}” as a person`);
      }
      groups.push({ title, note: h.rec.corrected ? correctionNote(h.rec) : '', items });
    } else if (h.layer === 'place') {
      act('It is a person', () => commit({ op: 'relabel', target: tgt, to: 'person' }, `“${name}” is now a person.`, spot));
      act('It is an organisation', () => commit({ op: 'relabel', target: tgt, to: 'organisation' }, `“${name}” is now an organisation.`, spot));
      act('Remove this highlight', () => commit({ op: 'remove', target: tgt }, `Place “${name}” removed.`, spot), { danger: true });
      rule('place', `Always treat “${name}” as a place`);
      rule('not-place', `Never treat “${name}” as a place`);
      groups.push({ title: `Place · ${h.rec.name}`, note: h.rec.corrected ? correctionNote(h.rec) : '', items });
    } else if (h.layer === 'quote') {
      const q = h.rec;
      const speaking = new Set(ann.quotes.map((x) => x.speaker).filter((s) => s !== null));
      const people = ann.people.map((p, i) => ({ p, i })).filter(({ p, i }) => p.kind === 'person' || speaking.has(i))
        .sort((a, b) => a.p.name.localeCompare(b.p.name));
      const who = [];
      for (const { p, i } of people) {
        const m = p.mentions.find((x) => x.kind === 'name') || p.mentions[0];
        who.push({
          label: p.name, radio: true, checked: q.speaker === i,
          fn: () => commit({ op: 'speaker', target: tgt, speaker: { name: p.name, start: m ? m.start : null, end: m ? m.end : null } },
            `This quote is now attributed to ${p.name}.`, spot),
        });
      }
      who.push({ label: 'No speaker', radio: true, checked: q.speaker === null,
        fn: () => commit({ op: 'speaker', target: tgt, speaker: null }, 'This quote now has no speaker.', spot) });
      if (q.kind === 'non-speech') act('It is speech (a real quote)', () => commit({ op: 'relabel', target: tgt, to: 'direct' }, 'Marked as a quote.', spot));
      else act('Not speech (a title or scare quote)', () => commit({ op: 'relabel', target: tgt, to: 'non-speech' }, 'Marked as a phrase nobody is quoted saying.', spot));
      act('Remove this highlight', () => commit({ op: 'remove', target: tgt }, 'Quote highlight removed.', spot), { danger: true });
      groups.push({ title: q.kind === 'non-speech' ? 'Marked phrase' : `Quote · ${q.speaker_name || 'no speaker'}`,
        note: q.corrected ? correctionNote(q) : '', sub: 'Who said it?', radios: who, items });
    }
  }
  return groups;
}

function openMenu(anchor, layers) {
  closeMenu(false);
  const groups = menuItems(layers);
  if (!groups.length) return;
  const menu = el('div', 'cmenu', null, { role: 'menu', id: 'correct-menu', 'aria-label': 'Correct this highlight' });
  const all = [];
  const add = (container, it, role) => {
    const b = button('cm-item' + (it.danger ? ' danger' : '') + (it.lexicon ? ' lex' : ''), it.label, { role, tabindex: '-1' });
    if (role === 'menuitemradio') b.setAttribute('aria-checked', String(!!it.checked));
    b.addEventListener('click', (e) => { e.stopPropagation(); closeMenu(false); it.fn(); });
    container.append(b);
    all.push(b);
  };
  groups.forEach((g, gi) => {
    const group = el('div', 'cm-group', null, { role: 'group' });
    const head = el('div', 'cm-head', g.title, { id: `cm-head-${gi}` });
    group.setAttribute('aria-labelledby', head.id);
    group.append(head);
    if (g.note) group.append(el('div', 'cm-note', g.note));
    if (g.radios) {
      group.append(el('div', 'cm-sub', g.sub, { 'aria-hidden': 'true' }));
      const list = el('div', 'cm-radios');
      g.radios.forEach((it) => add(list, it, 'menuitemradio'));
      group.append(list);
      group.append(el('div', 'cm-sep', null, { role: 'separator' }));
    }
    g.items.forEach((it) => add(group, it, 'menuitem'));
    menu.append(group);
  });
  menu.addEventListener('keydown', (e) => {
    e.stopPropagation(); // j/k, Ctrl+Z and the like belong to the page, not to an open menu
    const i = all.indexOf(document.activeElement);
    const go = (k) => { e.preventDefault(); all[(k + all.length) % all.length].focus(); };
    if (e.key === 'ArrowDown') go(i + 1);
    else if (e.key === 'ArrowUp') go(i - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(all.length - 1);
    else if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); closeMenu(true); }
    else if (e.key === 'Tab') { e.preventDefault(); closeMenu(true); }
    else if (e.key.length === 1 && /\S/.test(e.key)) {
      // Type-ahead: the next item starting with the letter.
      const k = e.key.toLowerCase();
      for (let j = 1; j <= all.length; j++) {
        const b = all[(i + j) % all.length];
        if (b.textContent.trim().toLowerCase().startsWith(k)) { e.preventDefault(); b.focus(); break; }
      }
    }
  });
  document.body.append(menu);
  ed.menu = menu;
  ed.opener = anchor;
  place(menu, anchor.getBoundingClientRect());
  const first = all.find((b) => b.getAttribute('aria-checked') === 'true') || all[0];
  first.focus({ preventScroll: true });
  const list = first.closest('.cm-radios');
  if (list) list.scrollTop = Math.max(0, first.offsetTop - list.offsetTop - list.clientHeight / 2 + first.offsetHeight / 2);
}

function place(box, r) {
  const w = Math.min(box.offsetWidth || 300, window.innerWidth - 16);
  const h = box.offsetHeight;
  let left = Math.max(8, Math.min(r.left, window.innerWidth - w - 8));
  let top = r.bottom + 6;
  if (top + h > window.innerHeight - 8 && r.top - h - 6 > 8) top = r.top - h - 6;
  box.style.left = (window.scrollX + left) + 'px';
  box.style.top = (window.scrollY + top) + 'px';
}

function closeMenu(returnFocus) {
  if (!ed.menu) return;
  ed.menu.remove();
  ed.menu = null;
  const opener = ed.opener;
  ed.opener = null;
  if (opener && returnFocus && opener.isConnected) opener.focus({ preventScroll: true });
}

function wireArticle() {
  const article = $('article');
  article.addEventListener('click', (e) => {
    if (!ed.hooks.state.ann) return;
    const sel = window.getSelection();
    if (sel && !sel.isCollapsed && article.contains(sel.anchorNode)) return;
    const span = e.target.closest && e.target.closest('span');
    if (!span) return;
    const layers = layersAt(span);
    if (!layers.length) return;
    const anchor = span.closest('[tabindex]') || span;
    openMenu(anchor, layers);
  });
  article.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' && !(e.key === 'F10' && e.shiftKey) && e.key !== 'ContextMenu') return;
    const span = e.target.closest && e.target.closest('span[tabindex]');
    if (!span || !ed.hooks.state.ann) return;
    const layers = layersAt(span);
    if (!layers.length) return;
    e.preventDefault();
    openMenu(span, layers);
  });
  document.addEventListener('mousedown', (e) => {
    if (ed.menu && !ed.menu.contains(e.target)) closeMenu(false);
  });
  window.addEventListener('resize', () => { closeMenu(false); hideToolbar(); });
}

// ---------------------------------------------------------------- add a highlight from a selection

function toolbar() {
  let bar = $('add-toolbar');
  if (bar) return bar;
  bar = el('div', 'addbar', null, { id: 'add-toolbar', role: 'toolbar', 'aria-label': 'Add a highlight for the selected text' });
  bar.hidden = true;
  bar.append(el('span', 'addbar-label', 'Add highlight', { 'aria-hidden': 'true' }));
  for (const [layer, label] of [['person', 'Person'], ['place', 'Place'], ['quote', 'Quote']]) {
    const b = button('addbar-btn ab-' + layer, label, { 'data-layer': layer, 'aria-label': `Add a ${layer} highlight` });
    b.addEventListener('mousedown', (e) => e.preventDefault()); // keep the selection
    b.addEventListener('click', () => addFromSelection(layer));
    bar.append(b);
  }
  bar.addEventListener('keydown', (e) => {
    if (!e.ctrlKey && !e.metaKey) e.stopPropagation();
    const bs = [...bar.querySelectorAll('button')];
    const i = bs.indexOf(document.activeElement);
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') { e.preventDefault(); bs[(i + (e.key === 'ArrowRight' ? 1 : bs.length - 1)) % bs.length].focus(); }
    if (e.key === 'Escape') { e.preventDefault(); hideToolbar(); $('article').focus?.(); }
  });
  document.body.append(bar);
  return bar;
}

function hideToolbar() {
  const bar = $('add-toolbar');
  if (bar) bar.hidden = true;
  ed.pending = null;
}

function updateToolbar() {
  const { state } = ed.hooks;
  const article = $('article');
  const bar = toolbar();
  if (bar.contains(document.activeElement)) return; // the reader is on the toolbar
  const sel = window.getSelection();
  if (!state.ann || article.hidden || !sel || sel.isCollapsed || !sel.rangeCount || ed.text !== state.text) { hideToolbar(); return; }
  const range = sel.getRangeAt(0);
  if (!article.contains(range.startContainer) || !article.contains(range.endContainer)) { hideToolbar(); return; }
  const s = offsetOf(range.startContainer, range.startOffset);
  const e = offsetOf(range.endContainer, range.endOffset);
  if (e - s < 1 || !state.text.slice(s, e).trim()) { hideToolbar(); return; }
  ed.pending = { start: Math.min(s, e), end: Math.max(s, e) };
  const snippet = clip(state.text.slice(ed.pending.start, ed.pending.end), 40);
  bar.setAttribute('aria-label', `Add a highlight for “${snippet}”`);
  bar.hidden = false;
  const r = range.getBoundingClientRect();
  const h = bar.offsetHeight;
  const w = bar.offsetWidth;
  const left = Math.max(8, Math.min(r.left + r.width / 2 - w / 2, window.innerWidth - w - 8));
  let top = r.top - h - 8;
  if (top < 8) top = r.bottom + 8;
  bar.style.left = (window.scrollX + left) + 'px';
  bar.style.top = (window.scrollY + top) + 'px';
}

function addFromSelection(layer) {
  const { state } = ed.hooks;
  const p = ed.pending;
  if (!p) return;
  const span = snapSelection(state.text, p.start, p.end, layer);
  hideToolbar();
  window.getSelection()?.removeAllRanges();
  if (!span) { ed.hooks.setStatus('Select a word or a phrase first.', true); return; }
  commit({ op: 'add', layer, start: span.start, end: span.end, text: span.text },
    `“${clip(span.text)}” added as a ${layer}.`, { at: span.start, layer: layer === 'quote' ? 'quote' : layer === 'place' ? 'place' : 'mention' });
}

function wireSelection() {
  let timer = 0;
  document.addEventListener('selectionchange', () => { clearTimeout(timer); timer = setTimeout(updateToolbar, 80); });
  window.addEventListener('scroll', () => { if (ed.pending) updateToolbar(); }, { passive: true });
}

// ---------------------------------------------------------------- header: undo, redo, corrections

function wireBar() {
  $('undo')?.addEventListener('click', undo);
  $('redo')?.addEventListener('click', redo);
  $('corrections-open')?.addEventListener('click', openCorrectionsDialog);
  document.addEventListener('keydown', (e) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
    if (e.target.closest && e.target.closest('textarea, input, select, [contenteditable=""], [contenteditable="true"], dialog')) return;
    if (ed.text === null || $('article').hidden) return;
    const k = e.key.toLowerCase();
    if (k === 'z' && !e.shiftKey) { e.preventDefault(); closeMenu(false); undo(); }
    else if ((k === 'z' && e.shiftKey) || (k === 'y' && !e.shiftKey)) { e.preventDefault(); closeMenu(false); redo(); }
  });
}

function correctionsDialog() {
  let d = $('corrections-dialog');
  if (d) return d;
  d = el('dialog', 'cdialog', null, { id: 'corrections-dialog', 'aria-labelledby': 'cd-title' });
  const head = el('div', 'cd-head');
  head.append(el('h2', null, 'Your corrections', { id: 'cd-title' }));
  const close = button('btn btn-quiet cd-close', 'Close', { 'aria-label': 'Close your corrections' });
  close.addEventListener('click', () => d.close());
  head.append(close);
  const doc = el('section', 'cd-sec', null, { 'aria-labelledby': 'cd-doc-h' });
  doc.append(el('h3', null, 'This article', { id: 'cd-doc-h' }), el('p', 'cd-empty', '', { id: 'cd-doc-empty' }),
    el('ol', 'cd-list', null, { id: 'cd-doc-list' }));
  const forget = button('btn btn-quiet', 'Delete the corrections to this article…', { id: 'cd-forget' });
  forget.addEventListener('click', async () => {
    const n = ed.stack.done.length;
    const ok = await ask({ title: `Delete ${n} correction${n === 1 ? '' : 's'}?`, body: 'Only this article’s corrections go; other articles and your lexicon are kept. Undo cannot bring them back.', confirm: 'Delete' });
    if (!ok) return;
    forgetCorrections(ed.text);
    ed.hooks.setStatus('The corrections to this article are deleted.');
  });
  doc.append(el('div', 'cd-actions'));
  doc.lastChild.append(forget);
  const lex = el('section', 'cd-sec', null, { 'aria-labelledby': 'cd-lex-h' });
  lex.append(el('h3', null, 'Your lexicon', { id: 'cd-lex-h' }),
    el('p', 'cd-hint', 'Applied to every article you open in this browser, to every whole-word match.'),
    el('p', 'cd-empty', 'No rules yet. Add one here, or from the menu of a highlight.', { id: 'cd-lex-empty' }),
    el('ul', 'cd-list', null, { id: 'cd-lex-list' }));
  const form = el('div', 'cd-add', null, { role: 'group', 'aria-label': 'Add a rule' });
  const input = el('input', null, null, { id: 'cd-rule-text', type: 'text', 'aria-label': 'Word or name', placeholder: 'Word or name', autocomplete: 'off', spellcheck: 'false' });
  const select = el('select', null, null, { id: 'cd-rule-is', 'aria-label': 'Rule' });
  for (const [v, l] of [['person', 'is a person'], ['place', 'is a place'], ['not-person', 'is not a person'], ['not-place', 'is not a place']]) {
    const o = el('option', null, l); o.value = v; select.append(o);
  }
  const addBtn = button('btn', 'Add rule', { id: 'cd-rule-add' });
  const addIt = () => {
    const t = input.value.replace(/\s+/g, ' ').trim();
    if (!t) { input.focus(); return; }
    setLexicon(addRule(ed.lexicon, { text: t, is: select.value, added: new Date().toISOString() }), `Rule added: ${describeRule({ text: t, is: select.value })}.`);
    input.value = '';
    input.focus();
  };
  addBtn.addEventListener('click', addIt);
  input.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); addIt(); } });
  form.append(input, select, addBtn);
  lex.append(form);
  d.append(head, doc, lex);
  d.addEventListener('close', () => { if (ed.dialogOpener && ed.dialogOpener.isConnected) ed.dialogOpener.focus(); });
  d.addEventListener('click', (e) => { if (e.target === d) d.close(); }); // the backdrop
  document.body.append(d);
  return d;
}

function fillCorrectionsDialog() {
  const list = $('cd-doc-list');
  list.replaceChildren();
  const done = ed.stack.done;
  const skipped = new Set(ed.skipped);
  for (const c of done) {
    const li = el('li', skipped.has(c) ? 'stale' : null, describeCorrection(c));
    if (skipped.has(c)) li.append(el('span', 'cd-tag', ' · no longer matches a highlight'));
    list.append(li);
  }
  $('cd-doc-empty').hidden = done.length > 0;
  $('cd-doc-empty').textContent = ed.text === null ? 'No article is open.'
    : 'No corrections yet. Click a highlight to change it, or select text to add one.';
  $('cd-forget').hidden = done.length === 0;
  const lex = $('cd-lex-list');
  lex.replaceChildren();
  for (const r of ed.lexicon) {
    const li = el('li', 'cd-rule');
    li.append(el('span', null, describeRule(r)));
    const rm = button('btn btn-quiet cd-remove', 'Remove', { 'aria-label': `Remove the rule ${describeRule(r)}` });
    rm.addEventListener('click', () => {
      const next = li.nextElementSibling || li.previousElementSibling;
      const idx = [...lex.children].indexOf(li);
      setLexicon(removeRule(ed.lexicon, r), `Rule removed: ${describeRule(r)}.`);
      fillCorrectionsDialog();
      const again = lex.querySelectorAll('.cd-remove');
      (again[Math.min(idx, again.length - 1)] || $('cd-rule-text')).focus();
      void next;
    });
    li.append(rm);
    lex.append(li);
  }
  $('cd-lex-empty').hidden = ed.lexicon.length > 0;
}

function openCorrectionsDialog() {
  closeMenu(false);
  const d = correctionsDialog();
  ed.lexicon = loadLexicon(st());
  fillCorrectionsDialog();
  ed.dialogOpener = document.activeElement;
  d.showModal();
}

// ---------------------------------------------------------------- a question in the page

/** A modal question: resolves with null (cancel) or {checked}. */
function ask({ title, body, check, confirm }) {
  return new Promise((resolve) => {
    const d = el('dialog', 'cdialog ask', null, { 'aria-labelledby': 'ask-title', 'aria-describedby': 'ask-body', id: 'ask-dialog' });
    d.append(el('h2', null, title, { id: 'ask-title' }), el('p', null, body, { id: 'ask-body' }));
    let box = null;
    if (check) {
      const label = el('label', 'ask-check');
      box = el('input', null, null, { type: 'checkbox', id: 'ask-check' });
      label.append(box, document.createTextNode(' ' + check));
      d.append(label);
    }
    const row = el('div', 'ask-actions');
    const cancel = button('btn', 'Cancel', { id: 'ask-cancel' });
    const ok = button('btn btn-danger', confirm, { id: 'ask-ok' });
    row.append(cancel, ok);
    d.append(row);
    const opener = document.activeElement;
    let answer = null;
    cancel.addEventListener('click', () => d.close());
    ok.addEventListener('click', () => { answer = { checked: !!(box && box.checked) }; d.close(); });
    d.addEventListener('close', () => {
      d.remove();
      if (opener && opener.isConnected && opener.focus) opener.focus();
      resolve(answer);
    });
    document.body.append(d);
    d.showModal();
    cancel.focus();
  });
}
