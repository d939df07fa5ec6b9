import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/data/settings.ts';
import type { SnapshotState } from '../../../src/twin/snapshot.ts';
import { TwinHealth } from '../../../src/ui/components/TwinHealth.tsx';
import { en } from '../../../src/ui/i18n/en.ts';
import { setReader, t, type MessageKey } from '../../../src/ui/i18n/index.ts';

const ADDRESSED = /\b(you|your|yours|yourself)\b/i;
const messages = en as Record<string, string>;

/**
 * Messages that speak to "you" but never show in a review (a clinician reading a shared twin): the
 * welcome (and its tab title), profile form (and its conflicts with records), import, inbox, measurement entry, backup (and move to a new device) and share-making screens are the person's own, and the
 * review's own messages, erasing this browser's data and the clinician's own twin speak to the
 * clinician as "you", rightly.
 */
const PERSON_ONLY =
  /^(welcome|profile|conflicts|import|inbox|share|open|entry|backup|move|error\.backup|settings\.backup)\.|^(review\.noShare|review\.noImport|device\.erase\.intro|twin\.yourTwin|app\.tabTitle\.welcome)$/;

afterEach(() => setReader('person'));

describe('review mode speaks to the clinician', () => {
  it('every message that addresses the person has a clinician wording, or never shows in a review', () => {
    const missing = Object.keys(en).filter(
      (k) => !k.endsWith('.review') && ADDRESSED.test(messages[k]!) && !(`${k}.review` in en) && !PERSON_ONLY.test(k),
    );
    expect(missing).toEqual([]);
  });

  it('each clinician wording belongs to a message, keeps its placeholders and never says "you"', () => {
    const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
    for (const k of Object.keys(en).filter((k) => k.endsWith('.review'))) {
      const base = k.slice(0, -'.review'.length);
      expect(messages, k).toHaveProperty([base]);
      // A clinician's wording may leave out a link (e.g. to import), never add a value the caller does not give.
      for (const p of placeholders(messages[k]!)) expect(placeholders(messages[base]!), k).toContain(p);
      expect(messages[k], k).not.toMatch(ADDRESSED);
    }
  });

  it('t picks the clinician wording while a clinician reads, and the person’s otherwise', () => {
    expect(t('sharpen.weight.stale')).toMatch(/^Weigh yourself again/);
    setReader('clinician');
    expect(t('sharpen.weight.stale')).toBe("A recent weight (the patient's last is over a month old)");
    expect(t('whatif.sentence.lower.other' as MessageKey, { What: 'X', count: 10, before: '1', after: '2' })).toBe(
      "X lowers the patient's risk of type 2 diabetes in the next 10 years from 1 to 2",
    );
    setReader('person');
    expect(t('sharpen.weight.stale')).toMatch(/^Weigh yourself again/);
  });

  it('the twin health card of a shared twin with an old weight: advice for the clinician', () => {
    const NOW = Date.UTC(2026, 10, 22);
    const state: SnapshotState = {
      regions: [],
      inputs: {},
      latest: { body_weight: { value: 80, atMs: NOW - 60 * 86_400_000 } },
    };
    const render = (): string =>
      renderToStaticMarkup(createElement(TwinHealth, { state, profile: null, settings: DEFAULT_SETTINGS, nowMs: NOW }))
        .replace(/<[^>]+>/g, ' ')
        .replace(/&#x27;/g, "'");
    expect(render()).toContain('Weigh yourself again');
    setReader('clinician');
    const html = render();
    expect(html).toContain("A recent weight (the patient's last is over a month old)");
    expect(html).toContain("The patient's birth date, sex, height: not in the shared profile");
    expect(html).not.toMatch(ADDRESSED);
  });
});
