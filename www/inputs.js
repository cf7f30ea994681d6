// Saywhere inputs: turn what the reader gives us (file bytes, clipboard HTML) into plain text.
//
// - decode(bytes): UTF-8 (BOM optional), UTF-16 LE/BE (with a BOM, or without one by where
//   the NUL bytes are), else Windows-1252; binary files are refused with a clear message.
// - markdownToText(md): block structure kept (headings, list items, paragraphs), syntax gone.
// - htmlToText(html): the main article text of a page (not its menus, footers, asides or
//   cookie banners), parsed by DOMParser into an inert document: nothing runs, nothing loads.
// - readZip / zipEntry: a small ZIP reader (central directory; stored and deflate entries,
//   inflated with DecompressionStream('deflate-raw')), used by docxToText.
// - readFile(file): the file-type dispatch; resolves with {name, text} or throws an
//   InputError whose message is meant for the reader.
//
// Everything but htmlToText and readFile runs in Node as well (tests/js/inputs.test.mjs).

/** Files larger than this are refused (the worker copes, but the reader would wait). */
export const MAX_BYTES = 20 * 1024 * 1024;
/** A .docx whose text part inflates to more than this is refused (a ZIP bomb, or not an article). */
const MAX_INFLATED = 100 * 1024 * 1024;

/** An error whose message is written for the reader. */
export class InputError extends Error {
  constructor(message) { super(message); this.name = 'InputError'; }
}

// ---------------------------------------------------------------- text encodings

// Windows-1252 bytes 0x80–0x9F (the rest is Latin-1). The five undefined bytes map to the
// C1 controls of the same value, as the WHATWG Encoding standard does. Written out here
// because some TextDecoder implementations (Node 20) decode 'windows-1252' as Latin-1.
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Windows-1252 to a string, in chunks (a 20 MB file must not build one giant array). */
export function decodeWindows1252(bytes) {
  const parts = [];
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const end = Math.min(bytes.length, i + CHUNK);
    let s = '';
    for (let j = i; j < end; j++) {
      const b = bytes[j];
      s += b >= 0x80 && b <= 0x9f ? CP1252[b - 0x80] : String.fromCharCode(b);
    }
    parts.push(s);
  }
  return parts.join('');
}

/** UTF-16 to a string; big-endian input is byte-swapped into a copy first. */
function decodeUtf16(bytes, bigEndian) {
  let b = bytes;
  if (b.length % 2) b = b.subarray(0, b.length - 1);
  if (bigEndian) {
    const swapped = new Uint8Array(b.length);
    for (let i = 0; i + 1 < b.length; i += 2) { swapped[i] = b[i + 1]; swapped[i + 1] = b[i]; }
    b = swapped;
  }
  return new TextDecoder('utf-16le').decode(b);
}

/** Whether a UTF-16 file without a byte-order mark is likely: in text that is mostly Latin
 *  script, every other byte is NUL (the high byte), and the bytes in between almost never are. */
export function guessUtf16(bytes) {
  const n = Math.min(bytes.length, 8192) & ~1;
  if (n < 2) return null;
  let even = 0, odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd >= pairs * 0.3 && even <= pairs * 0.02) return 'utf-16le';
  if (even >= pairs * 0.3 && odd <= pairs * 0.02) return 'utf-16be';
  return null;
}

/** Control characters other than tab, line breaks and form feed, in the first 8,192 units. */
function controlCount(units, n) {
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const c = units(i);
    if (c < 0x20 && c !== 9 && c !== 10 && c !== 12 && c !== 13) controls++;
  }
  return controls;
}

const binaryMessage = (name) => `${name} looks like a binary file, not text. Saywhere reads .txt, .md, .html and .docx files.`;

/** Decode file bytes: UTF-8 (BOM optional), UTF-16 (BOM, or NUL-byte pattern), else Windows-1252.
 *  Throws an InputError for a binary file. */
