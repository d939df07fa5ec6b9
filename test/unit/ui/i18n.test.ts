import { createElement, Fragment, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { setMessages, t, tn, type Messages } from '../../../src/ui/i18n/index.ts';
import { en, EN_GROUPS } from '../../../src/ui/i18n/en.ts';
import { strong, tx, txn } from '../../../src/ui/i18n/rich.ts';

const html = (n: ReactNode): string => renderToStaticMarkup(createElement(Fragment, null, n));
const el = (tag: string, text: string, props: Record<string, string> | null = null): ReactNode => createElement(tag, props, text);

describe('message catalog', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    setMessages({ ...en, 'nav.twin': 'Zwilling {x}' } as Messages);
    expect(t('nav.twin', { x: 1 })).toBe('Zwilling 1');
    expect(t('nav.twin')).toBe('Zwilling {x}');
    setMessages(en);
    expect(t('nav.twin')).toBe('Twin');
  });

  it('every message is a non-empty string whose placeholders are well formed', () => {
    for (const [k, v] of Object.entries(en)) {
      expect(v.trim(), k).not.toBe('');
      expect(v.replace(/\{\w+\}/g, ''), k).not.toMatch(/[{}]/);
    }
  });

  it('no key is defined in two groups, and every count-dependent message has both forms (the key type of tn checks the rest)', () => {
    const all = Object.values(EN_GROUPS).flatMap((g) => Object.keys(g));
    expect(all.length).toBe(Object.keys(en).length);
    for (const k of Object.keys(en)) {
      if (k.endsWith('.one')) expect(en, k).toHaveProperty([k.replace(/one$/, 'other')]);
    }
  });

  it('markup in a message is balanced: every <tag> is closed', () => {
    for (const [k, v] of Object.entries(en)) {
      const open = [...v.matchAll(/<(\w+)>/g)].map((m) => m[1]);
      const close = [...v.matchAll(/<\/(\w+)>/g)].map((m) => m[1]);
      expect(close, k).toEqual(open);
    }
  });

  it('picks plural forms by the catalog language, not the browser', () => {
    expect(tn('whatif.years', 1)).toBe('1 year');
    expect(tn('whatif.years', 5)).toBe('5 years');
    expect(tn('whatif.years', 0)).toBe('0 years');
    setMessages({ ...en, 'whatif.years.one': '{count} an', 'whatif.years.other': '{count} ans' } as Messages, 'fr');
    expect(tn('whatif.years', 0)).toBe('0 an');
    setMessages(en);
  });

  it("tx puts React nodes in placeholders and wraps tagged text, in the translation's word order", () => {
    expect(html(tx('welcome.promise.here', { b: strong }))).toBe(
      '<strong>Stays here.</strong> Your data is stored in this browser on this device, and nowhere else.',
    );
    expect(html(tx('import.intro', { zip: el('code', 'a.zip'), xml: el('code', 'b.xml') }))).toMatch(
      /^Apple Health \(<code>a\.zip<\/code> or <code>b\.xml<\/code>\), Android Health Connect/,
    );
    expect(html(txn('twin.health.fitted', 12, { b: strong, months: '3 months' }))).toBe(
      'Fitted to <strong>12</strong> of your measurements over 3 months.',
    );
    setMessages({ ...en, 'twin.health.sharpenItem': '{why} — <b>{what}</b>' } as Messages);
    expect(html(tx('twin.health.sharpenItem', { b: strong, what: el('a', 'x', { href: '#/profile' }), why: '<y>' }))).toBe(
      '&lt;y&gt; — <strong><a href="#/profile">x</a></strong>',
    );
    setMessages(en);
  });
});
