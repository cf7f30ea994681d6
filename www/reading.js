// The reading side of the page: the speaker panel, the places panel with the offline world
// map, the line that links a hovered or focused quote to its speaker and cue, the tooltip's
// plain-words explanation, and stepping through quotes. app.js owns the state and the
// article; it calls initReading once, renderReading after each render, and showLink /
// hideLink / fillTooltip / stepQuotes from its handlers.
//
// The article's text content is the text itself (app.js renders it as text nodes in order),
// so an offset of the annotation is found in the DOM by walking the text nodes: nothing here
// depends on how app.js splits spans.
import { placeKey } from './placekey.js';
import { COUNTRY_NAMES } from './countries.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
// Natural Earth's formal names, shortened the way news writes them.
const SHORT = {
  BN: 'Brunei', CD: 'DR Congo', CG: 'Congo', CN: 'China', CZ: 'Czechia', FK: 'Falkland Islands', FM: 'Micronesia',
  GM: 'The Gambia', IR: 'Iran', LA: 'Laos', MD: 'Moldova', MK: 'North Macedonia', PS: 'Palestine', RU: 'Russia',
  SY: 'Syria', TW: 'Taiwan', TZ: 'Tanzania', US: 'United States', VI: 'US Virgin Islands',
};
const COUNTRY = new Map(Object.entries(COUNTRY_NAMES).map(([iso, name]) => [iso, SHORT[iso] || name]));

// The world map (map.js and its outlines, world.js) loads after the first highlight: the
// first article with places adds worldmap.js as a script, which announces renderMap with the
// event 'saywhere:map'; the map is drawn then. (The single file has it inline: announced
// as the page starts, before any article.)
let mapModule = null;
if (typeof document !== 'undefined') { // (not in Node, where the tests import this module)
  document.addEventListener('saywhere:map', (e) => {
    mapModule = e.detail;
    const draw = view.mapWanted;
    view.mapWanted = null;
    if (draw) draw();
  });
}

function loadMap() {
  if (mapModule || view.mapRequested) return;
  view.mapRequested = true;
  const script = document.createElement('script');
  script.type = 'module';
  script.src = new URL('worldmap.js', import.meta.url).href;
  script.onerror = () => { // no map this time (offline before the page was cached): tried again with the next article
    view.mapRequested = false;
    view.mapWanted = null;
    script.remove();
    const svg = ctx.$('map');
    if (svg) svg.closest('figure').hidden = true;
  };
  document.head.append(script);
}

let ctx = null; // {state, $, focusQuote, setStatus}
const view = {
  accent: new Map(),    // person index → colour
  speaker: null,        // the speaker the reader picked in the panel, or null
  speakerAt: -1,        // position in that speaker's quotes
  placeAt: new Map(),   // place group key → position in its mentions
  map: null,            // renderMap's result
  places: [],           // the place groups, in list order
  link: null,           // the quote whose link is drawn
  overlay: null,        // the <svg> the link is drawn in
  index: null,          // {starts, nodes}: text nodes of the article and their offsets
  mapTimer: 0,
  placesTimer: 0,
  mapWanted: null,      // draws the map once map.js has come (loadMap)
  mapRequested: false,
};

const plural = (n, one, many = one + 's') => `${n} ${n === 1 ? one : many}`;
const cap = (s) => (s ? s[0].toUpperCase() + s.slice(1) : '');

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** The country's name for an ISO code ("FR" → "France"), or the code. */
export function countryName(iso) {
  return iso ? COUNTRY.get(iso) || iso : '';
}

/** "Paris, France"; a country or a continent alone. */
export function placeTitle(p) {
  const country = countryName(p.country);
  return !country || p.kind === 'country' || country === p.name ? p.name : `${p.name}, ${country}`;
}

// ---------------------------------------------------------------------------------------
// Plain-words explanation of a quote's attribution

/** "High", "Medium" or "Low" confidence for a score in 0..1. */
export function confidenceWord(c) {
  return c >= 0.8 ? 'High' : c >= 0.6 ? 'Medium' : 'Low';
}

