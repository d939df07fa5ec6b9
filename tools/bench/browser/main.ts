// Runs the data-layer cases inside a module worker, as the app's import and twin workers do.
const worker = new Worker(new URL('./bench.worker.ts', import.meta.url), { type: 'module' });
const days = Number(new URLSearchParams(location.search).get('days') ?? 1096);
worker.postMessage({ days });
worker.onmessage = (e: MessageEvent) => {
  (window as unknown as { __bench: unknown }).__bench = e.data;
  document.getElementById('out')!.textContent = JSON.stringify(e.data, null, 2);
};
