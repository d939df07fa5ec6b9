// Runs the data-layer cases inside a module worker, as the app's import and twin workers do.
const worker = new Worker(new URL('./bench.worker.ts', import.meta.url), { type: 'module' });
const days = Number(new URLSearchParams(location.search).get('days') ?? 1096);
const only = new URLSearchParams(location.search).get('only') ?? undefined;
worker.postMessage({ days, ...(only ? { only } : {}) });
worker.onmessage = (e: MessageEvent) => {
  (window as unknown as { __bench: unknown }).__bench = e.data;
  document.getElementById('out')!.textContent = JSON.stringify(e.data, null, 2);
};
