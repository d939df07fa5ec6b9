import { describe, expect, it } from 'vitest';
import { MAX_SHARE_BYTES, refuseShare, refuseShareSize } from '../../../src/sw/share-guard.ts';

const ours = 'https://doppel.example';
const facts = { clientId: '', clientIsOurs: false, referrer: '', originHeader: null, ourOrigin: ours };

describe('share target: who may put files into the inbox', () => {
  it('takes a share the OS started, and one from the app itself', () => {
    expect(refuseShare(facts)).toBeUndefined();
    expect(
      refuseShare({ ...facts, clientId: 'c1', clientIsOurs: true, referrer: `${ours}/#/import`, originHeader: 'null' }),
    ).toBeUndefined();
  });

  it('refuses a form on another site, however it hides its referrer', () => {
    expect(refuseShare({ ...facts, clientId: 'evil' })).toBe('origin');
    expect(refuseShare({ ...facts, referrer: 'https://evil.example/' })).toBe('origin');
    expect(refuseShare({ ...facts, originHeader: 'https://evil.example' })).toBe('origin');
  });

  it('refuses more than the cap, or more than the disk can hold with its reserve', () => {
    expect(refuseShareSize(MAX_SHARE_BYTES + 1, undefined, 0)).toBe('size');
    expect(refuseShareSize(10, 100, 50)).toBeUndefined();
    expect(refuseShareSize(60, 100, 50)).toBe('size');
  });
});
