import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { codeFromQr } from '../../share/qr.ts';
import { t } from '../i18n/index.ts';

/** The Shape Detection API's BarcodeDetector (Chromium on Android, ChromeOS and macOS): not in TypeScript's DOM types. */
interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
interface BarcodeDetectorClass {
  new (options?: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats?: () => Promise<string[]>;
}

const detectorClass = (): BarcodeDetectorClass | undefined => (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;

/**
 * Whether this browser can read a QR code from the camera: a BarcodeDetector that knows QR codes,
 * and a camera API. Asking does not touch the camera.
 */
export async function canScanQr(): Promise<boolean> {
  const D = detectorClass();
  if (typeof D !== 'function' || typeof navigator.mediaDevices?.getUserMedia !== 'function') return false;
  // The app's Permissions-Policy allows its own pages the camera (src/csp.ts); a host that sends a
  // stricter one gets no scanner button rather than a camera that never opens.
  type Policy = { allowsFeature(feature: string): boolean };
  const doc = document as Document & { permissionsPolicy?: Policy; featurePolicy?: Policy };
  const policy = doc.permissionsPolicy ?? doc.featurePolicy;
  if (policy && !policy.allowsFeature('camera')) return false;
  try {
    return D.getSupportedFormats ? (await D.getSupportedFormats()).includes('qr_code') : true;
  } catch {
    return false;
  }
}

export type ScanWords = 'share' | 'backup';

/** How often a camera frame is looked at (a QR code held up is read within a fraction of a second). */
const SCAN_EVERY_MS = 200;

/**
 * The camera, opened when the clinician asks (this component is shown only then), looking for the
 * share code's QR code. The camera stops as soon as a code is read, when "Close" is pressed, and
 * when the screen goes away; frames are looked at on this device only and never kept.
 */
export function QrScanner({
  onCode,
  onClose,
  words = 'share',
}: {
  onCode: (code: string) => void;
  onClose: () => void;
  /** Whose code it looks for: a share's (the patient's screen) or a backup's (the person's other device). */
  words?: ScanWords;
}) {
  const video = useRef<HTMLVideoElement>(null);
  const close = useRef<HTMLButtonElement>(null);
  const [note, setNote] = useState<{ text: string; error: boolean }>({ text: t('open.scan.starting'), error: false });
  const read = useEffectEvent((code: string) => onCode(code));

  useEffect(() => {
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let live = true;
    const stop = (): void => {
      live = false;
      if (timer !== undefined) clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
      stream = undefined;
    };
    // Keyboard and screen-reader users land in the scanner, on its one control.
    close.current?.focus();
    const D = detectorClass();
    void (async () => {
      try {
        if (!D) throw new Error('no detector');
        const s = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
        if (!live) {
          for (const track of s.getTracks()) track.stop();
          return;
        }
        stream = s;
        const v = video.current!;
        v.srcObject = s;
        await v.play().catch(() => undefined);
        const detector = new D({ formats: ['qr_code'] });
        setNote({ text: t(words === 'share' ? 'open.scan.looking' : 'backup.scan.looking'), error: false });
        const look = async (): Promise<void> => {
          if (!live) return;
          let found: DetectedBarcode[] = [];
          try {
            found = await detector.detect(v);
          } catch {
            // A frame not ready yet: the next one is looked at.
          }
          if (!live) return;
          for (const b of found) {
            const code = codeFromQr(b.rawValue);
            if (code) {
              stop();
              read(code);
              return;
            }
          }
          if (found.length) setNote({ text: t(words === 'share' ? 'open.scan.notACode' : 'backup.scan.notACode'), error: true });
          timer = setTimeout(() => void look(), SCAN_EVERY_MS);
        };
        void look();
      } catch {
        if (live) setNote({ text: t('open.scan.noCamera'), error: true });
        stop();
      }
    })();
    return stop;
    // `words` is fixed for a scanner's life (the screen it is on).
  }, [words]);

  return (
    <div className="card qr-scanner" role="group" aria-label={t('open.scan.title')}>
      <video ref={video} muted playsInline aria-hidden="true" />
      <p className={note.error ? 'error' : 'muted'} aria-live="polite">
        {note.text}
      </p>
      <button ref={close} type="button" className="btn" onClick={onClose}>
        {t('open.scan.close')}
      </button>
    </div>
  );
}
