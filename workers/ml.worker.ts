/** ML worker: TensorFlow.js, loaded lazily on first use, on WebGPU → WASM → WebGL → CPU. */
import { mlHandlers } from '../src/ml/handlers.ts';
import { composeHandlers } from '../src/rpc/compose.ts';
import { exposeApi } from './expose.ts';

const api = composeHandlers({ ping: (): string => 'ml' }, mlHandlers);

export type MlApi = typeof api;
exposeApi(api);
