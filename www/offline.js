// Offline for the hosted page: registers the service worker (sw.js) once the page has loaded,
// so the page works with no connection after the first visit and can be installed. Only on
// http(s): never from file://, never in the single-file build (which needs no network at all).

/** True where a service worker makes sense for this page. */
export function canUseServiceWorker(loc = globalThis.location, nav = globalThis.navigator) {
  if (!loc || !nav || !('serviceWorker' in nav)) return false;
  if (loc.protocol !== 'https:' && loc.protocol !== 'http:') return false;
  // The single file carries its own wasm and examples inline.
  if (globalThis.SAYWHERE_WASM_BYTES || globalThis.document?.getElementById('examples-data')) return false;
  return true;
}

/** Registers sw.js after the load event; resolves with the registration, or null. */
export function registerServiceWorker() {
  if (!canUseServiceWorker()) return Promise.resolve(null);
  const url = new URL('sw.js', import.meta.url);
  const go = () => navigator.serviceWorker.register(url).then((reg) => {
    document.documentElement.dataset.offline = 'registered';
    navigator.serviceWorker.ready.then(() => { document.documentElement.dataset.offline = 'ready'; });
    return reg;
  }).catch(() => null); // no service worker (private mode, blocked): the page works online as before
  if (document.readyState === 'complete') return go();
  return new Promise((resolve) => window.addEventListener('load', () => resolve(go()), { once: true }));
}
