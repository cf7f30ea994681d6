// Saywhere's service worker: the hosted page works offline after the first visit.
//
// build-site.sh (scripts/build_sw.py) fills in VERSION, a hash of every file of the built page,
// and PRECACHE, the list of those files; here in www/ they are a placeholder (nothing is
// precached, files are cached as they are used). A new build has a new VERSION, so the
// browser installs the new service worker in the background (it checks sw.js on every visit):
// the new one caches the whole new page first (all or nothing), then takes over and deletes
// the old caches. A page mixes no two versions: the files of one version live in one cache.
//
// Requests: same origin, GET only (the page sends nothing else and the CSP allows nothing
// remote). Cache first; a file of the page that is not in the cache (a development build, a
// file added since) is fetched, kept, and refreshed in the background on later use. A
// navigation when offline gets the cached page whatever its query string.
const VERSION = 'dev';
const PRECACHE = [];

const PREFIX = 'saywhere-';
const CACHE = PREFIX + VERSION;
const PRECACHED = new Set(PRECACHE.map((p) => new URL(p, self.location.href).href));

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // 'reload': straight from the server, never an older copy from the HTTP cache.
    await cache.addAll(PRECACHE.map((p) => new Request(p, { cache: 'reload' })));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || request.headers.has('range')) return;
  event.respondWith(respond(event, request, url));
});

async function respond(event, request, url) {
  const cache = await caches.open(CACHE);
  const navigate = request.mode === 'navigate';
  const key = navigate ? url.origin + url.pathname : request;
  let hit = await cache.match(key);
  if (!hit && navigate && url.href.startsWith(self.registration.scope)) {
    // The page itself, however it was addressed (./, index.html, ?query).
    hit = await cache.match(new URL('./', self.registration.scope).href) || await cache.match(new URL('index.html', self.registration.scope).href);
  }
  const refresh = () => fetch(request).then(async (response) => {
    if (response.ok && response.type === 'basic') await cache.put(key, response.clone());
    return response;
  });
  if (hit) {
    // A file outside the precache list is refreshed for next time; a precached one changes
    // only with a new VERSION (a new service worker), so the cache stays one version.
    if (!PRECACHED.has(url.origin + url.pathname)) event.waitUntil(refresh().catch(() => {}));
    return hit;
  }
  return refresh();
}
