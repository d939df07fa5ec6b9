import * as Comlink from 'comlink';
import { installErrorTransfer } from '../src/rpc/errors.ts';

/** Exposes a worker's API over Comlink with typed errors. */
export function exposeApi(api: object): void {
  installErrorTransfer();
  // The cast is the documented fix for Comlink under @vitest/web-worker (docs/toolchain.md, trap 6).
  Comlink.expose(api, self as unknown as Comlink.Endpoint);
}
