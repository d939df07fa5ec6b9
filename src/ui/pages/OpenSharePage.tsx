import { useEffect, useRef, useState, type FormEvent } from 'react';
import { takePendingShare } from '../actions/pending-share.ts';
import { ShareError } from '../../share/errors.ts';
import { Mode, readHeader, type Secret } from '../../share/format.ts';

/** Larger than any share Doppel makes (two years of minute heart rate is a few MB): refused unread. */
const MAX_FILE_BYTES = 512 * 2 ** 20;
import { openReview, reviewInTheWay } from '../actions/review.ts';
import { CodeScan } from '../components/CodeScan.tsx';
import { FileDrop } from '../components/FileDrop.tsx';
import { t } from '../i18n/index.ts';
import { errorText } from '../error-text.ts';

/** A clinician opens a patient's .doppel file: it asks for the code or passphrase, then opens a read-only review. */
export function OpenSharePage() {
  const [file, setFile] = useState<{ name: string; bytes: Uint8Array; mode: Mode }>();
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  // A review the clinician kept, or one open in another tab, is replaced only once they say so.
  const [ask, setAsk] = useState<{ kept?: string; openElsewhere: boolean }>();
  const codeField = useRef<HTMLInputElement>(null);

  const pick = async (f: File | undefined): Promise<void> => {
    // The header first (a few bytes): another kind of file, or a huge one, is refused unread.
    const head = f ? new Uint8Array(await f.slice(0, 64).arrayBuffer()) : undefined;
    if (f && head) {
      try {
        readHeader(head);
        if (f.size > MAX_FILE_BYTES) throw new ShareError('TOO_LARGE', t('open.tooLarge', { mb: Math.round(f.size / 2 ** 20) }));
      } catch (e) {
        // TRUNCATED here only means the 64 bytes read; the whole file is checked below.
        if (!(e instanceof ShareError && e.code === 'TRUNCATED')) {
          setFile(undefined);
          setError(t('open.failed', { error: errorText(e) }));
          return;
        }
      }
    }
    const bytes = f ? new Uint8Array(await f.arrayBuffer()) : undefined;
    setError(undefined);
    setFile(undefined);
    if (!f || !bytes) return;
    try {
      setFile({ name: f.name, bytes, mode: readHeader(bytes).mode });
    } catch (e) {
      setError(t('open.failed', { error: errorText(e) }));
    }
  };
  useEffect(() => {
    // A .doppel the OS opened with the installed app (File Handling API) arrives here.
    const f = takePendingShare();
    // Reading the file is asynchronous; its state is set when it has been read (once, on arrival).
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (f) void pick(f);
  }, []);
  const submit = async (e: Pick<FormEvent, 'preventDefault'>, replace = false): Promise<void> => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(undefined);
    setAsk(undefined);
    if (!replace) {
      const inTheWay = await reviewInTheWay();
      if (inTheWay.kept !== undefined || inTheWay.openElsewhere) {
        setAsk(inTheWay);
        setBusy(false);
        return;
      }
    }
    const s: Secret = file.mode === Mode.Plain ? { plain: true } : file.mode === Mode.Code ? { code: secret } : { passphrase: secret };
    try {
      await openReview(file.bytes, s);
      location.hash = '#/';
    } catch (err) {
      setError(t('open.failed', { error: errorText(err) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="profile open-share" onSubmit={(e) => void submit(e)} aria-labelledby="open-title">
      <h1 id="open-title">{t('open.title')}</h1>
      <p className="muted">{t('open.intro')}</p>
      <FileDrop choose={t('open.choose')} drop={t('open.drop')} accept=".doppel,application/octet-stream" onFile={(f) => void pick(f)} />
      {file && (
        <>
          <p>
            <strong>{file.name}</strong> ·{' '}
            {file.mode === Mode.Code ? t('open.needsCode') : file.mode === Mode.Passphrase ? t('open.needsPassphrase') : t('open.plain')}
          </p>
          {file.mode !== Mode.Plain && (
            <label className="stack">
              {file.mode === Mode.Code ? t('open.code') : t('open.passphrase')}
              <input
                ref={codeField}
                type={file.mode === Mode.Code ? 'text' : 'password'}
                autoComplete="off"
                spellCheck={false}
                value={secret}
                onChange={(e) => setSecret(e.target.value)}
              />
            </label>
          )}
          {/* The QR scanner is offered only where the browser can read QR codes; the camera opens only when asked. */}
          {file.mode === Mode.Code && <CodeScan key={file.name} value={secret} field={codeField} onCode={setSecret} words="share" />}
          <div className="actions">
            <button type="submit" className="btn primary" disabled={busy || !!ask} aria-busy={busy}>
              {busy ? t('open.opening') : t('open.open')}
            </button>
          </div>
        </>
      )}
      {file && ask && (
        <div role="alertdialog" aria-labelledby="replace-text" data-testid="replace-review">
          <p id="replace-text">{ask.kept !== undefined ? t('open.replaceKept', { label: ask.kept }) : t('open.replaceOpen')}</p>
          <div className="actions">
            <button type="button" className="btn danger" onClick={(e) => void submit(e, true)}>
              {t('open.replace')}
            </button>
            <button type="button" className="btn" onClick={() => setAsk(undefined)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}
