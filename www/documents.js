// Saywhere documents: the articles open in the page (one a tab), and their persistence.
//
// Each document is {id, name, text, origin, edited}. The texts live in IndexedDB (database
// 'saywhere-documents': store 'docs' keyed by id, store 'meta' with the tab order and the
// active tab), because localStorage holds only about 5 MB; where IndexedDB is missing or
// refuses to open, everything goes to localStorage under 'saywhere.docs.v1' instead. The
// text of the previous version's single document, localStorage 'saywhere.text.v1', becomes
// a document on the first visit with this version (app.js still keeps that key up to date
// with the text being annotated, a synchronous copy that a crash cannot lose).
//
// The tab bar shows once two or more documents are open: role="tablist" owning one
// role="tab" button a document (arrow keys, Home/End, Delete closes), each followed by a
// close button with its own label. The close buttons sit beside the tabs, not inside the
// tablist's owned elements (aria-owns), so the tablist holds only tabs.

const DB_NAME = 'saywhere-documents';
const FALLBACK_KEY = 'saywhere.docs.v1';
const LEGACY_KEY = 'saywhere.text.v1';
const DRAFT_KEY = 'saywhere.draft.v1';
// Every document and the active tab, copied to localStorage as the page goes away while an
// IndexedDB write is still in flight (a navigation may abort it): read back, and moved to
// IndexedDB, on the next load.
const SNAPSHOT_KEY = 'saywhere.docs-snapshot.v1';
const DRAFT_DELAY = 400;

function idbRequest(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function openDb() {
  if (typeof indexedDB === 'undefined' || !indexedDB) return Promise.reject(new Error('no IndexedDB'));
  return new Promise((resolve, reject) => {
    let req;
    try { req = indexedDB.open(DB_NAME, 1); } catch (e) { reject(e); return; }
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains('docs')) db.createObjectStore('docs', { keyPath: 'id' });
      if (!db.objectStoreNames.contains('meta')) db.createObjectStore('meta');
    };
    req.onsuccess = () => {
      // Another page deletes or upgrades the database: let it (saves fall back to localStorage).
      req.result.onversionchange = () => req.result.close();
      resolve(req.result);
    };
    req.onerror = () => reject(req.error);
    req.onblocked = () => reject(new Error('IndexedDB is blocked'));
  });
}

const plain = (d) => ({ id: d.id, name: d.name, text: d.text, origin: d.origin, edited: !!d.edited });

/** The open documents, their tab bar and their storage. `onActivate(doc | null)` is called
 *  whenever another document becomes the one shown (null: none is left). */
export class Documents {
  constructor({ bar, onActivate, confirmClose = (msg) => confirm(msg) }) {
    this.bar = bar;
    this.onActivate = onActivate;
    this.confirmClose = confirmClose;
    this.docs = [];
    this.activeId = null;
    this.nextId = 1;
    this.db = null;          // an IDBDatabase, or null: localStorage
    this.draftTimer = null;
    this.pending = null;     // a draft not saved yet: {id, text}
    this.failed = false;     // the last save failed (storage full or disabled)
    this.inflight = 0;       // IndexedDB writes not yet complete
  }

  // ------------------------------------------------------------ state

  active() { return this.docs.find((d) => d.id === this.activeId) || null; }

  uniqueName(base, except = null) {
    const names = new Set(this.docs.filter((d) => d !== except).map((d) => d.name));
    if (!names.has(base)) return base;
    for (let n = 2; ; n++) if (!names.has(`${base} ${n}`)) return `${base} ${n}`;
  }

  /** Open a new document and show it. An empty active document (a blank text box) is
   *  reused rather than left behind. Returns the document; `onActivate` is not called
   *  (the caller shows it), unless `{show: true}`. */
  open(name, text, { origin = 'file', show = false } = {}) {
    this.flush();
    let doc = this.active();
    if (doc && !doc.text.trim()) {
      Object.assign(doc, { name: this.uniqueName(name, doc), text, origin, edited: false });
    } else {
      doc = { id: 'd' + Date.now().toString(36) + '-' + (this.nextId++), name: this.uniqueName(name), text, origin, edited: false };
      const at = this.docs.indexOf(this.active());
      this.docs.splice(at < 0 ? this.docs.length : at + 1, 0, doc);
    }
    this.activeId = doc.id;
    this.render();
    this.saveDoc(doc);
    this.saveMeta();
    if (show) this.onActivate(doc);
    return doc;
  }

