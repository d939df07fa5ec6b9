import { useEffect, useRef, useState, type DragEvent, type FormEvent } from 'react';
import { readBackupHeader, type BackupSecret } from '../../backup/format.ts';
import type { MadeBackup } from '../../backup/handlers.ts';
import { generateCode, MAGIC, Mode, MIN_PASSPHRASE_CHARS } from '../../share/format.ts';
import { makeBackup, restoreBackup, type RestoreStep } from '../actions/backup.ts';
import { takePendingShare } from '../actions/pending-share.ts';
import { useRouteParam } from '../hooks/useRoute.ts';
import { LastBackupLine, PersistNote } from '../components/LastBackup.tsx';
import { MadeFileResult, useMadeFile, type MadeFile } from '../components/MadeFile.tsx';
import { canScanQr, QrScanner } from '../components/QrScanner.tsx';
import { errorText } from '../error-text.ts';
import { t, tn } from '../i18n/index.ts';

/**
 * Back up and restore (issue 19): the person's whole twin as one encrypted file, made in the import
 * worker (src/backup/), and that file (or Doppel's JSON export) put back in one step. The same
 * screen guides a move to a new device: the old one backs up and shows the code, the new one opens
 * the file here and types or scans the code.
 */
export function BackupPage() {
  // Opened as "Restore a backup" (welcome, lost data): the part the person came for comes first.
  const restoreFirst = useRouteParam('restore') !== undefined;
  return (
    <div className="profile backup">
      <h1 id="backup-title">{t('backup.title')}</h1>
      <p className="muted">{t('backup.intro')}</p>
      {restoreFirst ? (
        <>
          <RestoreBackup />
          <MakeBackup />
        </>
      ) : (
        <>
          <MakeBackup />
          <RestoreBackup />
        </>
      )}
    </div>
  );
}

function MakeBackup() {
  const [protection, setProtection] = useState<'code' | 'passphrase'>('code');
  const [pass, setPass] = useState(['', '']);
  const [busy, setBusy] = useState(false);
  const delivery = useMadeFile<MadeFile>('backup');
  const { setResult } = delivery;

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (protection === 'passphrase' && pass[0] !== pass[1]) {
      setResult({ ok: false, text: t('backup.mismatch') });
      return;
    }
    setBusy(true);
    delivery.restart();
    const code = protection === 'code' ? generateCode() : undefined;
    const secret: BackupSecret = code ? { code } : { passphrase: pass[0]! };
    try {
      const r: MadeBackup = await makeBackup(secret);
      const file = new File([r.blob], r.fileName, { type: 'application/octet-stream' });
      const m: MadeFile = { file, count: new Intl.NumberFormat().format(r.samples) };
      delivery.deliver(m, t('backup.made', { file: file.name, count: m.count }), code);
      setPass(['', '']);
    } catch (err) {
      setResult({ ok: false, text: t('backup.failed', { error: errorText(err) }) });
    } finally {
      setBusy(false);
    }
  };

  const ready = protection === 'code' || [...pass[0]!].length >= MIN_PASSPHRASE_CHARS;
  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="backup-make-title">
      <h2 id="backup-make-title">{t('backup.make.title')}</h2>
      <p>
        <LastBackupLine className="" />
      </p>
      <PersistNote />
      <fieldset className="field">
        <legend>{t('backup.protection')}</legend>
        {(['code', 'passphrase'] as const).map((p) => (
          <label key={p} className="check">
            <input type="radio" name="backup-protection" checked={protection === p} onChange={() => setProtection(p)} />{' '}
            {t(`backup.protect.${p}`)}
          </label>
        ))}
        {protection === 'passphrase' && (
          <>
            <label className="stack">
              {t('backup.passphrase')}{' '}
              <input type="password" autoComplete="new-password" value={pass[0]} onChange={(e) => setPass([e.target.value, pass[1]!])} />
            </label>
            <label className="stack">
              {t('backup.passphrase2')}{' '}
              <input type="password" autoComplete="new-password" value={pass[1]} onChange={(e) => setPass([pass[0]!, e.target.value])} />
            </label>
          </>
        )}
      </fieldset>
      <div className="actions">
        <button type="submit" className="btn primary" disabled={busy || !ready} aria-busy={busy}>
          {busy ? t('backup.making') : t('backup.make')}
        </button>
      </div>
      <MadeFileResult state={delivery} />
    </form>
  );
}

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