export function decode(bytes, name = 'This file') {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes.subarray(2), false);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes.subarray(2), true);
  const utf16 = guessUtf16(bytes);
  if (utf16) {
    const text = decodeUtf16(bytes, utf16 === 'utf-16be');
    const n = Math.min(text.length, 8192);
    if (!text.slice(0, n).includes('\0') && controlCount((i) => text.charCodeAt(i), n) <= n / 20) return text;
  }
  const head = bytes.subarray(0, 8192);
  // NUL bytes, or many control characters other than tab, line breaks and form feed: not text.
  if (head.includes(0) || controlCount((i) => head[i], head.length) > head.length / 20) {
    throw new InputError(binaryMessage(name));
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

// ---------------------------------------------------------------- Markdown

// Every repeated part is bounded (or stops at the character that would end it), so no line,
// however hostile, costs more than linear time.
const INLINE = [
  [/!\[([^\]\[\n]{0,1000})\]\([^()\n]{0,2000}\)/g, '$1'], // images: their alt text
  [/\[([^\]\[\n]{1,1000})\]\([^()\n]{0,2000}\)/g, '$1'],  // links: their text
  [/\[([^\]\[\n]{1,1000})\]\[[^\]\[\n]{0,200}\]/g, '$1'], // reference links
  [/<((?:https?|mailto):[^<>\s]{1,2000})>/g, '$1'],  // autolinks
  [/`([^`\n]+)`/g, '$1'],                           // inline code
  [/<\/?[A-Za-z][^<>\n]{0,500}>/g, ''],            // inline HTML tags
  [/\*\*(?=\S)((?:[^*\n]|\*(?!\*)){0,1000}?\S)\*\*/g, '$1'], // strong (never across another **)
  [/__(?=\S)((?:[^_\n]|_(?!_)){0,1000}?\S)__/g, '$1'],
  [/(^|[^\w*])\*(?=\S)([^*\n]*?\S)\*(?!\w)/g, '$1$2'], // emphasis with *
  [/(^|[^\w])_(?=\S)([^_\n]*?\S)_(?!\w)/g, '$1$2'], // emphasis with _ (never inside snake_case)
  [/~~(?=\S)((?:[^~\n]|~(?!~)){0,1000}?\S)~~/g, '$1'], // strikethrough
  [/\\([\\`*_{}[\]()#+\-.!>~|])/g, '$1'],            // escapes
];

function inline(s) {
  for (const [re, to] of INLINE) s = s.replace(re, to);
  return s;
}

/** Markdown to plain text: headings, list items and paragraphs become paragraphs (one
 *  per block, lines of a paragraph joined), the inline syntax goes, the words stay. */
export function markdownToText(md) {
  const lines = md.replace(/\r\n?/g, '\n').split('\n');
  const out = [];
  let cur = [];
  const flush = () => {
    if (cur.length) out.push(inline(cur.join('')).trim());
    cur = [];
  };
  const add = (line) => {
    // A hard line break (two trailing spaces or a backslash) stays a line break.
    const hard = / {2,}$/.test(line) || /\\$/.test(line);
    const text = line.replace(/\\$/, '').trim();
    if (cur.length && !/\n$/.test(cur[cur.length - 1])) cur.push(' ');
    cur.push(text + (hard ? '\n' : ''));
  };
  let i = 0;
  // YAML front matter.
  if (lines[0] === '---') {
    const end = lines.indexOf('---', 1);
    if (end > 0) i = end + 1;
  }
  let fence = null;
  for (; i < lines.length; i++) {
    let line = lines[i];
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length) { fence = null; out.push(cur.join('\n')); cur = []; }
      else cur.push(line);
      continue;
    }
    if (f) { flush(); fence = f[1]; continue; }
    line = line.replace(/^(\s{0,3}>\s?)+/, ''); // block quotes: their text
    if (!line.trim()) { flush(); continue; }
    const h = /^\s{0,3}#{1,6}(?:\s|$)/.exec(line);
    if (h) { flush(); cur = [line.slice(h[0].length).trim().replace(/\s#+$/, '').trim()]; flush(); continue; }
    if (/^\s{0,3}(=+|-+)\s*$/.test(line) && cur.length) { flush(); continue; } // setext underline
    if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) { flush(); continue; } // rule
    if (/^\s{0,3}\[[^\]]+\]:\s*\S+/.test(line)) continue; // link definition
    if (/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line)) continue; // table rule
    const item = /^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?(.*)$/.exec(line);
    if (item) { flush(); add(item[1]); continue; }
    if (/^\s*\|.*\|\s*$/.test(line)) { flush(); cur = [line.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim()).join('\t')]; flush(); continue; }
    add(line);
  }
  if (fence) out.push(cur.join('\n'));
  else flush();
  return out.filter((p) => p.trim()).join('\n\n');
}

