import { INBOX_CACHE, INBOX_PREFIX } from './constants.ts';

/**
 * Files handed to the app by the OS: shared into it (Web Share Target, stored by the service worker)
 * or opened with it (File Handling API, stored here). They wait in a local Cache Storage entry
 * until imported or discarded; nothing leaves the device.
 */
export interface InboxEntry {
  key: string;
  name: string;
  bytes: number;
  type: string;
  /** A Doppel file (a backup or a share file, by its first bytes): it is opened, not imported. */
  doppel: boolean;
}

const hasCaches = (): boolean => typeof caches !== 'undefined';

export async function listInbox(): Promise<InboxEntry[]> {
  if (!hasCaches()) return [];
  const cache = await caches.open(INBOX_CACHE);
  const out: InboxEntry[] = [];
  for (const req of await cache.keys()) {
    const res = await cache.match(req);
    if (!res) continue;
    out.push({
      key: new URL(req.url).pathname,
      name: decodeURIComponent(res.headers.get('X-File-Name') ?? 'file'),
      bytes: Number(res.headers.get('Content-Length') ?? 0),
      type: res.headers.get('Content-Type') ?? '',
      doppel: await startsAsDoppel(res),
    });
  }
  return out;
}

/** Whether a kept file starts as a Doppel file, from its first bytes only (an export may be hundreds of MB). */
async function startsAsDoppel(res: Response): Promise<boolean> {
  const reader = res.body?.getReader();
  if (!reader) return false;
  const head: number[] = [];
  try {
    while (head.length < SHARE_MAGIC.length) {
      const { done, value } = await reader.read();
      if (done) break;
      head.push(...value.subarray(0, SHARE_MAGIC.length - head.length));
    }
  } finally {
    void reader.cancel().catch(() => undefined);
  }
  return String.fromCharCode(...head) === SHARE_MAGIC;
}

export async function addToInbox(files: File[]): Promise<number> {
  if (!hasCaches()) return 0;
  const cache = await caches.open(INBOX_CACHE);
  let n = 0;
  for (const f of files) {
    await cache.put(
      `${INBOX_PREFIX}${Date.now()}-${n++}`,
      new Response(f, {
        headers: {
          'Content-Type': f.type || 'application/octet-stream',
          'X-File-Name': encodeURIComponent(f.name),
          'Content-Length': String(f.size),
        },
      }),
    );
  }
  return n;
}

export async function inboxFile(key: string): Promise<File | undefined> {
  if (!hasCaches()) return undefined;
  const res = await (await caches.open(INBOX_CACHE)).match(key);
  if (!res) return undefined;
  const blob = await res.blob();
  return new File([blob], decodeURIComponent(res.headers.get('X-File-Name') ?? 'file'), { type: blob.type });
}

export async function discardFromInbox(key: string): Promise<void> {
  if (hasCaches()) await (await caches.open(INBOX_CACHE)).delete(key);
}

/**
 * Takes a Doppel file (a backup or a share file) out of the inbox: it is not imported but opened
 * where it belongs (pending-share.ts), so it is not kept here. Undefined when there is none.
 */
export async function takeDoppelFile(key?: string): Promise<File | undefined> {
  const entry = (await listInbox()).find((e) => e.doppel && (key === undefined || e.key === key));
  const file = entry && (await inboxFile(entry.key));
  if (entry) await discardFromInbox(entry.key);
  return file;
}

interface LaunchParams {
  files: FileSystemFileHandle[];
}
interface LaunchQueue {
  setConsumer(cb: (p: LaunchParams) => void): void;
}

const SHARE_MAGIC = 'DOPPELSH';

/** Whether a file is a Doppel share file (its first 8 bytes), not an export. */
export async function isShareFile(f: Blob): Promise<boolean> {
  return new TextDecoder().decode(await f.slice(0, 8).arrayBuffer()) === SHARE_MAGIC;
}

/**
 * File Handling API: files the OS opens with the installed app. Exports go to the inbox; a share
 * file (a patient's .doppel) goes to `onShare`, which opens the review screen with it.
 */
export function listenForLaunchedFiles(onFiles: (n: number) => void, onShare?: (f: File) => void): void {
  const lq = (globalThis as { launchQueue?: LaunchQueue }).launchQueue;
  lq?.setConsumer(async ({ files }) => {
    if (!files.length) return;
    const got = await Promise.all(files.map((h) => h.getFile()));
    const shares: File[] = [];
    const exports: File[] = [];
    for (const f of got) ((await isShareFile(f)) ? shares : exports).push(f);
    if (shares[0] && onShare) onShare(shares[0]);
    if (exports.length) onFiles(await addToInbox(exports));
  });
}