// The words of the text from the cue to the speaker mention ("said Jane Smith"), when they
// are close together; else null.
function cueAndSpeaker(text, q) {
  const spans = [[q.cue_start, q.cue_end], [q.speaker_start, q.speaker_end]].filter(([s, e]) => s !== null && s !== undefined && e > s);
  if (!spans.length) return null;
  const s = Math.min(...spans.map((x) => x[0])), e = Math.max(...spans.map((x) => x[1]));
  const words = text.slice(s, e).replace(/\s+/g, ' ').trim();
  return words && words.length <= 70 ? words : null;
}

/**
 * {title, why, meta} for the tooltip of quote q: who, then the reason in plain words with
 * the confidence ("High confidence (0.85): the quote is followed by “said Jane Smith”."),
 * then the rule's general description.
 */
export function explainQuote(q, text, people) {
  if (q.kind === 'non-speech') {
    return { title: 'Marked phrase, not speech', why: 'A name, title or scare quote: nobody is reported as saying it.', meta: '' };
  }
  const reported = q.kind === 'reported';
  const what = reported ? 'Reported speech, not a direct quote' : q.kind === 'partial' ? 'Partial quote' : 'Quote';
  if (q.speaker === null || q.speaker === undefined) {
    return { title: `${what}: speaker unknown`, why: 'No rule was confident about who said this, so Saywhere names nobody rather than guess.', meta: '' };
  }
  const who = people[q.speaker] || { name: q.speaker_name || '?' };
  const words = cueAndSpeaker(text, q);
  const said = words ? `“${words}”` : null;
  const mention = q.speaker_start !== null && q.speaker_start !== undefined ? text.slice(q.speaker_start, q.speaker_end).trim() : '';
  const cue = (q.cue || '').trim();
  let reason;
  switch (q.rule) {
    case 'quote-cue-speaker':
    case 'quote-speaker-cue':
      reason = said ? `the quote is followed by ${said}` : 'the quote is followed by a speech verb and the speaker'; break;
    case 'speaker-cue-quote':
      reason = said ? `${said} introduces the quote` : 'the speaker and a speech verb introduce the quote'; break;
    case 'speaker-colon':
      reason = mention ? `the quote is introduced by “${mention}:”` : 'the speaker\'s name and a colon introduce the quote'; break;
    case 'dash-speaker':
      reason = mention ? `the quote is signed “${cue || '–'} ${mention}”` : 'the quote is signed with a dash and a name'; break;
    case 'according-to':
      reason = said ? `the sentence says ${said}` : 'the sentence credits the words “according to” the speaker'; break;
    case 'reported-clause':
      reason = said ? `the quote sits inside what ${said} reports` : 'the quote sits inside reported speech governed by the speaker\'s verb'; break;
    case 'sentence-end-cue':
      reason = said ? `the sentence ends with ${said}` : 'the sentence ends by naming who said it'; break;
    case 'quote-list':
      reason = `the quote is one of a list of quotes that share one speaker${said ? `, ${said}` : ''}`; break;
    case 'sentence-subject':
      reason = `there is no speech verb, so the words go to the person the sentence is about, ${who.name} (a guess)`; break;
    case 'speech-noun':
      reason = mention ? `the words are those of a claim, promise or call that the sentence gives to “${mention}”` : `the sentence gives the words to ${who.name} as their claim, promise or call`; break;
    case 'reported-speech':
      reason = said ? `${said} introduces the clause; there are no quotation marks` : 'a speaker and a speech verb govern the clause; there are no quotation marks'; break;
    case 'nearby-cue':
      reason = said ? `a neighbouring sentence has ${said}` : 'a neighbouring sentence has a speech verb and a speaker'; break;
    case 'continuation':
      reason = `the quote has no verb of its own and continues the previous quote by ${who.name}`; break;
    case 'floating-paragraph':
      reason = `the paragraph is only a quote, so it keeps the previous speaker, ${who.name}`; break;
    case 'action-beat':
      reason = `there is no speech verb; the sentence just before it opens with ${mention ? `“${mention}”, ${who.name},` : who.name} and what they do`; break;
    case 'addressee':
      reason = `a reply in a dialogue: the turn before called ${who.name} by name`; break;
    case 'narrator':
      reason = `the narrator says “I”, and the other characters call the narrator ${who.name}`; break;
    case 'alternation':
      reason = 'in a dialogue, a turn with no verb goes to the speaker two turns back'; break;
    case 'pronoun':
      reason = `${said || 'a pronoun and a speech verb'} goes with the quote, and “${mention || 'the pronoun'}” refers to ${who.name}, the nearest person it fits`; break;
    case 'role-noun':
      reason = `${said || 'a role and a speech verb'} goes with the quote, and the article gave ${who.name} that role`; break;
    default:
      reason = q.rule_explanation || 'a rule linked the quote to the speaker';
  }
  const score = typeof q.confidence === 'number' ? q.confidence.toFixed(2) : '?';
  const why = `${confidenceWord(q.confidence)} confidence (${score}): ${reason}.`;
  const meta = [q.rule_explanation ? `Rule ${q.rule}: ${q.rule_explanation}.` : '', reported ? 'Reported speech, not a direct quote.' : ''].filter(Boolean).join(' ');
  return { title: `${what} · ${who.name}${who.role ? ', ' + who.role : ''}`, why, meta };
}

