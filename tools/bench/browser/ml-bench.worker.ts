import { loadBackend, type BackendName } from '../../../src/ml/backend.ts';
import { mlCase, type MlBenchRow } from '../cases/ml.ts';

self.onmessage = async (e: MessageEvent<{ backend: BackendName; days: number[] }>) => {
  const { backend, days } = e.data;
  let tf;
  try {
    const choice = await loadBackend([backend]);
    tf = choice.tf;
  } catch (err) {
    // Missing here (e.g. no WebGPU adapter without --enable-unsafe-webgpu): reported, never skipped silently.
    self.postMessage({ backend, missing: err instanceof Error ? err.message : String(err) });
    return;
  }
  try {
    const rows: MlBenchRow[] = [];
    for (const d of days) rows.push(await mlCase(tf, backend, d));
    self.postMessage({ backend, rows });
  } catch (err) {
    self.postMessage({ backend, error: err instanceof Error ? err.stack : String(err) });
  }
};