// ---------------------------------------------------------------- HTML

const BLOCK = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE',
  'PRE', 'TR', 'FIGCAPTION', 'FIGURE', 'HEADER', 'DT', 'DD', 'TABLE', 'UL', 'OL', 'DL', 'ADDRESS', 'HR', 'CAPTION', 'BODY']);
// Never text: removed before anything is read.
const JUNK = 'script, style, noscript, template, iframe, object, embed, svg, math, canvas, video, audio, picture, map, '
  + 'form, button, select, input, textarea, dialog, [hidden], [aria-hidden="true"], [role="dialog"], [role="alertdialog"]';
// Around the article, not the article.
const CHROME = 'nav, footer, aside, menu, [role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"], '
  + '[role="search"], [role="menu"], [role="menubar"]';
// Class or id words of page furniture (after Mozilla Readability's list), unless the element
// also looks like content.
const UNLIKELY = /cookie|consent|gdpr|banner|newsletter|subscri|share|sharing|social|related|recommend|promo|advert|sponsor|\bads?\b|\bad[-_]|[-_]ad\b|comment|disqus|breadcrumb|sidebar|skip|menu|\bnav|footer|masthead|popup|modal|paywall|signup|outbrain|taboola|tags?\b|byline-social|print-only|sr-only|visually-hidden/i;
const LIKELY = /article|body|content|main|story|post|entry|text|column|prose/i;

function textLength(el) { return (el.textContent || '').replace(/\s+/g, ' ').trim().length; }

function linkDensity(el) {
  const all = textLength(el) || 1;
  let links = 0;
  for (const a of el.querySelectorAll('a')) links += textLength(a);
  return links / all;
}

/** The element holding the article: the largest <article> (or articleBody), else <main>,
 *  else the block with the most paragraph text (scored as Readability does). */
function mainElement(doc) {
  const body = doc.body || doc.documentElement;
  const total = textLength(body) || 1;
  const biggest = (els) => [...els].reduce((best, el) => (!best || textLength(el) > textLength(best) ? el : best), null);
  const article = biggest(doc.querySelectorAll('article, [itemprop="articleBody"]'));
  if (article && textLength(article) >= Math.min(200, total * 0.25)) return article;
  const main = biggest(doc.querySelectorAll('main, [role="main"]'));
  if (main && textLength(main) >= Math.min(200, total * 0.25)) return main;
  const scores = new Map();
  for (const p of doc.querySelectorAll('p, pre, td, blockquote')) {
    const text = (p.textContent || '').trim();
    if (text.length < 25) continue;
    const score = 1 + (text.match(/,/g) || []).length + Math.min(Math.floor(text.length / 100), 3);
    const parent = p.parentElement;
    if (parent) scores.set(parent, (scores.get(parent) || 0) + score);
    const grand = parent && parent.parentElement;
    if (grand) scores.set(grand, (scores.get(grand) || 0) + score / 2);
  }
  let best = null, bestScore = 0;
  for (const [el, s] of scores) {
    const score = s * (1 - linkDensity(el));
    if (score > bestScore) { best = el; bestScore = score; }
  }
  // A best block that holds little of the page's prose is a teaser: read the whole body.
  return best && textLength(best) >= total * 0.2 ? best : (article || main || body);
}

/** The visible text under `root`: block elements become paragraphs, <br> a line break. */
function blockText(root) {
  const out = [];
  const walk = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) out.push(child.nodeValue.replace(/\s+/g, ' '));
      else if (child.nodeType === 1) {
        const tag = child.tagName.toUpperCase();
        if (tag === 'BR') { out.push('\n'); continue; }
        if (tag === 'PRE') { out.push('\n\n', child.textContent, '\n\n'); continue; }
        if (tag === 'TD' || tag === 'TH') out.push(' ');
        const block = BLOCK.has(tag);
        if (block) out.push('\n\n');
        walk(child);
        if (block) out.push('\n\n');
      }
    }
  };
  walk(root);
  return out.join('').split('\n').map((l) => l.trim()).join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