function RestoreBackup() {
  const [picked, setPicked] = useState<Picked>();
  const [secret, setSecret] = useState('');
  const [over, setOver] = useState(false);
  const [step, setStep] = useState<RestoreStep>();
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string[]>();
  const [canScan, setCanScan] = useState(false);
  const [scanning, setScanning] = useState(false);
  const [scanned, setScanned] = useState(false);
  const codeField = useRef<HTMLInputElement>(null);
  useEffect(() => {
    let live = true;
    void canScanQr().then((yes) => live && setCanScan(yes));
    return () => {
      live = false;
    };
  }, []);

  const pick = async (f: File | undefined): Promise<void> => {
    setError(undefined);
    setDone(undefined);
    setPicked(undefined);
    setSecret('');
    setScanning(false);
    setScanned(false);
    if (!f) return;
    try {
      setPicked(await whatIs(f));
    } catch (e) {
      setError(t('backup.restore.failed', { error: errorText(e) }));
    }
  };
  useEffect(() => {
    // A backup the OS opened with the installed app, or picked on Import, arrives here (pending-share.ts).
    const f = takePendingShare();
    // Reading the file is asynchronous; its state is set when it has been read (once, on arrival).
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (f) void pick(f);
  }, []);
  const onDrop = (e: DragEvent): void => {
    e.preventDefault();
    setOver(false);
    void pick(e.dataTransfer.files[0]);
  };
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (!picked) return;
    setError(undefined);
    setDone(undefined);
    setStep({ phase: 'reading', rows: 0 });
    const s: BackupSecret | undefined =
      picked.kind === 'export' ? undefined : picked.kind === 'code' ? { code: secret.trim() } : { passphrase: secret };
    try {
      const r = await restoreBackup(picked.file, s, setStep);
      const fmt = new Intl.NumberFormat();
      const lines = [tn('backup.restore.done', r.imports, { samples: fmt.format(r.samples), plans: fmt.format(r.plans) })];
      if (r.mode === 'merged') lines.push(t('backup.restore.merged'));
      if (r.undoneSkipped > 0) lines.push(tn('backup.restore.skipped', r.undoneSkipped));
      setDone(lines);
      setPicked(undefined);
      setSecret('');
    } catch (err) {
      setError(t('backup.restore.failed', { error: errorText(err) }));
    } finally {
      setStep(undefined);
    }
  };

  const busy = step !== undefined;
  return (
    <form onSubmit={(e) => void submit(e)}>
      <section aria-labelledby="restore-title">
        <h2 id="restore-title">{t('backup.restore.title')}</h2>
        <p className="muted">{t('backup.restore.intro')}</p>
        <p className="muted small">{t('backup.restore.move')}</p>
        <div
          className={`dropzone${over ? ' over' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={onDrop}
        >
          <label className="btn primary">
            {t('backup.restore.choose')}
            <input
              type="file"
              accept=".doppel,.json,application/octet-stream,application/json"
              className="visually-hidden"
              data-testid="restore-file"
              disabled={busy}
              onChange={(e) => void pick(e.target.files?.[0])}
            />
          </label>
          <span className="muted">{t('backup.restore.drop')}</span>
        </div>
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
                  onChange={(e) => {
                    setSecret(e.target.value);
                    setScanned(false);
                  }}
                />
              </label>
            )}
            {picked.kind === 'code' && canScan && !scanning && (
              <div className="actions">
                <button type="button" className="btn" onClick={() => setScanning(true)}>
                  {t('backup.restore.scan')}
                </button>
              </div>
            )}
            {picked.kind === 'code' && scanning && (
              <QrScanner
                onCode={(code) => {
                  setSecret(code);
                  setScanned(true);
                  setScanning(false);
                  codeField.current?.focus();
                }}
                onClose={() => {
                  setScanning(false);
                  codeField.current?.focus();
                }}
              />
            )}
            {scanned && (
              <p className="muted small" role="status">
                {t('backup.restore.scanRead')}
              </p>
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
