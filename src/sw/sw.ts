/// <reference lib="webworker" />
/**
 * Doppel's service worker: precaches the whole app (JS, CSS, HTML, icons, tfjs wasm) so that it runs
 * offline after the first load, claims open pages on first install, waits with updates until the user
 * chooses to reload, and receives files shared into the app (Web Share Target).
 */
import { addPlugins, cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { CSP_HEADER, PERMISSIONS_POLICY } from '../csp.ts';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { INBOX_CACHE, INBOX_PREFIX } from '../inbox/constants.ts';
import { freeBytes, RESERVE_BYTES } from '../data/storage.ts';
import { refuseShare, refuseShareSize } from './share-guard.ts';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<string | { url: string; revision: string | null }> };

// Every response served from the precache carries the CSP header, so the workers (which take their
// policy from their own script's headers, not from the page's <meta>) are fenced in on any host; and
// the Permissions-Policy (the camera for the app's own pages only, no microphone or location).
addPlugins([
  {
    handlerWillRespond: async ({ response }) => {
      const headers = new Headers(response.headers);
      headers.set('Content-Security-Policy', CSP_HEADER);
      headers.set('X-Content-Type-Options', 'nosniff');
      headers.set('Permissions-Policy', PERMISSIONS_POLICY);
      return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
    },
  },
]);
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: [/^\/share-target/] }));

// First install: take control of the open page at once so it works offline without a reload.
// Updates do not skip waiting: the page shows "A new version is ready" and the user decides.
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// Web Share Target: keep the shared files in a local cache (never the network) and open the app.
// Only a share from the OS or the app itself, and only what the device can hold (share-guard.ts);
// the person still confirms each file in the inbox before it is imported.
self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'POST' || url.origin !== self.location.origin || url.pathname !== '/share-target') return;
  event.respondWith(
    (async () => {
      const refused = (why: string): Response => Response.redirect(`/?refused=${why}#/inbox`, 303);
      const { clientId, request } = event;
      const origin = refuseShare({
        clientId,
        clientIsOurs: clientId !== '' && (await self.clients.get(clientId)) !== undefined,
        referrer: request.referrer,
        originHeader: request.headers.get('Origin'),
        ourOrigin: self.location.origin,
      });
      if (origin) return refused(origin);
      const form = await request.formData();
      const files = form.getAll('files').filter((f): f is File => typeof f !== 'string');
      const total = files.reduce((sum, f) => sum + f.size, 0);
      const size = refuseShareSize(total, await freeBytes(), RESERVE_BYTES);
      if (size) return refused(size);
      const cache = await caches.open(INBOX_CACHE);
      let n = 0;
      for (const f of files) {
        const key = `${INBOX_PREFIX}${Date.now()}-${n++}`;
        await cache.put(
          key,
          new Response(f, {
            headers: {
              'Content-Type': f.type || 'application/octet-stream',
              'X-File-Name': encodeURIComponent(f.name),
              'Content-Length': String(f.size),
            },
          }),
        );
      }
      return Response.redirect(`/?shared=${n}#/inbox`, 303);
    })(),
  );
});
