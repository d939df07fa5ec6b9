import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { workspaceDb } from '../../data/workspace.ts';
import { generateCode } from '../../share/format.ts';
import { makeBackup } from '../actions/backup.ts';
import { MadeFileResult, useMadeFile, type MadeFile } from '../components/MadeFile.tsx';
import { errorText } from '../error-text.ts';
import { t } from '../i18n/index.ts';
import { MoveThereSteps } from './MoveSteps.tsx';

/**
 * The old device's side of a move to a new device: one button makes the backup with a code Doppel
 * generates (nothing to choose), hands the file on (share sheet or download, MadeFile.tsx), shows the
 * code as text and QR code, and says what to do on the new device. No server, no account.
 */
export function MoveOut() {
  const [busy, setBusy] = useState(false);
  const delivery = useMadeFile<MadeFile>('move');
  const { setResult } = delivery;
  // Nothing imported or entered here yet: said before a file of nothing is made (it can still be).
  const imports = useLiveQuery(() => workspaceDb('main').imports.where('status').equals('committed').count());

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    delivery.restart();
    const code = generateCode();
    try {
      const r = await makeBackup({ code });
      const file = new File([r.blob], r.fileName, { type: 'application/octet-stream' });
      const m: MadeFile = { file, count: new Intl.NumberFormat().format(r.samples) };
      delivery.deliver(m, t('move.saved', { file: file.name, count: m.count }), code);
    } catch (err) {
      setResult({ ok: false, text: t('move.failed', { error: errorText(err) }) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <form onSubmit={(e) => void submit(e)} aria-labelledby="move-title">
        <p>{t('move.intro')}</p>
        {imports === 0 && (
          <p className="muted" data-testid="move-empty">
            {t('move.empty')}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="btn primary" disabled={busy} aria-busy={busy}>
            {busy ? t('move.making') : t('move.make')}
          </button>
        </div>
        <MadeFileResult state={delivery} />
      </form>
      <MoveThereSteps />
      <p>
        <a href="#/backup">{t('move.back')}</a>
      </p>
    </>
  );
}
