import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './support/privacy.ts';
import { AppPage } from './pages/app-page.ts';

/** The built worker script of an entry (dist/assets/<name>.worker-<hash>.js). */
function workerUrl(name: string): string {
  const file = readdirSync(join(import.meta.dirname, '../../dist/assets')).find(
    (f) => f.startsWith(`${name}.worker-`) && f.endsWith('.js'),
  );
  if (!file) throw new Error(`no built ${name} worker in dist/assets: run vite build first`);
  return `/assets/${file}`;
}

/**
 * Timeline reads run in their own worker: a read sent while the twin worker is busy (seconds of
 * synchronous model work) is answered first. The built workers are started side by side in the page
 * and called over Comlink's wire protocol; the order of the answers is the assertion, not a time
 * budget. First the twin runs what-ifs, synchronous from its first instruction, so the reads are
 * certainly sent while it computes (one twin worker serving reads failed here: they came after);
 * then a calibration to the person's data, which the reads also do not wait for.
 */
test('timeline reads are answered while the twin worker computes', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await app.startDemo();
  const order = await page.evaluate(
    async ([twinUrl, readUrl]) => {
      let id = 0;
      const call = (w: Worker, name: string, args: unknown[] = []): Promise<unknown> =>
        new Promise((resolve, reject) => {
          const my = `${name}-${id++}`;
          const onMessage = (ev: MessageEvent<{ id: string; type: string; value: unknown }>): void => {
            if (ev.data?.id !== my) return;
            w.removeEventListener('message', onMessage);
            if (ev.data.type === 'RAW') resolve(ev.data.value);
            else reject(new Error(JSON.stringify(ev.data.value)));
          };
          w.addEventListener('message', onMessage);
          w.postMessage({ id: my, type: 'APPLY', path: [name], argumentList: args.map((value) => ({ type: 'RAW', value })) });
        });
      const twin = new Worker(twinUrl!, { type: 'module' });
      const read = new Worker(readUrl!, { type: 'module' });
      await Promise.all([call(twin, 'ping'), call(read, 'ping')]);
      const done: string[] = [];
      const now = Date.now();
      const reads = (phase: string): Promise<unknown> =>
        Promise.all([
          call(read, 'samples', ['demo', 'cgm_glucose', now - 86_400_000, now]).then((c) =>
            done.push(`${phase}: samples ${(c as { n: number }).n > 0}`),
          ),
          call(read, 'agp', ['demo', 14]).then((r) => done.push(`${phase}: agp ${(r as { ok: boolean }).ok}`)),
        ]);

      const person = { sex: 'male', ageYears: 52, heightM: 1.78, weightKg: 92, fastingGlucoseMgDl: 108, hba1cPercent: 5.9 };
      const scenarios = [{}, { weightChangeKg: -5 }, { activityMinutesPerWeek: 150 }];
      const whatIf = call(twin, 'whatIf', [person, scenarios, { members: 4000, years: 10, seed: 3 }]).then(() =>
        done.push('what-if: twin'),
      );
      await Promise.all([whatIf, reads('what-if')]);

      // A calibration of 4000 members to the demo person's data.
      const calibration = call(twin, 'forecast', ['demo', [{}], { members: 4000, seed: 11, years: 10 }]).then((r) =>
        done.push(`calibration: twin ${(r as { ok: boolean }).ok}`),
      );
      await Promise.all([calibration, reads('calibration')]);
      twin.terminate();
      read.terminate();
      return done;
    },
    [workerUrl('twin'), workerUrl('read')],
  );
  expect(order.slice(0, 2).sort()).toEqual(['what-if: agp true', 'what-if: samples true']);
  expect(order[2]).toBe('what-if: twin');
  expect(order.slice(3, 5).sort()).toEqual(['calibration: agp true', 'calibration: samples true']);
  expect(order[5]).toBe('calibration: twin true');
});
