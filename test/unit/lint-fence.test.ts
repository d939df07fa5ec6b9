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

  it('the UI may not import tfjs or a worker module directly', async () => {
    expect(await ruleIds("import * as tf from '@tensorflow/tfjs';\nexport const x = tf;\n", 'src/ui/probe.ts')).toEqual([
      "no-restricted-imports: '@tensorflow/tfjs' import is restricted from being used by a pattern",
    ]);
    const w = await ruleIds("import { x } from '../../workers/twin.worker.ts';\nexport const y = x;\n", 'src/ui/probe.ts');
    expect(w[0]).toMatch(/^no-restricted-imports/);
  });
});
