import { useEffect, useState } from 'react';
import type { ProbeResult } from '../../../workers/ml.worker.ts';
import { importWorker, mlWorker, twinWorker } from '../../workers/index.ts';
import { eraseEverything } from '../actions/erase.ts';
import { formatBytes } from '../format.ts';

interface StorageInfo { usage?: number; quota?: number; persisted?: boolean }

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
      const names = await Promise.all([
        importWorker.run((a) => a.ping()), twinWorker.run((a) => a.ping()), mlWorker.run((a) => a.ping()),
      ]);
      setWorkers(names.join(', '));
    })().catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);

  const persist = async (): Promise<void> => {
    const granted = await navigator.storage?.persist?.();
    setPersistNote(granted ? 'Protected: the browser will not clear Doppel\'s data on its own.' : 'The browser declined. Installing Doppel as an app, or using it more often, usually lets it agree.');
    setStorage(await readStorage());
  };
  const runProbe = async (): Promise<void> => {
    setProbing(true);
    setError(undefined);
    try {
      setProbe(await mlWorker.run((a) => a.probe()));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setProbing(false);
    }
  };

  return (
    <section aria-labelledby="device-title">
      <h2 id="device-title">This device</h2>
      <dl className="facts">
        <dt>Storage used</dt>
        <dd data-testid="storage">{storage?.usage !== undefined ? `${formatBytes(storage.usage)} of ${formatBytes(storage.quota ?? 0)}` : '…'}</dd>
        <dt>Protected from clean-up</dt>
        <dd data-testid="persisted">{storage?.persisted === undefined ? '…' : storage.persisted ? 'Yes' : 'No (the browser may clear data under storage pressure)'}</dd>
        <dt>Workers</dt>
        <dd data-testid="workers">{workers ?? 'starting…'}</dd>
        <dt>WebGPU</dt>
        <dd>{'gpu' in navigator ? 'present (the ML check tells whether an adapter is available)' : 'absent'}</dd>
        <dt>Machine learning backend</dt>
        <dd data-testid="ml-backend">{probe ? probe.backend : probing ? 'starting TensorFlow.js…' : 'not started'}</dd>
        {probe && (
          <>
            <dt>Check (64×64 matrix product)</dt>
            <dd data-testid="ml-check">
              {probe.matMulMaxAbsError < 1e-3 ? 'correct' : 'WRONG'} (max error {probe.matMulMaxAbsError.toExponential(1)}, {probe.matMulMs.toFixed(1)} ms)
            </dd>
            {probe.skipped.length > 0 && (
              <>
                <dt>Passed over</dt>
                <dd>{probe.skipped.map((s) => `${s.backend}: ${s.reason}`).join('; ')}</dd>
              </>
            )}
          </>
        )}
      </dl>
      <div className="actions">
        {storage?.persisted === false && <button type="button" className="btn" onClick={() => void persist()}>Protect my data from clean-up</button>}
        <button type="button" className="btn" onClick={() => void runProbe()} disabled={probing}>Check machine learning backend</button>
      </div>
      {persistNote && <p role="status">{persistNote}</p>}
      {error && <p className="error" role="alert">{error}</p>}

      <h2 id="erase-title">Delete everything</h2>
      <p>Removes all health data Doppel keeps in this browser: your twin, the demo, imports, saved plans and received files. It cannot be undone.</p>
      {erase === 'confirm' ? (
        <div className="actions" role="group" aria-labelledby="erase-title">
          <button type="button" className="btn danger" onClick={() => {
            setErase('busy');
            void eraseEverything().catch((e: unknown) => {
              setErase('idle');
              setError(e instanceof Error ? e.message : String(e));
            });
          }}>Yes, delete everything</button>
          <button type="button" className="btn" onClick={() => setErase('idle')}>Cancel</button>
        </div>
      ) : (
        <button type="button" className="btn" onClick={() => setErase('confirm')} disabled={erase === 'busy'}>Delete everything…</button>
      )}
    </section>
  );
}
