/** Cache that holds files shared into the app until the user imports or discards them. */
export const INBOX_CACHE = 'doppel-inbox-v1';
/** Same-origin pseudo-URL prefix of inbox entries (never fetched from the network). */
export const INBOX_PREFIX = '/__inbox__/';
