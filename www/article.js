// The article's segments, made as they are needed. app.js builds the highlighted article
// a slice at a time (a few milliseconds of work per task, the first screenful first), so
// the segments come from a sweep that hands out one segment per call instead of a list of
// the whole text made up front (for a text of megabytes that list alone was a long task).
//
// A segment is a stretch of the text with the same highlights all through it:
// {s, e, q, p, l, c}: its UTF-16 offsets [s, e) and the index of the quote (q), person (p),
// place (l) and cue (c, by its quote's index) that cover it, each null when none does.
// Segments tile the text from 0 to its end, in order; an offset where any highlight starts
// or ends starts a new segment.

// The highlights come from sorted lists (the quotes, their cues, each person's mentions,
// the places: each in text order, as the annotator and corrections.js give them), so the
// sweep merges them as it goes (a heap of one cursor per list) instead of sorting them all
// up front. A list out of order is sorted first, on its own.

const KINDS = ['q', 'c', 'p', 'l'];

/**
 * The lists of highlights of `ann`: [{kind, index(k), start(k), end(k), n}], in the order
 * that breaks ties between highlights of one kind that start together (a later list, or a
 * later item of one list, wins the segment both cover, as it always did).
 * People are highlighted; organisations only where they speak ("the Kremlin said").
 */
function sourcesOf(ann) {
  const out = [];
  const list = (kind, items, index, start, end) => {
    const n = items.length;
    if (!n) return;
    let order = null;
    for (let k = 1; k < n; k++) {
      if (start(k) < start(k - 1)) {
        order = Array.from({ length: n }, (_, j) => j).sort((a, b) => start(a) - start(b) || a - b);
        break;
      }
    }
    out.push(order
      ? { kind, n, index: (k) => index(order[k]), start: (k) => start(order[k]), end: (k) => end(order[k]) }
      : { kind, n, index, start, end });
  };
  const { quotes, people, places } = ann;
  list(0, quotes, (k) => k, (k) => quotes[k].start, (k) => quotes[k].end);
  const cued = [];
  quotes.forEach((q, i) => { if (q.cue_start !== null && q.cue_start !== undefined && q.speaker !== null) cued.push(i); });
  list(1, cued, (k) => cued[k], (k) => quotes[cued[k]].cue_start, (k) => quotes[cued[k]].cue_end);
  const speaks = new Set();
  for (const q of quotes) if (q.speaker !== null) speaks.add(q.speaker);
  people.forEach((p, i) => {
    if (p.kind === 'person' || speaks.has(i)) list(2, p.mentions, () => i, (k) => p.mentions[k].start, (k) => p.mentions[k].end);
  });
  list(3, places, (k) => k, (k) => places[k].start, (k) => places[k].end);
  return out;
}

/**
 * A sweep over the segments of `text` under annotation `ann`: `next()` returns the next
 * segment, or null after the last one; `at` is the offset the next segment starts at.
 * Each call costs the few highlights open there and a step of the merge.
 */
export function segmenter(text, ann) {
  const len = text.length;
  const sources = sourcesOf(ann);
  const at = new Array(sources.length).fill(0); // each list's next item
  // A binary min-heap of list numbers, by (start of their next item, list number).
  const heap = [];
  const less = (a, b) => {
    const sa = sources[a].start(at[a]), sb = sources[b].start(at[b]);
    return sa < sb || (sa === sb && a < b);
  };
  const up = (i) => {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(heap[i], heap[p])) break;
      [heap[i], heap[p]] = [heap[p], heap[i]];
      i = p;
    }
  };
  const down = (i) => {
    for (;;) {
      const l = 2 * i + 1, r = l + 1;
      let m = i;
      if (l < heap.length && less(heap[l], heap[m])) m = l;
      if (r < heap.length && less(heap[r], heap[m])) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m], heap[i]];
      i = m;
    }
  };
  sources.forEach((_, i) => { heap.push(i); up(heap.length - 1); });
  const peek = () => (heap.length ? sources[heap[0]].start(at[heap[0]]) : Infinity);
  const take = () => { // the next highlight, in order: {s, e, k, i}
    const h = heap[0], src = sources[h], k = at[h]++;
    const layer = { s: Math.max(0, src.start(k)), e: Math.min(len, src.end(k)), k: KINDS[src.kind], i: src.index(k) };
    if (at[h] < src.n) down(0);
    else { heap[0] = heap[heap.length - 1]; heap.pop(); if (heap.length) down(0); }
    return layer;
  };
  const active = []; // the highlights open at `pos`, in the order they started
  let pos = 0;
  return {
    get at() { return pos; },
    next() {
      if (pos >= len) return null;
      while (heap.length && peek() <= pos) {
        const layer = take();
        if (layer.e > layer.s && layer.e > pos) active.push(layer); // empty ones cover nothing
      }
      for (let j = active.length - 1; j >= 0; j--) if (active[j].e <= pos) active.splice(j, 1);
      let end = Math.min(peek(), len);
      for (const a of active) if (a.e < end) end = a.e;
      const seg = { s: pos, e: end, q: null, p: null, l: null, c: null };
      for (const a of active) seg[a.k] = a.i;
      pos = end;
      return seg;
    },
  };
}

/** Every segment of `text` at once (tests, and small texts). */
export function segments(text, ann) {
  const sweep = segmenter(text, ann);
  const out = [];
  for (let seg = sweep.next(); seg; seg = sweep.next()) out.push(seg);
  return out;
}
