import { useEffect, useState } from 'react';
import type { ProbeResult } from '../../ml/handlers.ts';
import { importWorker, mlWorker, twinWorker } from '../../workers/index.ts';
import { eraseEverything } from '../actions/erase.ts';
import { formatBytes } from '../format.ts';
import { t } from '../i18n/index.ts';
import { errorText } from '../error-text.ts';

interface StorageInfo {
  usage?: number;
  quota?: number;
  persisted?: boolean;
}

async function readStorage(): Promise<StorageInfo> {
  const est = await navigator.storage?.estimate?.();
  const persisted = await navigator.storage?.persisted?.();
  return { usage: est?.usage, quota: est?.quota, persisted };
}

/** What this device offers Doppel: storage (and protecting it), workers, the ML backend; and deleting everything. */
export function DeviceSection() {
  const [storage, setStorage] = useState<StorageInfo>();
  const [workers, setWorkers] = useState<string>();
  const [probe, setProbe] = useState<ProbeResult>();
  const [probing, setProbing] = useState(false);
  const [error, setError] = useState<string>();
  const [persistNote, setPersistNote] = useState<string>();
  const [erase, setErase] = useState<'idle' | 'confirm' | 'busy'>('idle');

  useEffect(() => {
    void (async () => {
      setStorage(await readStorage());
      const names = await Promise.all([importWorker.run((a) => a.ping()), twinWorker.run((a) => a.ping()), mlWorker.run((a) => a.ping())]);
      setWorkers(names.join(', '));
    })().catch((e: unknown) => setError(errorText(e)));
  }, []);

  const persist = async (): Promise<void> => {
    const granted = await navigator.storage?.persist?.();
    setPersistNote(granted ? t('device.persist.granted') : t('device.persist.declined'));
    setStorage(await readStorage());
  };
  const runProbe = async (): Promise<void> => {
    setProbing(true);
    setError(undefined);
    try {
      setProbe(await mlWorker.run((a) => a.probe()));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setProbing(false);
    }
  };

  return (
    <section aria-labelledby="device-title">
      <h2 id="device-title">{t('device.title')}</h2>
      <dl className="facts">
        <dt>{t('device.storage')}</dt>
        <dd data-testid="storage">
          {storage?.usage !== undefined
            ? t('device.storageValue', { used: formatBytes(storage.usage), quota: formatBytes(storage.quota ?? 0) })
            : '…'}
        </dd>
        <dt>{t('device.protected')}</dt>
        <dd data-testid="persisted">
          {storage?.persisted === undefined ? '…' : storage.persisted ? t('device.protected.yes') : t('device.protected.no')}
        </dd>
        <dt>{t('device.workers')}</dt>
        <dd data-testid="workers">{workers ?? t('device.workers.starting')}</dd>
        <dt>{t('device.webgpu')}</dt>
        <dd>{'gpu' in navigator ? t('device.webgpu.present') : t('device.webgpu.absent')}</dd>
        <dt>{t('device.ml')}</dt>
        <dd data-testid="ml-backend">{probe ? probe.backend : probing ? t('device.ml.starting') : t('device.ml.notStarted')}</dd>
        {probe && (
          <>
            <dt>{t('device.check')}</dt>
            <dd data-testid="ml-check">
              {t(probe.matMulMaxAbsError < 1e-3 ? 'device.check.correct' : 'device.check.wrong', {
                error: probe.matMulMaxAbsError.toExponential(1),
                ms: new Intl.NumberFormat(undefined, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(probe.matMulMs),
              })}
            </dd>
            {probe.skipped.length > 0 && (
              <>
                <dt>{t('device.skipped')}</dt>
                <dd>{probe.skipped.map((s) => `${s.backend}: ${s.reason}`).join('; ')}</dd>
              </>
            )}
          </>
        )}
      </dl>
      <div className="actions">
        {storage?.persisted === false && (
          <button type="button" className="btn" onClick={() => void persist()}>
            {t('device.protect')}
          </button>
        )}
        <button type="button" className="btn" onClick={() => void runProbe()} disabled={probing}>
          {t('device.runCheck')}
        </button>
      </div>
      {persistNote && <p role="status">{persistNote}</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}

      <h2 id="erase-title">{t('device.erase.title')}</h2>
      <p>{t('device.erase.intro')}</p>
      {erase === 'confirm' ? (
        <div className="actions" role="group" aria-labelledby="erase-title">
          <button
            type="button"
            className="btn danger"
            onClick={() => {
              setErase('busy');
              // The settings screen shows the deletion's phase and any failure from here on (erase.ts).
              void eraseEverything().catch(() => undefined);
            }}
          >
            {t('device.erase.confirm')}
          </button>
          <button type="button" className="btn" onClick={() => setErase('idle')}>
            {t('common.cancel')}
          </button>
        </div>
      ) : (
        <button type="button" className="btn" onClick={() => setErase('confirm')} disabled={erase === 'busy'}>
          {t('device.erase.start')}
        </button>
      )}
    </section>
  );
}
