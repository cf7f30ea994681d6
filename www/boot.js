// What the page starts first: the wasm module's download and compile, and the annotation
// worker (worker.js) with its own scripts. app.js imports this module before any other, so
// in the bundle the hosted page loads (scripts/build_hosted.py) and in the single file
// (scripts/build_single.py) its code runs first, before the rest of the page's is evaluated.

// The hosted page compiles the wasm here; each worker gets the compiled module instead of
// fetching and compiling it again. null (single file, old browser, any failure): the worker
// fetches it.
// (The URL is given whenever the glue loads the module itself: in a bundle, the glue's own
// default, next to pkg/saywhere.js, would point at the bundle's folder.)
export const wasmUrl = new URL('pkg/saywhere_bg.wasm', import.meta.url);
export const compiled = globalThis.SAYWHERE_WASM_BYTES || typeof WebAssembly !== 'object'
  || typeof WebAssembly.compileStreaming !== 'function'
  ? Promise.resolve(null)
  : WebAssembly.compileStreaming(fetch(wasmUrl)).catch(() => null);

/** The URL to start the worker from, and its type. */
export function workerSource() {
  // The single-file build inlines the worker's code (glue included) as a string, a classic
  // script: from file:// a module worker cannot start from a blob: URL.
  if (globalThis.SAYWHERE_WORKER_SOURCE) {
    const url = URL.createObjectURL(new Blob([globalThis.SAYWHERE_WORKER_SOURCE], { type: 'text/javascript' }));
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    return { url, type: 'classic' };
  }
  return { url: new URL('worker.js', import.meta.url), type: 'module' };
}

// The first worker, started now. It waits for the page's 'init' message before it does
// anything, so no message of its can come before app.js listens; an error (its script did
// not load) is kept for app.js.
let early = null;
if (typeof Worker === 'function') {
  try {
    const { url, type } = workerSource();
    const worker = new Worker(url, { type, name: 'saywhere-annotator' });
    early = { worker, error: null };
    const kept = early;
    worker.addEventListener('error', (e) => { if (early === kept) { e.preventDefault(); kept.error = e.message || 'the worker stopped'; } });
  } catch {
    early = null; // app.js tries again, and works on the main thread if it cannot
  }
}

/** The worker started here, once ({worker, error}: error, a message, if it already failed), or null. */
export function takeEarlyWorker() {
  const e = early;
  early = null;
  return e;
}
