// One module worker per backend (tfjs keeps one backend per realm once initialized), as the app's ml worker.
const params = new URLSearchParams(location.search);
const backends = (params.get('backends') ?? 'wasm,cpu').split(',');
const days = (params.get('days') ?? '14,90').split(',').map(Number);
const out: unknown[] = [];
for (const backend of backends) {
  const worker = new Worker(new URL('./ml-bench.worker.ts', import.meta.url), { type: 'module' });
  const result = await new Promise<unknown>((resolve) => {
    worker.onmessage = (e: MessageEvent) => resolve(e.data);
    worker.onerror = (e) => resolve({ backend, error: `worker error: ${e.message}` });
    worker.postMessage({ backend, days });
  });
  worker.terminate();
  out.push(result);
}
(window as unknown as { __bench: unknown }).__bench = out;
document.getElementById('out')!.textContent = JSON.stringify(out, null, 2);
