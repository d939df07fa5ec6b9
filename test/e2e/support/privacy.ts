import { test as base, expect, type BrowserContext } from '@playwright/test';

/**
 * Every test runs under this guard: each request of the browser context (pages, workers and the
 * service worker) is checked against the app's own origin. A request anywhere else is blocked and
 * recorded, and the test fails at its end.
 */
export interface PrivacyGuard {
  origin: string;
  /** Requests to any other origin, in order. */
  foreign: string[];
  /** Every request seen, for tests that inspect them. */
  all: string[];
}

export async function guardContext(context: BrowserContext, origin: string): Promise<PrivacyGuard> {
  const guard: PrivacyGuard = { origin, foreign: [], all: [] };
  const allowed = (url: string): boolean => url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === origin;
  context.on('request', (r) => {
    guard.all.push(r.url());
    if (!allowed(r.url())) guard.foreign.push(r.url());
  });
  await context.route(
    (url) => !allowed(url.href),
    async (route) => {
      if (!guard.foreign.includes(route.request().url())) guard.foreign.push(route.request().url());
      await route.abort('blockedbyclient');
    },
  );
  return guard;
}

export const test = base.extend<{ privacy: PrivacyGuard }>({
  privacy: [
    async ({ context, baseURL }, use) => {
      const guard = await guardContext(context, new URL(baseURL!).origin);
      await use(guard);
      expect(guard.foreign, "requests to hosts other than the app's own origin").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
