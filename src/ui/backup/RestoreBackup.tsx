import { useEffect, useRef, useState, type FormEvent } from 'react';
import { readBackupHeader, type BackupSecret } from '../../backup/format.ts';
import { isAbortError } from '../../rpc/errors.ts';
import { MAGIC, Mode } from '../../share/format.ts';
import { restoreBackup, type RestoreStep } from '../actions/backup.ts';
import { takePendingShare } from '../actions/pending-share.ts';
import { CodeScan } from '../components/CodeScan.tsx';
import { FileDrop } from '../components/FileDrop.tsx';
import { errorText } from '../error-text.ts';
import { t, tn } from '../i18n/index.ts';
import { MoveInSteps } from './MoveSteps.tsx';

type Picked = { file: File; kind: 'code' | 'passphrase' | 'export' };

/** What a picked file is, from its first bytes: a backup (and how it is protected) or Doppel's JSON export. */
async function whatIs(f: File): Promise<Picked> {
  const head = new Uint8Array(await f.slice(0, 64).arrayBuffer());
  // Not a container: Doppel's JSON export starts with "{" (the worker reads it fully and says if it is not one).
  if (!MAGIC.every((b, i) => head[i] === b) && new TextDecoder().decode(head).trimStart().startsWith('{'))
    return { file: f, kind: 'export' };
  const h = await readBackupHeader(f);
  return { file: f, kind: h.mode === Mode.BackupCode ? 'code' : 'passphrase' };
}

/** A restore the person stopped: the worker's BackupError CANCELLED (or an abort on the way). */
const wasCancelled = (e: unknown): boolean => isAbortError(e) || (e as { code?: unknown } | null)?.code === 'CANCELLED';

/**
 * "Restore a backup": a backup file (or Doppel's JSON export) put back in one step, with its code
 * (typed or scanned) or passphrase. While the file is read it can be stopped, with nothing changed.
 * `moving` opens the steps of a move from another device (the welcome's "Restore a backup").
 */
export function RestoreBackup({ moving }: { moving: boolean }) {
  const [picked, setPicked] = useState<Picked>();
  const [secret, setSecret] = useState('');
  const [step, setStep] = useState<RestoreStep>();
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string[]>();
  const [cancelled, setCancelled] = useState(false);
  const stop = useRef<AbortController | undefined>(undefined);
  const [stopping, setStopping] = useState(false);
  const codeField = useRef<HTMLInputElement>(null);

  const pick = async (f: File | undefined): Promise<void> => {
    setError(undefined);
    setDone(undefined);
    setCancelled(false);
    setPicked(undefined);
    setSecret('');
    if (!f) return;
    try {
      setPicked(await whatIs(f));
    } catch (e) {
      setError(t('backup.restore.failed', { error: errorText(e) }));
    }
  };
  useEffect(() => {
    // A backup the OS opened with the installed app, shared to it, or picked on Import arrives here (pending-share.ts).
    const f = takePendingShare();
    // Reading the file is asynchronous; its state is set when it has been read (once, on arrival).
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (f) void pick(f);
  }, []);
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (!picked) return;
    setError(undefined);
    setDone(undefined);
    setCancelled(false);
    setStep({ phase: 'reading', rows: 0 });
    const s: BackupSecret | undefined =
      picked.kind === 'export' ? undefined : picked.kind === 'code' ? { code: secret.trim() } : { passphrase: secret };
    stop.current = new AbortController();
    try {
      const r = await restoreBackup(picked.file, s, setStep, stop.current.signal);
      const fmt = new Intl.NumberFormat();
      // Everything the backup held was here already (restored before): nothing was added.
      const lines =
        r.imports === 0 && r.alreadyHere > 0
          ? [t('backup.restore.allHere', { plans: fmt.format(r.plans) })]
          : [tn('backup.restore.done', r.imports, { samples: fmt.format(r.samples), plans: fmt.format(r.plans) })];
      if (r.mode === 'merged' && r.imports > 0) lines.push(t('backup.restore.merged'));
      if (r.imports > 0 && r.alreadyHere > 0) lines.push(tn('backup.restore.alreadyHere', r.alreadyHere));
      if (r.undoneSkipped > 0) lines.push(tn('backup.restore.skipped', r.undoneSkipped));
      setDone(lines);
      setPicked(undefined);
      setSecret('');
    } catch (err) {
      if (wasCancelled(err)) setCancelled(true);
      else setError(t('backup.restore.failed', { error: errorText(err) }));
    } finally {
      stop.current = undefined;
      setStopping(false);
      setStep(undefined);
    }
  };

  const busy = step !== undefined;
  return (
    <form onSubmit={(e) => void submit(e)}>
      <section aria-labelledby="restore-title">
        <h2 id="restore-title">{t('backup.restore.title')}</h2>
        <p className="muted">{t('backup.restore.intro')}</p>
        <MoveInSteps open={moving} />
        <FileDrop
          choose={t('backup.restore.choose')}
          drop={t('backup.restore.drop')}
          accept=".doppel,.json,application/octet-stream,application/json"
          testId="restore-file"
          disabled={busy}
          onFile={(f) => void pick(f)}
        />
        {picked && (
          <>
            <p>
              <strong>{picked.file.name}</strong> ·{' '}
              {t(`backup.restore.${picked.kind === 'code' ? 'needsCode' : picked.kind === 'passphrase' ? 'needsPassphrase' : 'export'}`)}
            </p>
            {picked.kind !== 'export' && (
              <label className="stack">
                {picked.kind === 'code' ? t('backup.restore.code') : t('backup.restore.passphrase')}
                <input
                  ref={codeField}
                  type={picked.kind === 'code' ? 'text' : 'password'}
                  autoComplete="off"
                  spellCheck={false}
                  value={secret}
                  disabled={busy}
                  onChange={(e) => setSecret(e.target.value)}
                />
              </label>
            )}
            {picked.kind === 'code' && !busy && (
              <CodeScan key={picked.file.name} value={secret} field={codeField} onCode={setSecret} words="backup" />
            )}
            <div className="actions">
              <button
                type="submit"
                className="btn primary"
                disabled={busy || (picked.kind !== 'export' && secret.trim() === '')}
                aria-busy={busy}
              >
                {t('backup.restore.start')}
              </button>
              {step?.phase === 'reading' && (
                <button
                  type="button"
                  className="btn"
                  disabled={stopping}
                  onClick={() => {
                    setStopping(true);
                    stop.current?.abort();
                  }}
                >
                  {stopping ? t('backup.restore.stopping') : t('backup.restore.stop')}
                </button>
              )}
            </div>
          </>
        )}
        {step && (
          <p role="status" aria-busy="true">
            {step.phase === 'reading'
              ? t('backup.restore.reading', { rows: new Intl.NumberFormat().format(step.rows) })
              : step.phase === 'committing'
                ? t('backup.restore.saving')
                : t('backup.restore.refreshing')}
          </p>
        )}
        {cancelled && (
          <p role="status" data-testid="restore-cancelled">
            {t('backup.restore.cancelled')}
          </p>
        )}
        {done && (
          <div role="status" data-testid="restore-result">
            {done.map((l) => (
              <p key={l}>{l}</p>
            ))}
            <p>
              <a className="btn primary" href="#/">
                {t('backup.restore.see')}
              </a>
            </p>
          </div>
        )}
        {error && (
          <p role="alert" className="error" data-testid="restore-error">
            {error}
          </p>
        )}
      </section>
    </form>
  );
}
