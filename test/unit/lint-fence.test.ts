import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The module fences in eslint.config.js, checked on probe sources as if they lived at these paths. */
const eslint = new ESLint();
const ruleIds = async (code: string, filePath: string): Promise<string[]> => {
  const [r] = await eslint.lintText(code, { filePath });
  return r!.messages.map((m) => `${m.ruleId}: ${m.message.split('.')[0]}`);
};

describe('lint fences', () => {
  it.each([
    ["import React from 'react'; export const x = React;", 'no-restricted-imports'],
    ["import Dexie from 'dexie'; export const x = Dexie;", 'no-restricted-imports'],
    ["import * as Comlink from 'comlink'; export const x = Comlink;", 'no-restricted-imports'],
    ["import { db } from '../src/data/db.ts'; export const x = db;", 'no-restricted-imports'],
    ['export const w = window.innerWidth;', 'no-restricted-globals'],
    ['export const d = document.title;', 'no-restricted-globals'],
    ['export const s = localStorage.length;', 'no-restricted-globals'],
    ["export const w = new Worker('x.js');", 'no-restricted-globals'],
    ["export const m = matchMedia('(x)');", 'no-restricted-globals'],
    ['export const e = HTMLElement;', 'no-restricted-globals'],
    ['export const r = requestAnimationFrame(() => 0);', 'no-restricted-globals'],
    ["export const f = fetch('/x');", 'no-restricted-globals'],
  ])('models/ rejects %s', async (code, rule) => {
    const ids = await ruleIds(code, 'models/probe.ts');
    expect(
      ids.some((m) => m.startsWith(rule)),
      ids.join('\n'),
    ).toBe(true);
  });

  it('models/ accepts pure code', async () => {
    expect(
      await ruleIds("import { METRICS } from './metrics.ts';\nexport const n = Object.keys(METRICS).length;\n", 'models/probe.ts'),
    ).toEqual([]);
  });

  it('the UI may not import tfjs or a worker entry, not even for a type', async () => {
    expect(await ruleIds("import * as tf from '@tensorflow/tfjs';\nexport const x = tf;\n", 'src/ui/probe.ts')).toEqual([
      "no-restricted-imports: '@tensorflow/tfjs' import is restricted from being used by a pattern",
    ]);
    const w = await ruleIds("import { x } from '../../workers/twin.worker.ts';\nexport const y = x;\n", 'src/ui/probe.ts');
    expect(w[0]).toMatch(/^no-restricted-imports/);
    for (const entry of ['twin.worker.ts', 'ml.worker.ts', 'read.worker', 'import.worker.ts']) {
      const typeOnly = await ruleIds(`import type { X } from '../../../workers/${entry}';\nexport type Y = X;\n`, 'src/ui/pages/probe.ts');
      expect(typeOnly, entry).toHaveLength(1);
      expect(typeOnly[0]).toMatch(/^no-restricted-imports/);
    }
    // Types come from the domain modules instead.
    expect(
      await ruleIds(
        "import type { ForecastResult } from '../../twin/forecast.ts';\nexport type Y = ForecastResult;\n",
        'src/ui/pages/probe.ts',
      ),
    ).toEqual([]);
  });

  it.each(['src/import', 'src/twin', 'src/ml', 'src/share', 'src/data', 'src/risk', 'src/rpc'])('%s may not import the UI', async (dir) => {
    const ids = await ruleIds("import { t } from '../ui/i18n/index.ts';\nexport const x = t;\n", `${dir}/probe.ts`);
    expect(ids).toHaveLength(1);
    expect(ids[0]).toMatch(/^no-restricted-imports/);
    const typeOnly = await ruleIds(
      "import type { MessageKey } from '../ui/i18n/index.ts';\nexport type K = MessageKey;\n",
      `${dir}/probe.ts`,
    );
    expect(typeOnly).toHaveLength(1);
    // …and the engine does import the engine.
    expect(await ruleIds("import { readSamples } from '../data/samples.ts';\nexport const r = readSamples;\n", `${dir}/probe.ts`)).toEqual(
      [],
    );
  });

  it('tfjs stays in src/ml: allowed there, refused in the other engine folders and in the worker entries', async () => {
    const tf = "import * as tf from '@tensorflow/tfjs';\nexport const x = tf;\n";
    expect(await ruleIds(tf, 'src/ml/probe.ts')).toEqual([]);
    expect((await ruleIds(tf, 'src/twin/probe.ts'))[0]).toMatch(/^no-restricted-imports/);
    expect((await ruleIds(tf, 'workers/ml.worker.ts'))[0]).toMatch(/^no-restricted-imports/);
  });
});
