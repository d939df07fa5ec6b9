import { useState } from 'react';
import type { ExportKind } from '../../data/export.ts';
import type { Workspace } from '../../data/workspace.ts';
import { importWorker, twinWorker } from '../../workers/index.ts';
import { saveFile } from '../actions/download.ts';
import { t, tn } from '../i18n/index.ts';
import { errorText } from '../error-text.ts';

/** Export everything: built in the import worker, saved by the browser's own download (nothing is sent anywhere). */
export function ExportSection({ ws }: { ws: Workspace }) {
  const [busy, setBusy] = useState<ExportKind | 'ips'>();
  const [status, setStatus] = useState<string>();
  const run = async (kind: ExportKind): Promise<void> => {
    setBusy(kind);
    setStatus(undefined);
    try {
      const r = await importWorker.run((a) => a.exportWorkspace(ws, kind));
      saveFile(r.blob, r.fileName);
      const left = Object.entries(r.skipped)
        .map(([m, n]) => `${n} ${m.replace(/_/g, ' ')}`)
        .join(', ');
      const vars = { file: r.fileName, samples: new Intl.NumberFormat().format(r.samples), skipped: left };
      setStatus(left ? tn('settings.export.savedSkipped', r.samples, vars) : tn('settings.export.saved', r.samples, vars));
    } catch (e) {
      setStatus(t('settings.export.failed', { error: errorText(e) }));
    } finally {
      setBusy(undefined);
    }
  };
  const ips = async (): Promise<void> => {
    setBusy('ips');
    setStatus(undefined);
    try {
      const bundle = await twinWorker.run((a) => a.ipsExport(ws, __APP_VERSION__));
      const file = `doppel-patient-summary-${new Date().toISOString().slice(0, 10)}.json`;
      saveFile(new Blob([JSON.stringify(bundle, null, 1)], { type: 'application/fhir+json' }), file);
      setStatus(t('settings.export.ipsSaved', { file }));
    } catch (e) {
      setStatus(t('settings.export.failed', { error: errorText(e) }));
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <section aria-labelledby="export-title">
      <h2 id="export-title">{t('settings.export.title')}</h2>
      <p>{t('settings.export.intro')}</p>
      <div className="actions">
        <button type="button" className="btn" onClick={() => void run('json')} disabled={busy !== undefined} aria-busy={busy === 'json'}>
          {busy === 'json' ? t('settings.export.preparing') : t('settings.export.json')}
        </button>
        <button type="button" className="btn" onClick={() => void run('fhir')} disabled={busy !== undefined} aria-busy={busy === 'fhir'}>
          {busy === 'fhir' ? t('settings.export.preparing') : t('settings.export.fhir')}
        </button>
        <button type="button" className="btn" onClick={() => void ips()} disabled={busy !== undefined} aria-busy={busy === 'ips'}>
          {busy === 'ips' ? t('settings.export.preparing') : t('settings.export.ips')}
        </button>
      </div>
      {status && <p role="status">{status}</p>}
    </section>
  );
}