/** Fill the tooltip element with the explanation of quote qi. */
export function fillTooltip(tip, qi) {
  const { state } = ctx;
  const q = state.ann.quotes[qi];
  const { title, why, meta } = explainQuote(q, state.text, state.ann.people);
  tip.replaceChildren(el('div', 't-who', title), el('div', 't-why', why));
  if (meta) tip.append(el('div', 't-meta', meta));
  if (q.speaker !== null && q.speaker !== undefined && q.kind !== 'non-speech') {
    const bar = el('span', 'conf');
    bar.setAttribute('aria-hidden', 'true');
    const fill = document.createElement('i');
    fill.style.width = Math.round(q.confidence * 100) + '%';
    bar.append(fill);
    tip.lastChild.append(' ', bar);
  }
}

// ---------------------------------------------------------------------------------------
// Offsets to DOM ranges

function textIndex() {
  if (view.index) return view.index;
  const article = ctx.$('article');
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  const starts = [], nodes = [];
  let at = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    starts.push(at);
    nodes.push(n);
    at += n.data.length;
  }
  view.index = { starts, nodes, length: at };
  return view.index;
}

function locate(offset) {
  const { starts, nodes, length } = textIndex();
  if (offset > length) return null; // not built yet (a long article is built in slices)
  let lo = 0, hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid; else hi = mid - 1;
  }
  const node = nodes[lo];
  if (!node) return null;
  return { node, offset: Math.min(node.data.length, offset - starts[lo]) };
}

