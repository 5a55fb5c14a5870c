// Sokoni service worker.
// Pages: network first, so prices and stock are fresh; the last copy seen is served when the
// network is gone, and the offline page when there is no copy. Bundles (/pkg) are named by
// their content hash, so a cached one is always right: cache first, and a new release's bundles
// replace the old ones in the cache. Icons: network first, the cached copy offline.
// Server functions (/api) and other non-GET requests always go to the network.
const VERSION = "sokoni-v2";
const OFFLINE_URL = "/offline.html";
const PRECACHE = [OFFLINE_URL, "/manifest.webmanifest", "/icons/icon-192.png", "/icons/icon.svg"];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(VERSION).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== VERSION).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin || url.pathname.startsWith("/api/")) {
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(
      fetch(request)
        .then((response) => {
          // Only public pages are kept: account and console pages hold personal data.
          const personal = /^\/(account|admin|seller|cart|checkout)/.test(url.pathname);
          if (response.ok && !personal) {
            const copy = response.clone();
            caches.open(VERSION).then((cache) => cache.put(request, copy));
          }
          return response;
        })
        .catch(() => caches.match(request).then((hit) => hit || caches.match(OFFLINE_URL)))
    );
    return;
  }
  if (url.pathname.startsWith("/pkg/")) {
    event.respondWith(
      caches.match(request).then((hit) => hit || fetch(request).then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(VERSION).then((cache) => keepOnlyThisRelease(cache, url).then(() => cache.put(request, copy)));
        }
        return response;
      }))
    );
    return;
  }
  if (url.pathname.startsWith("/icons/")) {
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            caches.open(VERSION).then((cache) => cache.put(request, copy));
          }
          return response;
        })
        .catch(() => caches.match(request))
    );
  }
});

// "/pkg/sokoni.<hash>.wasm" → "/pkg/sokoni.*.wasm": the same bundle of another release.
function bundleKind(pathname) {
  return pathname.replace(/\.[A-Za-z0-9_-]+(\.[a-z]+)$/, ".*$1");
}

// Drops the other releases' copies of a bundle before a new one is cached.
function keepOnlyThisRelease(cache, url) {
  const kind = bundleKind(url.pathname);
  return cache.keys().then((requests) => Promise.all(requests
    .filter((r) => {
      const path = new URL(r.url).pathname;
      return path !== url.pathname && path.startsWith("/pkg/") && bundleKind(path) === kind;
    })
    .map((r) => cache.delete(r))));
}
