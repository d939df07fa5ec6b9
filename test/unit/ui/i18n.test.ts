import { describe, expect, it } from 'vitest';
import { setMessages, t, type Messages } from '../../../src/ui/i18n/index.ts';
import { en } from '../../../src/ui/i18n/en.ts';

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
});
