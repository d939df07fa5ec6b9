import type { ManifestOptions } from 'vite-plugin-pwa';

/** Files the app accepts from the OS (file handler) and from other apps (share target). */
const ACCEPT: Record<string, string[]> = {
  'application/zip': ['.zip'],
  'application/xml': ['.xml'],
  'text/xml': ['.xml'],
  'application/json': ['.json'],
  'application/fhir+json': ['.json'],
  'application/x-ndjson': ['.ndjson'],
  'text/csv': ['.csv'],
};

/** What a Doppel file (share or backup) may be called when another app hands it over. */
const DOPPEL_TYPES = ['application/x-doppel-share', 'application/octet-stream'];

export const manifest: Partial<ManifestOptions> = {
  id: '/',
  name: 'Doppel: your private health twin',
  short_name: 'Doppel',
  description:
    'A private health twin that lives on your device: import your health exports, see your data, and explore what-if forecasts. Nothing is uploaded.',
  lang: 'en',
  dir: 'ltr',
  start_url: '/',
  scope: '/',
  display: 'standalone',
  orientation: 'any',
  background_color: '#0b1220',
  theme_color: '#0f766e',
  categories: ['health', 'medical', 'lifestyle'],
  icons: [
    { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: 'icons/maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
    { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
  // Exports go to the inbox; a patient's .doppel share file opens the review screen (src/inbox/inbox.ts).
  file_handlers: [
    { action: '/', accept: ACCEPT },
    { action: '/', accept: { 'application/x-doppel-share': ['.doppel'] } },
  ],
  share_target: {
    action: '/share-target',
    method: 'POST',
    enctype: 'multipart/form-data',
    params: {
      title: 'title',
      text: 'text',
      // A .doppel (a backup moving to this device, a share file) too: it opens the restore or review screen (InboxPage).
      // Android names a file it does not know application/octet-stream, so a .doppel shared from a file manager is that.
      files: [{ name: 'files', accept: [...Object.keys(ACCEPT), ...DOPPEL_TYPES, ...new Set(Object.values(ACCEPT).flat()), '.doppel'] }],
    },
  },
  launch_handler: { client_mode: 'focus-existing' },
};
