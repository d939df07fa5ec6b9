import { useState, type FormEvent } from 'react';
import type { BackupSecret } from '../../backup/format.ts';
import type { MadeBackup } from '../../backup/handlers.ts';
import { generateCode, MIN_PASSPHRASE_CHARS } from '../../share/format.ts';
import { makeBackup } from '../actions/backup.ts';
import { LastBackupLine, PersistNote } from '../components/LastBackup.tsx';
import { MadeFileResult, useMadeFile, type MadeFile } from '../components/MadeFile.tsx';
import { errorText } from '../error-text.ts';
import { t } from '../i18n/index.ts';

/** "Back up": the whole twin as one encrypted file, protected by a code Doppel makes or a passphrase. */
export function MakeBackup() {
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
