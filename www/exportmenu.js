// The Export menu (JSON, CSV of quotes, brat, Web Annotation, standalone HTML: files made in
// the page by exports.js and saved through a Blob link, nothing sent anywhere) and the import
// of a Saywhere JSON file to continue where one left off.
//
// app.js calls initExportMenu(ctx) once, with ctx = {
//   state,                                  the page state: text, raw (the annotator's
//                                           annotation), ann (as displayed, corrections applied)
//   $, setStatus,
//   showImported(text, raw, source),        shows an annotation without running the annotator
//   source?(),                              the name of the file the article came from
// }
// Any file opener (inputs.js) can hand a .json file's text to importSaywhereJSON(text, name).
//
// The JSON file holds the annotation as displayed (what other tools should read) and, when
// the reader corrected something, "corrections": {list, base}: the corrections (editor.js)
// and the annotator's own annotation they apply to, so that an import restores both and
// undo still works.
import { exportFiles, fromJSON, ImportError, SCHEMA } from './exports.js';
import { currentCorrections, replaceCorrections } from './editor.js';

let ctx = null;

const FORMATS = [
  { id: 'json', label: 'Saywhere JSON', hint: 'everything, to import again later', files: ['.saywhere.json'] },
  { id: 'csv', label: 'Quotes as CSV', hint: 'speaker, quote, kind, offsets', files: ['.quotes.csv'] },
  { id: 'brat', label: 'brat standoff', hint: '.txt and .ann, two files', files: ['.txt', '.ann'] },
  { id: 'jsonld', label: 'Web Annotation', hint: 'W3C JSON-LD', files: ['.jsonld'] },
  { id: 'html', label: 'Annotated page', hint: 'standalone HTML', files: ['.html'] },
];

/** A file name from the article: the source file's name, else the first words of its first line. */
export function baseName(text, source) {
  const from = source ? source.replace(/\.[a-z0-9]{1,8}$/i, '') : (text.split('\n').find((l) => l.trim()) || 'article').split(/\s+/).slice(0, 6).join(' ');
  const slug = from.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return slug || 'article';
}

function title(text) {
  const line = (text.split('\n').find((l) => l.trim()) || 'Annotated article').trim();
  return line.length > 120 ? line.slice(0, 117) + '…' : line;
}

/** What the JSON keeps of the reader's corrections, or undefined when there are none. */
function corrections() {
  const list = currentCorrections();
  if (!list.length || !ctx.state.raw) return undefined;
  const { schema, offsets, people, quotes, places } = ctx.state.raw;
  return { list, base: { schema, offsets, people, quotes, places } };
}

