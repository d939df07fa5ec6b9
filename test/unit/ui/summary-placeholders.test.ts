import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { t, type MessageKey } from '../../../src/ui/i18n/index.ts';

const ROOT = join(import.meta.dirname, '../../..');
/** The sources of what the visit summary renders, its AGP included. */
const SOURCES = ['src/ui/pages/SummaryPage.tsx', 'src/ui/components/AgpReport.tsx'].map((f) => readFileSync(join(ROOT, f), 'utf8'));

describe('the visit summary printed from the browser menu before it is ready', () => {
  it('says what is still computing in words: no placeholder is "…"', () => {
    for (const key of ['summary.loading', 'summary.computing', 'agp.computing', 'agp.chartLoading'] as MessageKey[]) {
      expect(t(key), key).not.toContain('…');
      expect(t(key), key).toMatch(/still (computing|loading)/i);
    }
    // No literal ellipsis is rendered by the summary or its AGP.
    for (const src of SOURCES) expect(src).not.toMatch(/'…'/);
  });
});
