/**
 * Chooses and initializes the TensorFlow.js backend inside the ml worker: WebGPU where the browser
 * has an adapter, else WebAssembly (SIMD where supported), else WebGL (on an OffscreenCanvas), else
 * plain JS. tfjs and its backends are
 * imported lazily here, so no other bundle carries them.
 */
import type * as tfNamespace from '@tensorflow/tfjs';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

export type BackendName = 'webgpu' | 'wasm' | 'webgl' | 'cpu';
export const DEFAULT_ORDER: readonly BackendName[] = ['webgpu', 'wasm', 'webgl', 'cpu'];

type Tf = typeof tfNamespace;

export interface BackendChoice {
  tf: Tf;
  backend: BackendName;
  /** Why each earlier candidate was passed over. */
  skipped: { backend: BackendName; reason: string }[];
}

let loaded: Promise<BackendChoice> | undefined;

/** Loads tfjs once and initializes the first backend of `order` that works. */
export function loadBackend(order: readonly BackendName[] = DEFAULT_ORDER): Promise<BackendChoice> {
  loaded ??= init(order);
  return loaded;
}

async function init(order: readonly BackendName[]): Promise<BackendChoice> {
  const tf = await import('@tensorflow/tfjs');
  const skipped: BackendChoice['skipped'] = [];
  for (const name of order) {
    const reason = await prepare(name);
    if (reason) {
      skipped.push({ backend: name, reason });
      continue;
    }
    try {
      if (await tf.setBackend(name)) {
        await tf.ready();
        return { tf, backend: name, skipped };
      }
      skipped.push({ backend: name, reason: 'setBackend returned false' });
    } catch (e) {
      skipped.push({ backend: name, reason: e instanceof Error ? e.message : String(e) });
    }
  }
  throw new Error(`No TensorFlow.js backend could start: ${skipped.map((s) => `${s.backend}: ${s.reason}`).join('; ')}`);
}

/** Registers a backend; returns why it cannot run here, or undefined. */
async function prepare(name: BackendName): Promise<string | undefined> {
  if (name === 'webgpu') {
    const gpu =
      typeof navigator !== 'undefined' ? (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu : undefined;
    if (!gpu) return 'navigator.gpu is absent';
    if (!(await gpu.requestAdapter())) return 'no WebGPU adapter';
    await import('@tensorflow/tfjs-backend-webgpu');
    return undefined;
  }
  if (name === 'wasm') {
    if (typeof WebAssembly === 'undefined') return 'WebAssembly is absent';
    // Node 21+ has a navigator too: a browser (or its worker) is told by its global scope.
    const g = globalThis as { document?: unknown; WorkerGlobalScope?: unknown };
    if (g.document === undefined && g.WorkerGlobalScope === undefined) return 'not in a browser (the .wasm files are served by the app)';
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    wasm.setWasmPaths({
      'tfjs-backend-wasm.wasm': wasmPlain,
      'tfjs-backend-wasm-simd.wasm': wasmSimd,
      'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
    });
    return undefined;
  }
  if (name === 'webgl') {
    // tfjs's webgl backend is part of @tensorflow/tfjs; in a worker it needs an OffscreenCanvas with a WebGL context.
    if (typeof OffscreenCanvas === 'undefined') return 'OffscreenCanvas is absent';
    const canvas = new OffscreenCanvas(1, 1);
    if (!canvas.getContext('webgl2') && !canvas.getContext('webgl')) return 'no WebGL context';
    return undefined;
  }
  return undefined;
}
