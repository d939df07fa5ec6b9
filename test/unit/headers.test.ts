import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CSP_HEADER } from '../../src/csp.ts';

describe('public/_headers', () => {
  it('sends the same Content-Security-Policy the app builds with', () => {
    const text = readFileSync('public/_headers', 'utf8');
    const line = text.split('\n').find((l) => l.trim().startsWith('Content-Security-Policy:'));
    expect(line?.trim().slice('Content-Security-Policy:'.length).trim()).toBe(CSP_HEADER);
  });
});
