// Parse-only baseline in a module worker, on the file given to the input.
const input = document.getElementById('file') as HTMLInputElement;
input.addEventListener('change', () => {
  const file = input.files![0]!;
  const worker = new Worker(new URL('./import-bench.worker.ts', import.meta.url), { type: 'module' });
  worker.postMessage(file);
  worker.onmessage = (e: MessageEvent) => {
    (window as unknown as { __bench: unknown }).__bench = e.data;
    document.getElementById('out')!.textContent = JSON.stringify(e.data);
  };
});
