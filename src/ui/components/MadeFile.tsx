import { useState } from 'react';
import { saveFile } from '../actions/download.ts';
import { canShareFile, shareFile, tapStillCounts } from '../actions/share-sheet.ts';
import { errorText } from '../error-text.ts';
import { t, type MessageKey } from '../i18n/index.ts';
import { QrCode } from './QrCode.tsx';

/**
 * An encrypted file made on this device (a share for a clinician, a backup) and what becomes of it:
 * the phone's share sheet where it can take the file (opened by the tap that made it while that still
 * counts, else by Send, with Save here beside it), else saved by the browser; then what happened, and
 * the code as text and QR code when a code protects it. The words are `share.*`, `backup.*` or `move.*`.
 */
export interface MadeFile {
  file: File;
  /** How many measurements it holds, formatted. */
  count: string;
}

type Words = 'share' | 'backup' | 'move';
type Result = { text: string; code?: string; ok: boolean };
const word = (words: Words, key: string): MessageKey => `${words}.${key}` as MessageKey;

export function useMadeFile<M extends MadeFile>(words: Words, sentText?: (m: M) => string) {
  const [result, setResult] = useState<Result>();
  // A file made where the phone's share sheet can take it: kept to send again or save instead.
  const [made, setMade] = useState<M>();

  /** Sends a made file through the share sheet; offers it again (or saving it) when not sent. */
  const send = async (m: M): Promise<void> => {
    const vars = { file: m.file.name, count: m.count };
    try {
      const outcome = await shareFile(m.file);
      const text = outcome === 'sent' ? (sentText?.(m) ?? t(word(words, 'sent'), vars)) : t(word(words, 'ready'), vars);
      setResult((r) => ({ ...r, ok: true, text }));
    } catch (err) {
      setResult((r) => ({ ...r, ok: false, text: t(word(words, 'sendFailed'), { error: errorText(err) }) }));
    }
  };
  const saveHere = (m: M): void => {
    saveFile(m.file, m.file.name);
    setResult((r) => ({ ...r, ok: true, text: t(word(words, 'savedHere'), { file: m.file.name }) }));
  };
  /** Hands a made file on; `savedText` says what was saved where there is no share sheet. */
  const deliver = (m: M, savedText: string, code?: string): void => {
    const withCode = code ? { code } : {};
    if (canShareFile(m.file)) {
      setMade(m);
      setResult({ ok: true, text: t(word(words, 'ready'), { file: m.file.name, count: m.count }), ...withCode });
      // Not awaited: the sheet stays open as long as the person likes, and the screen is not busy meanwhile.
      if (tapStillCounts()) void send(m);
    } else {
      saveFile(m.file, m.file.name);
      setResult({ ok: true, text: savedText, ...withCode });
    }
  };
  /** Before a new file is made: nothing said, nothing kept. */
  const restart = (): void => {
    setResult(undefined);
    setMade(undefined);
  };
  return { words, result, setResult, made, send, saveHere, deliver, restart };
}

/** What became of the made file, Send and Save here while the share sheet can still take it, and the code. */
export function MadeFileResult<M extends MadeFile>({ state }: { state: ReturnType<typeof useMadeFile<M>> }) {
  const { words, result, made, send, saveHere } = state;
  return (
    <>
      {result && (
        <p role={result.ok ? 'status' : 'alert'} className={result.ok ? '' : 'error'} data-testid={`${words}-result`}>
          {result.text}
        </p>
      )}
      {made && (
        <div className="actions">
          <button type="button" className="btn primary" onClick={() => void send(made)}>
            {t(word(words, 'send'))}
          </button>
          <button type="button" className="btn" onClick={() => saveHere(made)}>
            {t(word(words, 'saveHere'))}
          </button>
        </div>
      )}
      {result?.code && (
        <div className="card share-code">
          <p>{t(word(words, 'codeIs'))}</p>
          <p className="code" data-testid={`${words}-code`}>
            {result.code}
          </p>
          <QrCode text={result.code} label={t(word(words, 'qrLabel'), { code: result.code })} />
        </div>
      )}
    </>
  );
}