const ATTRS = /\s(on[a-z]+|href|src|srcset|srcdoc|data|action|formaction|xlink:href|style|background|poster|ping|content)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi;

/** `s` without the elements whose opening tags `open` finds (group 1: the name), each up to
 *  its closing tag (`close(name)`: a global RegExp). Linear: once a name has no closing tag
 *  left, its later openings are kept for the parser (which runs nothing) rather than searched. */
function stripElements(s, open, close) {
  let out = '', last = 0, m;
  const unclosed = new Set();
  open.lastIndex = 0;
  while ((m = open.exec(s))) {
    const name = m[1].toLowerCase();
    if (unclosed.has(name)) continue;
    const re = close(name);
    re.lastIndex = open.lastIndex;
    const c = re.exec(s);
    if (!c) { unclosed.add(name); continue; }
    out += s.slice(last, m.index) + ' ';
    last = open.lastIndex = c.index + c[0].length;
  }
  return out + s.slice(last);
}

/** Parse HTML into a document that can never run or load anything. */
function inertDocument(html) {
  // Scripts, styles and embedded documents go before parsing, and so does every attribute
  // that could name a handler or a resource: DOMParser's document has no browsing context
  // and runs nothing, and the CSP forbids inline handlers anyway, but then the browser never
  // even considers them. Only text is read from what is left.
  const cleaned = stripElements(html, /<(script|style|svg|math|iframe|object|embed|noscript|template|textarea|title)\b/gi,
    (name) => new RegExp(`</${name}\\s*>`, 'gi'))
    .replace(/<[a-z][^<>]*>/gi, (t) => t.replace(ATTRS, ''));
  return new DOMParser().parseFromString(cleaned, 'text/html');
}

/** The article text of an HTML page (or, with {whole: true}, all its visible text, as for
 *  pasted HTML): headings and paragraphs become paragraphs; menus, footers, asides and
 *  cookie banners are left out. Nothing in the HTML runs or loads. */
export function htmlToText(html, { whole = false } = {}) {
  const titleMatch = /<title[^>]*>([^<]*)<\/title>/i.exec(html);
  const doc = inertDocument(html);
  doc.querySelectorAll(JUNK).forEach((el) => el.remove());
  let root = doc.body || doc.documentElement;
  if (!whole) {
    doc.querySelectorAll(CHROME).forEach((el) => el.remove());
    const total = textLength(root);
    // The page's own header (site name, menu), not an article's header (its headline).
    doc.querySelectorAll('header').forEach((el) => { if (!el.closest('article, main, [role="main"]')) el.remove(); });
    for (const el of [...doc.querySelectorAll('[class], [id]')]) {
      if (!el.isConnected || /^(HTML|BODY|ARTICLE|MAIN)$/i.test(el.tagName)) continue;
      const words = (el.getAttribute('class') || '') + ' ' + (el.getAttribute('id') || '');
      if (UNLIKELY.test(words) && !LIKELY.test(words) && !el.querySelector('article, main')
        && textLength(el) < total / 2) el.remove();
    }
    root = mainElement(doc);
  }
  let title = '';
  if (!whole && !root.querySelector('h1')) {
    const h1 = doc.querySelector('h1');
    title = h1 ? blockText(h1) : (titleMatch ? titleMatch[1].replace(/\s+/g, ' ').trim() : '');
  }
  const body = blockText(root);
  return (title && !body.startsWith(title) ? title + '\n\n' : '') + body;
}

// ---------------------------------------------------------------- ZIP and .docx

/** A damaged or unreadable ZIP archive. */
export class ZipError extends Error {
  constructor(message) { super(message); this.name = 'ZipError'; }
}

const u16 = (b, i) => b[i] | (b[i + 1] << 8);
const u32 = (b, i) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;

