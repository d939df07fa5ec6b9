import type { BrowserContext, Page } from '@playwright/test';

/**
 * A phone's QR reader (BarcodeDetector) and camera, both stubbed in every page of `ctx`: the camera
 * gives a blank picture, and the reader "sees" what `showToCamera` last said.
 */
export async function fakeQrCamera(ctx: BrowserContext): Promise<void> {
  await ctx.addInitScript(() => {
    const w = window as unknown as { seen: string[]; BarcodeDetector: unknown };
    w.seen = [];
    w.BarcodeDetector = class {
      static getSupportedFormats(): Promise<string[]> {
        return Promise.resolve(['qr_code']);
      }
      detect(): Promise<{ rawValue: string; format: string }[]> {
        return Promise.resolve(w.seen.map((rawValue) => ({ rawValue, format: 'qr_code' })));
      }
    };
    navigator.mediaDevices.getUserMedia = (): Promise<MediaStream> => {
      const canvas = document.createElement('canvas');
      canvas.getContext('2d')!.fillRect(0, 0, 10, 10);
      return Promise.resolve(canvas.captureStream(5));
    };
  });
}

/** What the stubbed camera of `page` sees from now on: the texts of the QR codes held up to it. */
export function showToCamera(page: Page, codes: string[]): Promise<void> {
  return page.evaluate((c) => void ((window as unknown as { seen: string[] }).seen = c), codes);
}
