/**
 * Which POSTs to /share-target the service worker accepts (docs/privacy.md "Storage rules"). Any web
 * site can make a browser submit a form to our origin; only the OS share sheet and the app itself
 * may put files into the inbox, and never more than the device can hold.
 *
 * Browsers do not show a service worker the request's Sec-Fetch-Site, but they do give the
 * navigation's initiating client: a share from the OS has none (`clientId` is empty), a form on a
 * page has that page's client, which `clients.get` finds only when it is of our origin. A referrer
 * or Origin from another site is refused too.
 */

/** Largest share the inbox keeps, in bytes; larger exports are imported from the Import page, which streams them from disk. */
export const MAX_SHARE_BYTES = 512 * 2 ** 20;

export type ShareRefusal = 'origin' | 'size';

export interface ShareRequestFacts {
  /** `FetchEvent.clientId`: empty for a navigation the browser or the OS started. */
  clientId: string;
  /** Whether `clients.get(clientId)` found a client (only clients of our own origin are found). */
  clientIsOurs: boolean;
  referrer: string;
  /** The Origin header ("null" when a policy hides it). */
  originHeader: string | null;
  ourOrigin: string;
}

/** Why a share request is refused, or undefined when it may go on. */
export function refuseShare(f: ShareRequestFacts): ShareRefusal | undefined {
  if (f.clientId !== '' && !f.clientIsOurs) return 'origin';
  if (f.referrer && new URL(f.referrer).origin !== f.ourOrigin) return 'origin';
  if (f.originHeader && f.originHeader !== 'null' && f.originHeader !== f.ourOrigin) return 'origin';
  return undefined;
}

/** Whether files of `totalBytes` may be kept: under the cap and leaving the reserve free. */
export function refuseShareSize(totalBytes: number, freeBytes: number | undefined, reserveBytes: number): ShareRefusal | undefined {
  if (totalBytes > MAX_SHARE_BYTES) return 'size';
  if (freeBytes !== undefined && totalBytes + reserveBytes > freeBytes) return 'size';
  return undefined;
}