/** The entries of a ZIP archive, from its central directory: Map name → {name, method,
 *  flags, compressedSize, size, offset, encrypted}. Throws a ZipError if it is damaged. */
export function readZip(bytes) {
  // The end-of-central-directory record: in the last 22 + 65,535 (comment) bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (u32(bytes, i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new ZipError('it is not a ZIP archive, or its end is missing');
  const count = u16(bytes, eocd + 10);
  const size = u32(bytes, eocd + 12);
  const start = u32(bytes, eocd + 16);
  if (start === 0xffffffff || count === 0xffff) throw new ZipError('it is a ZIP64 archive, which Saywhere does not read');
  if (start + size > eocd) throw new ZipError('its table of contents points outside the file');
  const entries = new Map();
  let p = start;
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) throw new ZipError('its table of contents is damaged');
    const flags = u16(bytes, p + 8);
    const nameLen = u16(bytes, p + 28), extraLen = u16(bytes, p + 30), commentLen = u16(bytes, p + 32);
    const name = new TextDecoder('utf-8').decode(bytes.subarray(p + 46, p + 46 + nameLen));
    entries.set(name, {
      name,
      flags,
      method: u16(bytes, p + 10),
      compressedSize: u32(bytes, p + 20),
      size: u32(bytes, p + 24),
      offset: u32(bytes, p + 42),
      encrypted: (flags & 1) === 1,
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

async function inflateRaw(data, limit) {
  const ds = new DecompressionStream('deflate-raw');
  const writer = ds.writable.getWriter();
  writer.write(data).catch(() => {});
  writer.close().catch(() => {});
  const reader = ds.readable.getReader();
  const chunks = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > limit) {
        reader.cancel().catch(() => {});
        throw new ZipError('a part of it unpacks to more than its table of contents says');
      }
      chunks.push(value);
    }
  } catch (e) {
    if (e instanceof ZipError) throw e;
    throw new ZipError('a part of it is damaged and cannot be unpacked');
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  return out;
}

/** The bytes of one entry (stored or deflated). Throws a ZipError if it cannot be read. */
export async function zipEntry(bytes, entry, { maxBytes = MAX_INFLATED } = {}) {
  if (entry.encrypted) throw new ZipError('it is encrypted (password-protected)');
  const p = entry.offset;
  if (p + 30 > bytes.length || u32(bytes, p) !== 0x04034b50) throw new ZipError('a part of it is missing or damaged');
  const start = p + 30 + u16(bytes, p + 26) + u16(bytes, p + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ZipError('it is cut short');
  if (entry.size > maxBytes) throw new ZipError('a part of it is too large to read');
  const data = bytes.subarray(start, end);
  if (entry.method === 0) {
    if (entry.size !== entry.compressedSize) throw new ZipError('a part of it is damaged');
    return data;
  }
  if (entry.method === 8) {
    const out = await inflateRaw(data, entry.size);
    if (out.length !== entry.size) throw new ZipError('a part of it is damaged (wrong length)');
    return out;
  }
  throw new ZipError(`a part of it is packed with a method Saywhere does not read (${entry.method})`);
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(s) {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e) => {
    if (e[0] !== '#') return ENTITIES[e] ?? m;
    const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : '';
  });
}