  /** The text being annotated is the active document's text (one is made if none is open). */
  commit(text, name = 'Pasted text') {
    this.pending = null;
    clearTimeout(this.draftTimer);
    const doc = this.active();
    if (!doc) { if (text.trim()) this.open(name, text, { origin: 'paste' }); return; }
    if (doc.text === text) return;
    doc.text = text;
    doc.edited = true;
    this.saveDoc(doc);
  }

  /** The text box changed: save it as the active document's text, a moment later. */
  draft(text) {
    this.pending = { id: this.activeId, text };
    clearTimeout(this.draftTimer);
    this.draftTimer = setTimeout(() => this.flush(), DRAFT_DELAY);
  }

  /** Save a pending draft now (before another document is shown, or the page goes away:
   *  `{leaving: true}` also copies it to localStorage at once, as IndexedDB may not finish). */
  flush({ leaving = false } = {}) {
    clearTimeout(this.draftTimer);
    const p = this.pending;
    this.pending = null;
    if (!p) return;
    let doc;
    if (p.id === null) {
      if (!p.text.trim() || this.active()) return;
      doc = this.open('Untitled text', p.text, { origin: 'typed' });
    } else {
      doc = this.docs.find((d) => d.id === p.id);
      if (!doc || doc.text === p.text) return;
      doc.text = p.text;
      doc.edited = true;
      this.saveDoc(doc);
    }
    if (leaving) {
      try { localStorage.setItem(DRAFT_KEY, JSON.stringify({ id: doc.id, text: p.text })); this.draftCopied = true; } catch { /* too large or disabled */ }
    }
  }

  /** The page goes away: save a pending draft, and if IndexedDB has not finished writing,
   *  copy every document to localStorage (read back on the next load). */
  leave() {
    this.flush({ leaving: true });
    if (this.db && this.inflight > 0) {
      try { localStorage.setItem(SNAPSHOT_KEY, JSON.stringify({ active: this.activeId, docs: this.docs.map(plain) })); } catch { /* too large or disabled */ }
    }
  }

  /** Show another document (`notify: false`: the caller shows it). */
  activate(id, { focus = false, notify = true } = {}) {
    const doc = this.docs.find((d) => d.id === id);
    if (!doc) return;
    this.flush();
    if (id !== this.activeId) {
      this.activeId = id;
      this.saveMeta();
      this.render();
      if (notify) this.onActivate(doc);
    }
    if (focus) this.tabButton(id)?.focus();
  }

  /** Close a document (asking first if its text was typed or pasted here and would be lost). */
  close(id, { ask = true } = {}) {
    const i = this.docs.findIndex((d) => d.id === id);
    if (i < 0) return false;
    this.flush();
    const doc = this.docs[i];
    if (ask && doc.text.trim() && (doc.origin !== 'file' && doc.origin !== 'example' || doc.edited)) {
      const why = doc.origin === 'file' || doc.origin === 'example' ? 'Your changes to its text' : 'Its text, typed or pasted here,';
      if (!this.confirmClose(`Close “${doc.name}”? ${why} will be removed from this browser.`)) return false;
    }
    const focusTabs = this.bar.contains(document.activeElement);
    this.docs.splice(i, 1);
    this.deleteDoc(id);
    if (this.activeId === id) {
      const next = this.docs[Math.min(i, this.docs.length - 1)] || null;
      this.activeId = next ? next.id : null;
      this.saveMeta();
      this.render();
      if (!next) { try { localStorage.removeItem(LEGACY_KEY); } catch { /* ignore */ } }
      this.onActivate(next);
    } else {
      this.saveMeta();
      this.render();
    }
    if (focusTabs && this.activeId && !this.bar.hidden) this.tabButton(this.activeId)?.focus();
    return true;
  }

  /** Clear: the active document goes (the caller has asked already). */
  clearActive() {
    if (this.activeId) this.close(this.activeId, { ask: false });
  }

  // ------------------------------------------------------------ tab bar

  tabButton(id) { return this.bar.querySelector(`[role="tab"][data-id="${CSS.escape(id)}"]`); }