/** The client rects of text [s, e) in the article, or []. */
export function rectsOf(s, e) {
  if (s === null || s === undefined || !(e > s)) return [];
  const a = locate(s), b = locate(e);
  if (!a || !b) return [];
  const range = document.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  return [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
}

// ---------------------------------------------------------------------------------------
// The link from a quote to its speaker and cue

function overlay() {
  if (view.overlay) return view.overlay;
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.id = 'link-overlay';
  svg.setAttribute('class', 'link-overlay');
  svg.setAttribute('aria-hidden', 'true');
  document.body.append(svg);
  view.overlay = svg;
  return svg;
}

function svgEl(name, attrs) {
  const e = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

// The speaker mention the link goes to: the one the rule used, else the speaker's mention
// nearest the quote.
function speakerSpan(q) {
  if (q.speaker_start !== null && q.speaker_start !== undefined && q.speaker_end > q.speaker_start) return [q.speaker_start, q.speaker_end];
  const p = ctx.state.ann.people[q.speaker];
  if (!p || !p.mentions.length) return null;
  let best = null, d = Infinity;
  for (const m of p.mentions) {
    const dist = m.end <= q.start ? q.start - m.end : m.start >= q.end ? m.start - q.end : 0;
    if (dist < d) { d = dist; best = m; }
  }
  return best ? [best.start, best.end] : null;
}

function curve(from, to) {
  const dx = to.x - from.x, dy = to.y - from.y;
  const lift = Math.max(18, Math.min(70, Math.hypot(dx, dy) * 0.3));
  return `M${from.x.toFixed(1)} ${from.y.toFixed(1)} C${from.x.toFixed(1)} ${(from.y - lift).toFixed(1)} ${to.x.toFixed(1)} ${(to.y - lift).toFixed(1)} ${to.x.toFixed(1)} ${to.y.toFixed(1)}`;
}

function draw() {
  const svg = overlay();
  svg.replaceChildren();
  const qi = view.link;
  if (qi === null || !ctx.state.ann) { svg.toggleAttribute('hidden', true); return; }
  const q = ctx.state.ann.quotes[qi];
  if (!q || q.speaker === null || q.speaker === undefined) { svg.toggleAttribute('hidden', true); return; }
  const qr = rectsOf(q.start, q.end);
  const sp = speakerSpan(q);
  const sr = sp ? rectsOf(sp[0], sp[1]) : [];
  if (!qr.length || !sr.length) { svg.toggleAttribute('hidden', true); return; }
  svg.toggleAttribute('hidden', false);
  const colour = view.accent.get(q.speaker) || 'currentColor';
  svg.style.setProperty('--link', colour);
  const start = { x: qr[0].left + 2, y: qr[0].top + 1 };
  const to = sr[0];
  const end = { x: to.left + to.width / 2, y: to.top };
  // A halo in the page's colour under each line keeps it apart from the text it crosses.
  svg.append(svgEl('path', { class: 'link-halo', d: curve(start, end) }));
  svg.append(svgEl('path', { class: 'link-line', d: curve(start, end), 'data-to': 'speaker' }));
  svg.append(svgEl('circle', { class: 'link-end', cx: start.x, cy: start.y, r: 3 }));
  for (const r of sr) svg.append(svgEl('rect', { class: 'link-box', x: r.left - 2, y: r.top - 1, width: r.width + 4, height: r.height + 2, rx: 3 }));
  const cr = q.cue_start !== null && q.cue_start !== undefined ? rectsOf(q.cue_start, q.cue_end) : [];
  if (cr.length) {
    const c = cr[0];
    const cend = { x: c.left + c.width / 2, y: c.top };
    // The cue right next to the speaker ("said Jane Smith") needs no line of its own.
    if (Math.abs(cend.y - end.y) > 4 || Math.abs(cend.x - end.x) > 200) {
      svg.append(svgEl('path', { class: 'link-halo', d: curve(start, cend) }));
      svg.append(svgEl('path', { class: 'link-line link-cue', d: curve(start, cend), 'data-to': 'cue' }));
    }
    for (const r of cr) svg.append(svgEl('line', { class: 'link-cue-mark', x1: r.left, y1: r.bottom, x2: r.right, y2: r.bottom }));
  }
}

/**
 * Where the tooltip of quote qi goes: under the quote, its speaker and its cue when they sit
 * close together (so it hides none of them), else under the quote's first line. A DOMRect-like
 * {left, bottom} in client coordinates, or null.
 */
export function tooltipRect(qi) {
  const q = ctx.state.ann && ctx.state.ann.quotes[qi];
  if (!q) return null;
  const qr = rectsOf(q.start, q.end);
  if (!qr.length) return null;
  const top = qr[0].top;
  const sp = q.speaker !== null && q.speaker !== undefined ? speakerSpan(q) : null;
  const all = [...qr, ...(sp ? rectsOf(sp[0], sp[1]) : []), ...rectsOf(q.cue_start, q.cue_end)];
  const near = all.filter((r) => r.top >= top - 2 && r.bottom - top < 180);
  return { left: qr[0].left, bottom: Math.max(...near.map((r) => r.bottom)) };
}

let frame = 0;
function redraw() {
  if (view.link === null || frame) return;
  frame = requestAnimationFrame(() => { frame = 0; draw(); });
}

/** Draw the link of quote qi (hover or focus). */
export function showLink(qi) {
  view.link = qi;
  draw();
}

/** Remove the link. */
export function hideLink() {
  view.link = null;
  if (view.overlay) { view.overlay.replaceChildren(); view.overlay.toggleAttribute('hidden', true); }
}

// ---------------------------------------------------------------------------------------
// Stepping through quotes

function speakerQuotes(id) {
  return ctx.state.ann.quotes.map((q, i) => (q.speaker === id && q.kind !== 'non-speech' ? i : -1)).filter((i) => i >= 0);
}

/** j / k: the next or previous quote, of the speaker picked in the panel if any. */
export function stepQuotes(dir) {
  const { state } = ctx;
  if (!state.ann) return;
  if (view.speaker !== null) {
    const mine = speakerQuotes(view.speaker);
    if (!mine.length) return;
    view.speakerAt = (view.speakerAt + dir + mine.length) % mine.length;
    announce(mine);
    ctx.focusQuote(mine[view.speakerAt]);
    return;
  }
  const n = state.quoteOrder.length;
  if (!n) return;
  // From none yet: j goes to the first quote, k to the last.
  state.current = state.current < 0 ? (dir > 0 ? 0 : n - 1) : (state.current + dir + n) % n;
  ctx.focusQuote(state.quoteOrder[state.current]);
}

function announce(mine) {
  const p = ctx.state.ann.people[view.speaker];
  const at = ctx.$('speakers').querySelector(`[data-speaker="${view.speaker}"] .at`);
  if (at) at.textContent = `${view.speakerAt + 1}/${mine.length}`;
  ctx.setStatus(`${p.name}: quote ${view.speakerAt + 1} of ${mine.length}. j / k for the next or previous one, Esc to step through every quote.`);
}

function pickSpeaker(id) {
  if (view.speaker !== id) { view.speaker = id; view.speakerAt = -1; }
  for (const b of ctx.$('speakers').querySelectorAll('button[data-speaker]')) {
    const on = Number(b.dataset.speaker) === id;
    b.setAttribute('aria-pressed', String(on));
    if (!on) b.querySelector('.at').textContent = '';
  }
  stepQuotes(1);
}

function unpickSpeaker() {
  if (view.speaker === null) return;
  view.speaker = null;
  for (const b of ctx.$('speakers').querySelectorAll('button[data-speaker]')) {
    b.setAttribute('aria-pressed', 'false');
    b.querySelector('.at').textContent = '';
  }
  ctx.setStatus('Stepping through every quote (j / k).');
}

// ---------------------------------------------------------------------------------------
// Panels

const words = (text, q) => (text.slice(q.content_start, q.content_end).match(/\S+/g) || []).length;

/**
 * The speakers of an annotation, most quoted first: [{id, name, role, aliases, quotes,
 * reported, share}], share being the speaker's part of all words in direct and partial
 * quotes (0..1), aliases the other names and the pronouns and roles that resolved to them.
 */
export function speakerSummary(text, ann) {
  const quoted = ann.quotes.filter((q) => q.kind === 'direct' || q.kind === 'partial');
  const total = quoted.reduce((n, q) => n + words(text, q), 0);
  const by = new Map();
  for (const q of ann.quotes) {
    if (q.speaker === null || q.speaker === undefined || q.kind === 'non-speech') continue;
    const s = by.get(q.speaker) || { quotes: 0, reported: 0, words: 0 };
    if (q.kind === 'reported') s.reported++;
    else { s.quotes++; s.words += words(text, q); }
    by.set(q.speaker, s);
  }
  return [...by.entries()].map(([id, s]) => {
    const p = ann.people[id];
    const long = (a) => a.length > p.name.length && a.endsWith(p.name); // "French President Emmanuel Macron"
    const names = (p.aliases || []).filter((a) => a !== p.name && !long(a));
    // (Pronouns and roles in lower case, as in running text; the narrator's "I" stays "I".)
    const lower = (s) => (s === 'I' ? s : s.toLowerCase());
    const others = p.mentions.filter((m) => m.kind !== 'name').map((m) => lower(text.slice(m.start, m.end).trim()).replace(/^the\s+/, 'the '));
    const aliases = [...new Set([...names, ...others])];
    return { id, name: p.name, role: p.role || null, aliases, quotes: s.quotes, reported: s.reported, share: total ? s.words / total : 0 };
  }).sort((a, b) => (b.quotes + b.reported) - (a.quotes + a.reported) || b.share - a.share);
}

function renderSpeakers() {
  const { state, $ } = ctx;
  const { ann, text } = state;
  const list = $('speakers');
  list.replaceChildren();
  const ranked = speakerSummary(text, ann);
  for (const s of ranked) {
    const li = document.createElement('li');
    const b = document.createElement('button');
    b.type = 'button';
    b.dataset.speaker = s.id;
    b.setAttribute('aria-pressed', String(view.speaker === s.id));
    const pct = Math.round(s.share * 100);
    const counts = s.quotes && s.reported ? `${plural(s.quotes, 'quote')} + ${s.reported} reported`
      : s.quotes ? plural(s.quotes, 'quote') : `${s.reported} reported`;
    b.setAttribute('aria-label', `${s.name}${s.role ? ', ' + s.role : ''}: ${counts}, ${pct}% of the quoted words`
      + `${s.aliases.length ? '. Also called ' + s.aliases.join(', ') : ''}. Step through their quotes.`);
    const dot = el('span', 'dot');
    dot.style.background = view.accent.get(s.id);
    const count = el('span', 'count', String(s.quotes + s.reported));
    count.title = counts;
    b.append(dot, el('span', 'who', s.name), count);
    if (s.role) b.append(el('span', 'sub role', s.role));
    if (s.aliases.length) b.append(el('span', 'sub aliases', '← ' + s.aliases.join(', ')));
    b.append(el('span', 'sub counts', `${counts} · ${pct}% of the quoted words`));
    const bar = el('span', 'share');
    const fill = document.createElement('i');
    fill.style.width = (s.share * 100).toFixed(1) + '%';
    fill.style.background = view.accent.get(s.id);
    bar.append(fill);
    b.append(bar, el('span', 'at'));
    b.addEventListener('click', () => pickSpeaker(s.id));
    li.append(b);
    list.append(li);
  }
  $('speakers-empty').hidden = ranked.length > 0;
  $('speakers-empty').textContent = 'No quote could be linked to a speaker.';
  const speaking = new Set(ranked.map((s) => s.id));
  const others = ann.people.filter((p, i) => p.kind === 'person' && !speaking.has(i)).map((p) => p.name);
  $('mentioned').hidden = others.length === 0;
  $('mentioned').textContent = others.length ? 'Also mentioned: ' + others.join(', ') + '.' : '';
}

/** Places grouped like the map groups them (same name at the same point), first mention first. */
function placeGroups(places) {
  const groups = new Map();
  places.forEach((p, i) => {
    const key = Number.isFinite(p.lat) && Number.isFinite(p.lon) ? placeKey(p) : `${p.name}|${p.country || ''}`;
    if (!groups.has(key)) groups.set(key, { key, p, indices: [] });
    groups.get(key).indices.push(i);
  });
  return [...groups.values()].sort((a, b) => b.indices.length - a.indices.length || a.indices[0] - b.indices[0]);
}

function goToPlace(key) {
  const g = view.places.find((x) => x.key === key);
  if (!g) return;
  const at = ((view.placeAt.get(key) ?? -1) + 1) % g.indices.length;
  view.placeAt.set(key, at);
  for (const b of ctx.$('places').querySelectorAll('button[data-key]')) b.setAttribute('aria-pressed', String(b.dataset.key === key));
  if (view.map) view.map.select(key);
  showPlaceMention(g, at);
}

/** Scroll to mention `at` of place group g, light it and focus it (once it is built). */
function showPlaceMention(g, at, again = false) {
  const key = g.key;
  const article = ctx.$('article');
  const i = g.indices[at];
  const spans = article.querySelectorAll(`.l[data-l="${i}"]`);
  const span = spans[0];
  // A long article still being built (app.js): the mention comes once it is there.
  if (!span || article.inert) {
    if (!again && ctx.whenBuilt) ctx.whenBuilt(() => { if (view.places.includes(g) && (view.placeAt.get(key) ?? -1) === at) showPlaceMention(g, at, true); });
    return;
  }
  article.querySelectorAll('.l.lit').forEach((s) => s.classList.remove('lit'));
  spans.forEach((s) => s.classList.add('lit'));
  span.tabIndex = -1;
  const calm = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  span.scrollIntoView({ block: 'center', behavior: calm ? 'auto' : 'smooth' });
  span.focus({ preventScroll: true });
  span.classList.remove('flash'); void span.offsetWidth; span.classList.add('flash');
  ctx.setStatus(`${placeTitle(g.p)}: mention ${at + 1} of ${g.indices.length}.`);
}

function renderPlaces() {
  const { state, $ } = ctx;
  const { ann } = state;
  const list = $('places');
  list.replaceChildren();
  view.places = placeGroups(ann.places);
  view.placeAt = new Map();
  for (const g of view.places) {
    const { p } = g;
    const n = g.indices.length;
    const li = document.createElement('li');
    const b = document.createElement('button');
    b.type = 'button';
    b.dataset.key = g.key;
    b.setAttribute('aria-pressed', 'false');
    // A town too small for the gazetteer (found by its context: "Brelton Police Chief …"),
    // a county or a street known by its suffix: named, but with no coordinates.
    const amb = p.candidates > 1 ? `ambiguous: ${p.candidates} places have this name`
      : p.lat === null || p.lat === undefined ? 'not on the map' : '';
    b.setAttribute('aria-label', `${placeTitle(p)} (${p.kind}): ${plural(n, 'mention')}${amb ? ', ' + amb : ''}. Go to the next mention.`);
    const dot = el('span', 'dot');
    dot.style.background = 'var(--place)';
    b.append(dot, el('span', 'who', placeTitle(p)), el('span', 'count', plural(n, 'mention')));
    b.append(el('span', 'sub', [p.kind, amb].filter(Boolean).join(' · ')));
    b.addEventListener('click', () => goToPlace(g.key));
    li.append(b);
    list.append(li);
  }
  $('places-empty').hidden = view.places.length > 0;
  $('places-empty').textContent = 'No place names found.';
  // The map after the article: drawing 200 outlines must not hold up the first highlight.
  clearTimeout(view.mapTimer);
  const svg = $('map');
  if (!svg) return;
  svg.closest('figure').hidden = ann.places.length === 0;
  const ann0 = ann;
  const draw = () => {
    if (ctx.state.ann !== ann0) return;
    view.map = mapModule.renderMap(svg, ann0.places, {
      onSelect: (group) => goToPlace(group.key),
      label: ann0.places.length ? `World map of ${plural(view.places.length, 'place')} named in the article; pick one to go to its mentions` : undefined,
    });
    svg.dataset.ready = 'true';
  };
  view.mapWanted = null;
  view.mapTimer = setTimeout(() => {
    if (ctx.state.ann !== ann0 || !ann0.places.length) return;
    if (mapModule) draw();
    else { view.mapWanted = draw; loadMap(); } // drawn when map.js has come
  }, 30);
}

/** After app.js rendered an annotation: rebuild the panels (the map shortly after). */
export function renderReading(speakerOf, accent) {
  view.accent = accent;
  view.index = null;
  if (view.speaker !== null && !(ctx.state.ann.people[view.speaker] && speakerOf.has(view.speaker))) view.speaker = null;
  view.speakerAt = -1;
  hideLink();
  const svg = ctx.$('map');
  if (svg) { delete svg.dataset.ready; view.map = null; }
  renderSpeakers();
  // The places of a long article (tens of thousands of mentions) in a task of their own.
  clearTimeout(view.placesTimer);
  const ann = ctx.state.ann;
  if (ann.quotes.length + ann.places.length > 5000) view.placesTimer = setTimeout(() => { if (ctx.state.ann === ann) renderPlaces(); }, 0);
  else renderPlaces();
}

/** The page was cleared. */
export function clearReading() {
  hideLink();
  clearTimeout(view.mapTimer);
  view.mapWanted = null;
  clearTimeout(view.placesTimer);
  view.speaker = null;
  view.places = [];
  view.map = null;
  const svg = ctx.$('map');
  if (svg) { svg.replaceChildren(); delete svg.dataset.ready; svg.closest('figure').hidden = true; }
}

/** Once, from app.js: ctx = {state, $, focusQuote, setStatus}. */
export function initReading(c) {
  ctx = c;
  const article = ctx.$('article');
  new MutationObserver(() => { view.index = null; redraw(); }).observe(article, { childList: true, subtree: true });
  window.addEventListener('scroll', redraw, { passive: true });
  window.addEventListener('resize', redraw);
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && view.speaker !== null && !e.target.closest('[role="menu"]')) unpickSpeaker();
  });
  const box = ctx.$('show-reported');
  if (box) {
    const apply = () => article.classList.toggle('hide-reported', !box.checked);
    box.addEventListener('change', apply);
    apply();
  }
}