const WORD_NS = /xmlns:([\w.-]+)\s*=\s*["'](?:http:\/\/schemas\.openxmlformats\.org\/wordprocessingml\/2006\/main|http:\/\/purl\.oclc\.org\/ooxml\/wordprocessingml\/main)["']/;

/** The paragraphs of a WordprocessingML part (word/document.xml): the text of w:t in runs,
 *  w:tab a tab, w:br and w:cr a line break; deleted text, field codes and the fallback copies
 *  of drawings are left out. Paragraphs are separated by a blank line. */
export function wordXmlToText(xml) {
  const ns = (WORD_NS.exec(xml) || [, 'w'])[1];
  // Alternate content: the Choice is read, the Fallback (a copy of the same text) is not.
  xml = stripElements(xml, /<((?:[\w.-]+:)?Fallback)\b/g, () => /<\/(?:[\w.-]+:)?Fallback\s*>/g);
  const paragraphs = [];
  const stack = [];
  let cur = '', inText = false, inRun = 0, moved = 0;
  const tag = /<(\/?)([\w.-]+):([\w.-]+)\b[^<>]*?(\/?)>|<[^<>]*>|([^<]+)/g;
  let m;
  while ((m = tag.exec(xml))) {
    if (m[5] !== undefined) {
      if (inText && !moved) cur += unescapeXml(m[5]);
      continue;
    }
    if (m[2] !== ns) continue;
    const closing = m[1] === '/', selfClosing = m[4] === '/', name = m[3];
    switch (name) {
      case 'p':
        if (selfClosing) paragraphs.push('');
        else if (!closing) { stack.push(cur); cur = ''; }
        else { paragraphs.push(cur); cur = stack.length ? stack.pop() : ''; }
        break;
      case 'r':
        if (!selfClosing) inRun += closing ? -1 : 1;
        if (inRun < 0) inRun = 0;
        break;
      case 't':
        inText = !closing && !selfClosing;
        break;
      case 'moveFrom': // tracked changes: the text where it was moved from is gone
        if (!selfClosing) moved = Math.max(0, moved + (closing ? -1 : 1));
        break;
      case 'tab': if (inRun && !closing) cur += '\t'; break;
      case 'br': case 'cr': if (inRun && !closing) cur += '\n'; break;
      case 'noBreakHyphen': if (inRun && !closing) cur += '\u2011'; break;
      default: break;
    }
  }
  if (cur) paragraphs.push(cur);
  return paragraphs.map((p) => p.replace(/[ \t]+$/gm, '')).filter((p) => p.trim()).join('\n\n');
}

const isZip = (b) => b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5 || b[2] === 7);
const isOle = (b) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