  render() {
    const bar = this.bar;
    const show = this.docs.length > 1;
    bar.hidden = !show;
    document.body.classList.toggle('has-tabs', show);
    if (!show) { bar.replaceChildren(); return; }
    const list = document.createElement('div');
    list.setAttribute('role', 'tablist');
    list.setAttribute('aria-label', 'Open documents');
    list.className = 'tablist';
    const items = [];
    for (const doc of this.docs) {
      const selected = doc.id === this.activeId;
      const item = document.createElement('div');
      item.className = 'tab' + (selected ? ' selected' : '');
      const tab = document.createElement('button');
      tab.type = 'button';
      tab.id = 'doc-tab-' + doc.id;
      tab.className = 'tab-name';
      tab.dataset.id = doc.id;
      tab.setAttribute('role', 'tab');
      tab.setAttribute('aria-selected', String(selected));
      tab.setAttribute('aria-keyshortcuts', 'Delete');
      tab.tabIndex = selected ? 0 : -1;
      tab.textContent = doc.name;
      tab.title = doc.name;
      const close = document.createElement('button');
      close.type = 'button';
      close.className = 'tab-close';
      close.dataset.close = doc.id;
      close.tabIndex = selected ? 0 : -1;
      close.setAttribute('aria-label', `Close ${doc.name}`);
      close.title = `Close ${doc.name}`;
      close.textContent = '×';
      item.append(tab, close);
      items.push(item);
    }
    list.setAttribute('aria-owns', this.docs.map((d) => 'doc-tab-' + d.id).join(' '));
    bar.replaceChildren(list, ...items);
    // The shown tab in view, when the tabs are wider than the bar (it scrolls sideways).
    const shown = bar.querySelector('.tab.selected');
    if (shown && bar.scrollWidth > bar.clientWidth) {
      if (shown.offsetLeft < bar.scrollLeft) bar.scrollLeft = shown.offsetLeft - 8;
      else if (shown.offsetLeft + shown.offsetWidth > bar.scrollLeft + bar.clientWidth) bar.scrollLeft = shown.offsetLeft + shown.offsetWidth - bar.clientWidth + 8;
    }
  }

  wire() {
    this.bar.addEventListener('click', (e) => {
      const close = e.target.closest('[data-close]');
      if (close) { this.close(close.dataset.close); return; }
      const tab = e.target.closest('[role="tab"]');
      if (tab) this.activate(tab.dataset.id);
    });
    // Middle click closes, as in a browser.
    this.bar.addEventListener('auxclick', (e) => {
      const tab = e.target.closest('[role="tab"]');
      if (tab && e.button === 1) { e.preventDefault(); this.close(tab.dataset.id); }
    });
    this.bar.addEventListener('keydown', (e) => {
      const tab = e.target.closest('[role="tab"]');
      if (!tab) return;
      const i = this.docs.findIndex((d) => d.id === tab.dataset.id);
      let to = null;
      if (e.key === 'ArrowRight') to = (i + 1) % this.docs.length;
      else if (e.key === 'ArrowLeft') to = (i - 1 + this.docs.length) % this.docs.length;
      else if (e.key === 'Home') to = 0;
      else if (e.key === 'End') to = this.docs.length - 1;
      else if (e.key === 'Delete') { e.preventDefault(); this.close(tab.dataset.id); return; }
      if (to === null) return;
      e.preventDefault();
      this.activate(this.docs[to].id, { focus: true });
    });
  }

  // ------------------------------------------------------------ storage

