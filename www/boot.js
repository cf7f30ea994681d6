// What the page starts first: the wasm module's download and compile, and the annotation
// worker (worker.js) with its own scripts; on the hosted page also the worker's start-up (its
// word lists and gazetteer), while the page's own scripts still load.
//
// The hosted page loads this module twice: alone, from index.html's head (async, so it runs
// as soon as it arrives, long before the page's bundle has loaded and run), and inside
// app.bundle.js, where app.js imports it (scripts/build_hosted.py). The first evaluation
// does the work and keeps it in `globalThis.__saywhereBoot`; a later one only hands that on,
// so nothing starts twice. In the single file (scripts/build_single.py) it runs once, first
// in the bundle.

// The hosted page compiles the wasm here; each worker gets the compiled module instead of
// fetching and compiling it again. null (single file, old browser, any failure): the worker
// fetches it.
// (The URL is given whenever the glue loads the module itself: in a bundle, the glue's own
// default, next to pkg/saywhere.js, would point at the bundle's folder.)
const boot = globalThis.__saywhereBoot || (globalThis.__saywhereBoot = start(new URL('pkg/saywhere_bg.wasm', import.meta.url), new URL('worker.js', import.meta.url)));

export const wasmUrl = boot.wasmUrl;
export const compiled = boot.compiled;

/** The URL to start the worker from, and its type. */
export function workerSource() {
  return boot.workerSource();
}

/**
 * The worker started here, once, or null: {worker, error, messages, initSent}. `error` is a
 * message if it already failed; `messages` are the message events it sent before the page
 * listened (replay them); `initSent` tells that this module already gave it the compiled wasm
 * (its 'init' message).
 */
export function takeEarlyWorker() {
  return boot.take();
}

function start(wasmUrl, workerUrl) {
  const compiled = globalThis.SAYWHERE_WASM_BYTES || typeof WebAssembly !== 'object'
    || typeof WebAssembly.compileStreaming !== 'function'
    ? Promise.resolve(null)
    : WebAssembly.compileStreaming(fetch(wasmUrl)).catch(() => null);

  const workerSource = () => {
    // The single-file build inlines the worker's code (glue included) as a string, a classic
    // script: from file:// a module worker cannot start from a blob: URL.
    if (globalThis.SAYWHERE_WORKER_SOURCE) {
      const url = URL.createObjectURL(new Blob([globalThis.SAYWHERE_WORKER_SOURCE], { type: 'text/javascript' }));
      setTimeout(() => URL.revokeObjectURL(url), 10000);
      return { url, type: 'classic' };
    }
    return { url: workerUrl, type: 'module' };
  };

  // The first worker, started now. Until app.js takes it, its messages are kept and an error
  // (its script did not load) is noted. As soon as the wasm is compiled it gets the module
  // and builds its tables (worker.js warms up after 'init'), so that work is done by the
  // time the page can take a text.
  let early = null;
  if (typeof Worker === 'function') {
    try {
      const { url, type } = workerSource();
      const worker = new Worker(url, { type, name: 'saywhere-annotator' });
      const kept = (early = { worker, error: null, messages: [], initSent: false });
      worker.addEventListener('error', (e) => { if (early === kept) { e.preventDefault(); kept.error = e.message || 'the worker stopped'; } });
      worker.onmessage = (e) => { kept.messages.push(e); };
      compiled.then((module) => {
        if (!module || kept.error) return; // app.js sends 'init' (the worker fetches the wasm)
        try {
          worker.postMessage({ type: 'init', module });
          kept.initSent = true;
        } catch { /* a module that cannot be posted: app.js sends the bytes */ }
      });
    } catch {
      early = null; // app.js tries again, and works on the main thread if it cannot
    }
  }
  const take = () => {
    const e = early;
    early = null;
    return e;
  };
  return { wasmUrl, compiled, workerSource, take };
}
