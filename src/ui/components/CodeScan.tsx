import { useEffect, useState, type RefObject } from 'react';
import { t } from '../i18n/index.ts';
import { canScanQr, QrScanner, type ScanWords } from './QrScanner.tsx';

/**
 * "Scan the QR code" beside a code field (a share file's code, a backup's code): offered only where
 * the browser can read QR codes, the camera opened only when asked. A code read fills the field
 * (`onCode`) and focus goes back to it; "The code was read" shows while the field still holds that
 * code (typing over it takes the line away).
 */
export function CodeScan({
  value,
  field,
  onCode,
  words,
}: {
  value: string;
  field: RefObject<HTMLInputElement | null>;
  onCode: (code: string) => void;
  /** Whose code: a share's or a backup's (what the camera's note says). */
  words: ScanWords;
}) {
  const [canScan, setCanScan] = useState(false);
  const [scanning, setScanning] = useState(false);
  const [read, setRead] = useState<string>();
  useEffect(() => {
    let live = true;
    void canScanQr().then((yes) => live && setCanScan(yes));
    return () => {
      live = false;
    };
  }, []);

  return (
    <>
      {canScan && !scanning && (
        <div className="actions">
          <button type="button" className="btn" onClick={() => setScanning(true)}>
            {t('open.scan')}
          </button>
        </div>
      )}
      {scanning && (
        <QrScanner
          words={words}
          onCode={(code) => {
            onCode(code);
            setRead(code);
            setScanning(false);
            field.current?.focus();
          }}
          onClose={() => {
            setScanning(false);
            field.current?.focus();
          }}
        />
      )}
      {read !== undefined && read !== '' && value === read && (
        <p className="muted small" role="status">
          {t('open.scan.read')}
        </p>
      )}
    </>
  );
}