function download(name, mime, content) {
  const url = URL.createObjectURL(new Blob([content], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

/** Saves the chosen format; returns the names of the files. */
export function exportAs(id) {
  const { state } = ctx;
  if (!state.ann) throw new Error('Nothing to export yet: annotate an article first.');
  const fmt = FORMATS.find((f) => f.id === id);
  const source = ctx.source ? ctx.source() : undefined;
  const basename = baseName(state.text, source);
  const files = exportFiles(state.text, state.ann, { basename, corrections: corrections(), title: title(state.text) });
  const chosen = files.filter((f) => fmt.files.some((ext) => f.name === basename + ext));
  chosen.forEach((f, i) => setTimeout(() => download(f.name, f.mime, f.content), i * 250));
  return chosen.map((f) => f.name);
}

/**
 * Restores an article and its annotation (and corrections) from the text of a Saywhere
 * JSON file. Returns true; on a file that is not ours, says why in the status line and
 * returns false.
 */
export function importSaywhereJSON(source, name = 'the file') {
  let got;
  try {
    got = fromJSON(source);
  } catch (e) {
    const why = e instanceof ImportError ? e.message : String(e.message || e);
    ctx.setStatus(`Could not open ${name} as a Saywhere file: ${why}`, true);
    return false;
  }
  const c = got.corrections;
  if (c && typeof c === 'object' && Array.isArray(c.list) && c.base && typeof c.base === 'object') {
    let base = null;
    try {
      base = fromJSON(JSON.stringify({ ...c.base, schema: SCHEMA, text: got.text })).doc;
    } catch { /* a damaged base: show the annotation as it was displayed */ }
    if (base) {
      ctx.showImported(got.text, base, name);
      replaceCorrections(c.list);
      ctx.setStatus(`Opened ${name} with your ${c.list.length} correction${c.list.length === 1 ? '' : 's'} (not annotated again).`);
      return true;
    }
  }
  ctx.showImported(got.text, got.doc, name);
  return true;
}

function closeMenu(menu, button, focus = false) {
  menu.hidden = true;
  button.setAttribute('aria-expanded', 'false');
  if (focus) button.focus();
}

/** Once, from app.js. */
export function initExportMenu(c) {
  ctx = c;
  const button = ctx.$('export');
  const menu = ctx.$('export-menu');
  const file = ctx.$('import-file');
  for (const f of FORMATS) {
    const li = document.createElement('li');
    li.setAttribute('role', 'none');
    const b = document.createElement('button');
    b.type = 'button';
    b.setAttribute('role', 'menuitem');
    b.dataset.format = f.id;
    const label = document.createElement('span');
    label.className = 'm-label';
    label.textContent = f.label;
    const hint = document.createElement('span');
    hint.className = 'm-hint';
    hint.textContent = f.hint;
    b.append(label, hint);
    b.addEventListener('click', () => {
      closeMenu(menu, button, true);
      try {
        const names = exportAs(f.id);
        ctx.setStatus(`Saved ${names.join(' and ')} (made on this device, nothing uploaded).`);
      } catch (e) {
        ctx.setStatus(e.message || String(e), true);
      }
    });
    li.append(b);
    menu.append(li);
  }
  const sep = document.createElement('li');
  sep.setAttribute('role', 'separator');
  sep.className = 'm-sep';
  menu.append(sep);
  const li = document.createElement('li');
  li.setAttribute('role', 'none');
  const open = document.createElement('button');
  open.type = 'button';
  open.setAttribute('role', 'menuitem');
  open.dataset.format = 'import';
  const ol = document.createElement('span');
  ol.className = 'm-label';
  ol.textContent = 'Open a Saywhere JSON file…';
  const oh = document.createElement('span');
  oh.className = 'm-hint';
  oh.textContent = 'continue where you left off';
  open.append(ol, oh);
  open.addEventListener('click', () => { closeMenu(menu, button); file.click(); });
  li.append(open);
  menu.append(li);

  file.addEventListener('change', async () => {
    const f = file.files && file.files[0];
    file.value = '';
    if (!f) return;
    if (f.size > 50 * 1024 * 1024) { ctx.setStatus(`“${f.name}” is too large for a Saywhere file.`, true); return; }
    importSaywhereJSON(await f.text(), `“${f.name}”`);
  });

  const items = () => [...menu.querySelectorAll('[role="menuitem"]')].filter((b) => !b.disabled);
  const openMenu = (last = false) => {
    const hasAnn = !!ctx.state.ann;
    menu.querySelectorAll('button[data-format]').forEach((b) => {
      const off = b.dataset.format !== 'import' && !hasAnn;
      b.disabled = off;
      b.setAttribute('aria-disabled', String(off));
    });
    menu.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    const list = items();
    (last ? list[list.length - 1] : list[0])?.focus();
  };
  button.addEventListener('click', () => (menu.hidden ? openMenu() : closeMenu(menu, button)));
  button.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') { e.preventDefault(); openMenu(e.key === 'ArrowUp'); }
  });
  menu.addEventListener('keydown', (e) => {
    const list = items();
    const i = list.indexOf(document.activeElement);
    let next = null;
    if (e.key === 'ArrowDown') next = list[(i + 1) % list.length];
    else if (e.key === 'ArrowUp') next = list[(i - 1 + list.length) % list.length];
    else if (e.key === 'Home') next = list[0];
    else if (e.key === 'End') next = list[list.length - 1];
    else if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); closeMenu(menu, button, true); return; }
    else if (e.key === 'Tab') { closeMenu(menu, button); return; }
    if (next) { e.preventDefault(); next.focus(); }
  });
  document.addEventListener('click', (e) => {
    if (!menu.hidden && !e.target.closest('.export')) closeMenu(menu, button);
  });
}