/** The text of a .docx file's main document. Throws an InputError with a message for the reader. */
export async function docxToText(bytes, name = 'This file') {
  if (isOle(bytes)) {
    throw new InputError(`${name} is password-protected (encrypted) or is an old Word .doc file, and Saywhere cannot open it. `
      + 'In Word, remove the password (File › Info › Protect Document) or save it as a .docx, then open it again.');
  }
  if (!isZip(bytes)) throw new InputError(`${name} is not a valid .docx file (it is not a Word package); it may be damaged.`);
  let xml;
  try {
    const entries = readZip(bytes);
    let main = 'word/document.xml';
    const rels = entries.get('_rels/.rels');
    if (rels) {
      const relsXml = new TextDecoder('utf-8').decode(await zipEntry(bytes, rels, { maxBytes: 1 << 20 }));
      for (const r of relsXml.match(/<Relationship\b[^>]*>/g) || []) {
        if (/Type\s*=\s*["'][^"']*\/officeDocument["']/.test(r)) {
          const target = /Target\s*=\s*["']\/?([^"']+)["']/.exec(r);
          if (target && entries.has(target[1])) main = target[1];
        }
      }
    }
    const entry = entries.get(main);
    if (!entry) throw new InputError(`${name} is not a Word document (it has no word/document.xml).`);
    const part = await zipEntry(bytes, entry);
    xml = part[0] === 0xff && part[1] === 0xfe ? decodeUtf16(part.subarray(2), false)
      : part[0] === 0xfe && part[1] === 0xff ? decodeUtf16(part.subarray(2), true)
        : new TextDecoder('utf-8').decode(part);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${name} cannot be read as a .docx: ${e instanceof ZipError ? e.message : 'it is damaged'}.`);
  }
  return wordXmlToText(xml);
}

// ---------------------------------------------------------------- files

/** What a file holds, by its name (and type): 'docx', 'html', 'markdown', 'text', or
 *  'doc' / 'unsupported' for formats Saywhere cannot read. */
export function fileKind(name, type = '') {
  const n = name.toLowerCase();
  if (/\.docx$/.test(n) || type === 'application/vnd.openxmlformats-officedocument.wordprocessingml.document') return 'docx';
  if (/\.doc$/.test(n)) return 'doc';
  if (/\.(pdf|odt|rtf|pages|epub|zip|gz|7z|rar|png|jpe?g|gif|webp|heic|mp[34]|m4a|wav|mov|exe|dmg|xlsx?|pptx?)$/.test(n)) return 'unsupported';
  if (/\.(html?|xhtml)$/.test(n)) return 'html';
  if (/\.(md|markdown|mdown|mkd)$/.test(n)) return 'markdown';
  return 'text';
}

/** An HTML file that is not UTF-8 but declares its charset (<meta charset>, or http-equiv
 *  Content-Type) in its first 2 KB is decoded with it (ISO-8859-2, KOI8-R, Shift_JIS…). */
function declaredCharset(bytes, text) {
  if (bytes[0] === 0xfe || bytes[0] === 0xff) return text; // UTF-16, by its byte-order mark
  const head = decodeWindows1252(bytes.subarray(0, 2048));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  if (!m) return text;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text; // valid UTF-8: it is UTF-8, whatever it says
  } catch { /* not UTF-8: the declared charset, if the browser knows it */ }
  try {
    const dec = new TextDecoder(m[1].toLowerCase());
    return dec.encoding === 'windows-1252' ? text : dec.decode(bytes);
  } catch {
    return text;
  }
}

/** Read one File: resolves with {name, text}; throws an InputError with a message for the reader. */
export async function readFile(file) {
  const label = `“${file.name}”`;
  if (file.size === 0) throw new InputError(`${label} is empty.`);
  if (file.size > MAX_BYTES) throw new InputError(`${label} is ${(file.size / 1048576).toFixed(0)} MB; Saywhere reads files up to 20 MB.`);
  const kind = fileKind(file.name, file.type);
  if (kind === 'doc') {
    throw new InputError(`${label} is an old Word .doc file, which Saywhere cannot read: save it as .docx in Word, or paste the text.`);
  }
  if (kind === 'unsupported') {
    throw new InputError(`Saywhere cannot read ${label} yet: open a .txt, .md, .html or .docx file, or paste the text.`);
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text;
  if (kind === 'docx') text = await docxToText(bytes, label);
  else {
    text = decode(bytes, label);
    if (kind === 'html') text = declaredCharset(bytes, text);
    if (kind === 'html' || (kind === 'text' && /^\s*<(!doctype html|html|head|body|article)/i.test(text))) text = htmlToText(text);
    else if (kind === 'markdown') text = markdownToText(text);
  }
  if (!text.trim()) throw new InputError(`${label} has no readable text.`);
  return { name: file.name, text };
}

/** The plain text of a paste: the plain-text flavour when there is one, else the text of
 *  its HTML. '' when the clipboard holds no text. */
export function clipboardText(data) {
  if (!data) return '';
  const plain = data.getData('text/plain');
  if (plain) return plain;
  const html = data.getData('text/html');
  return html ? htmlToText(html, { whole: true }) : '';
}

/** Put `text` at the text box's caret (replacing the selection), as a paste would: through
 *  the editing commands where the browser has them, so Undo takes it back. */
export function insertText(box, text) {
  box.focus();
  let done = false;
  if (text.length < 1e6 && typeof document.execCommand === 'function') {
    try { done = document.execCommand('insertText', false, text); } catch { done = false; }
  }
  if (!done) {
    box.setRangeText(text, box.selectionStart, box.selectionEnd, 'end');
    box.dispatchEvent(new Event('input', { bubbles: true }));
  }
}

/** Pasting. Into the text box: its plain text (the plain-text flavour of rich content, or
 *  the text of HTML-only content), at the caret. Anywhere else on the page but a text
 *  field (over the annotated article, say): a new article, `newArticle(text)`. */
export function wirePaste(box, { newArticle }) {
  box.addEventListener('paste', (e) => {
    const text = clipboardText(e.clipboardData);
    if (!text) return;
    e.preventDefault();
    insertText(box, text);
  });
  document.addEventListener('paste', (e) => {
    if (e.defaultPrevented) return;
    const t = e.target;
    if (t && t.closest && t.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])')) return;
    const text = clipboardText(e.clipboardData);
    if (!text.trim()) return;
    e.preventDefault();
    newArticle(text);
  });
}
