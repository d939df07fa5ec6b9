import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CSP_HEADER, PERMISSIONS_POLICY } from '../../src/csp.ts';

describe('public/_headers', () => {
  it('sends the same Content-Security-Policy the app builds with', () => {
    const text = readFileSync('public/_headers', 'utf8');
    const line = text.split('\n').find((l) => l.trim().startsWith('Content-Security-Policy:'));
    expect(line?.trim().slice('Content-Security-Policy:'.length).trim()).toBe(CSP_HEADER);
  });

  it('sends the same Permissions-Policy: the camera for the app itself (the QR scanner), no microphone or location', () => {
    const text = readFileSync('public/_headers', 'utf8');
    const line = text.split('\n').find((l) => l.trim().startsWith('Permissions-Policy:'));
    expect(line?.trim().slice('Permissions-Policy:'.length).trim()).toBe(PERMISSIONS_POLICY);
    expect(PERMISSIONS_POLICY).toContain('camera=(self)');
    expect(PERMISSIONS_POLICY).toContain('microphone=()');
  });
});