  /** Read the saved documents (migrating the previous version's text). Resolves with the
   *  active document, or null when nothing was saved. */
  async restore() {
    let saved = null;
    let stored = [];         // the ids IndexedDB holds
    try {
      this.db = await openDb();
      const tx = this.db.transaction(['docs', 'meta'], 'readonly');
      const [docs, meta] = await Promise.all([idbRequest(tx.objectStore('docs').getAll()), idbRequest(tx.objectStore('meta').get('tabs'))]);
      stored = docs.map((d) => d.id);
      if (docs.length) {
        const byId = new Map(docs.map((d) => [d.id, d]));
        const order = (meta && meta.order) || [];
        const ordered = [...order.filter((id) => byId.has(id)).map((id) => byId.get(id)), ...docs.filter((d) => !order.includes(d.id))];
        saved = { docs: ordered, active: meta && meta.active };
      }
    } catch {
      this.db = null;
    }
    let fromFallback = false;
    // The snapshot taken as the page went away, while IndexedDB was still writing, is what
    // the reader left, even when it is empty: a document closed (or cleared) just before a
    // reload must not come back from a delete that had not finished.
    let snapshot = false;
    try {
      const raw = localStorage.getItem(SNAPSHOT_KEY);
      if (raw) {
        localStorage.removeItem(SNAPSHOT_KEY);
        const snap = JSON.parse(raw);
        if (snap && Array.isArray(snap.docs)) {
          snapshot = true;
          saved = snap.docs.length ? snap : null;
          fromFallback = snap.docs.length > 0;
          const kept = new Set(snap.docs.map((d) => d && d.id));
          if (this.db) for (const id of stored) if (!kept.has(id)) this.deleteDoc(id);
          if (this.db && !snap.docs.length) this.saveMeta();
        }
      }
    } catch { /* unreadable: ignore */ }
    if (!saved && !snapshot) {
      try {
        const raw = localStorage.getItem(FALLBACK_KEY);
        if (raw) { saved = JSON.parse(raw); fromFallback = true; }
      } catch { /* unreadable: ignore */ }
    }
    if (saved && Array.isArray(saved.docs) && saved.docs.length) {
      this.docs = saved.docs.filter((d) => d && typeof d.id === 'string' && typeof d.text === 'string')
        .map((d) => ({ id: d.id, name: String(d.name || 'Untitled text'), text: d.text, origin: d.origin || 'file', edited: !!d.edited }));
      this.activeId = this.docs.some((d) => d.id === saved.active) ? saved.active : (this.docs[0] ? this.docs[0].id : null);
      // Saved in localStorage while IndexedDB was unavailable, and it is back: move them there.
      if (this.db && fromFallback) {
        this.saveAll();
        try { localStorage.removeItem(FALLBACK_KEY); } catch { /* ignore */ }
      }
    } else if (!snapshot) {
      let legacy = null;
      try { legacy = localStorage.getItem(LEGACY_KEY); } catch { /* storage disabled */ }
      if (legacy && legacy.trim()) this.open('Saved text', legacy, { origin: 'paste' });
    }
    // A draft copied as the page went away (its IndexedDB write may not have finished).
    try {
      const raw = localStorage.getItem(DRAFT_KEY);
      if (raw) {
        localStorage.removeItem(DRAFT_KEY);
        const p = JSON.parse(raw);
        if (p && typeof p.text === 'string') { this.pending = { id: this.docs.some((d) => d.id === p.id) ? p.id : null, text: p.text }; this.flush(); }
      }
    } catch { /* unreadable: ignore */ }
    this.render();
    return this.active();
  }

  saveAll() {
    for (const d of this.docs) this.saveDoc(d);
    this.saveMeta();
  }

  saveDoc(doc) {
    if (this.draftCopied && !this.pending) {
      // The page stayed (it was only hidden): a later save makes the copy stale.
      this.draftCopied = false;
      try { localStorage.removeItem(DRAFT_KEY); } catch { /* ignore */ }
    }
    if (this.db) this.write((tx) => tx.objectStore('docs').put(plain(doc)), 'docs');
    else this.saveFallback();
  }

  deleteDoc(id) {
    if (this.db) this.write((tx) => tx.objectStore('docs').delete(id), 'docs');
    else this.saveFallback();
  }

  saveMeta() {
    if (this.db) this.write((tx) => tx.objectStore('meta').put({ order: this.docs.map((d) => d.id), active: this.activeId }, 'tabs'), 'meta');
    else this.saveFallback();
  }

  write(fn, store) {
    try {
      const tx = this.db.transaction(store, 'readwrite');
      fn(tx);
      this.inflight++;
      tx.oncomplete = () => { this.inflight--; this.failed = false; };
      tx.onerror = tx.onabort = () => { this.inflight--; this.failed = true; };
    } catch {
      // The database went away (cleared by the user, say): keep going with localStorage.
      this.db = null;
      this.saveFallback();
    }
  }

  saveFallback() {
    try {
      localStorage.setItem(FALLBACK_KEY, JSON.stringify({ active: this.activeId, docs: this.docs.map(plain) }));
      this.failed = false;
    } catch {
      this.failed = true;
    }
  }
}
