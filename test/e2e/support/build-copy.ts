import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from '@playwright/test';
import { guardContext, type PrivacyGuard } from './privacy.ts';
import { serveDir } from './static-server.ts';

/**
 * Its own copy of the build, served on its own origin, with a guarded browser context: a test that
 * "deploys" a new release edits files in `dir` without touching dist/ or other tests.
 */
export interface BuildCopy {
  dir: string;
  context: BrowserContext;
  privacy: PrivacyGuard;
  close(): Promise<void>;
}

export async function servedBuildCopy(browser: Browser): Promise<BuildCopy> {
  const dir = await mkdtemp(join(tmpdir(), 'doppel-update-'));
  await cp('dist', dir, { recursive: true });
  const server = await serveDir(dir);
  const context = await browser.newContext({ baseURL: server.url });
  const privacy = await guardContext(context, server.url);
  return {
    dir,
    context,
    privacy,
    async close() {
      await context.close();
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
