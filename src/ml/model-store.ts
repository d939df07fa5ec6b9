/**
 * Where trained networks are kept. In the browser: TensorFlow.js's IndexedDB handler
 * (`indexeddb://…`, in tfjs's own `tensorflowjs` database, one entry per workspace and horizon).
 * Where tfjs has no IndexedDB handler (Node: unit tests, the CLI), an in-memory store with the
 * same save/load round trip through tfjs's model artifacts.
 */
import type * as tfNamespace from '@tensorflow/tfjs';
import { deleteWorkspaceModels, glucoseModelPrefix, TFJS_DB, type Workspace } from '../data/workspace.ts';

type Tf = typeof tfNamespace;

export interface ModelStore {
  kind: 'indexeddb' | 'memory';
  save(path: string, model: tfNamespace.LayersModel): Promise<void>;
  load(path: string): Promise<tfNamespace.LayersModel | undefined>;
  /** Removes the workspace's networks except those in `keep`. */
  removeWorkspace(ws: Workspace, keep: readonly string[]): Promise<void>;
}

const memory = new Map<string, tfNamespace.io.ModelArtifacts>();

export function modelStore(tf: Tf): ModelStore {
  if (tf.env().getBool('IS_BROWSER') && typeof indexedDB !== 'undefined') {
    return {
      kind: 'indexeddb',
      async save(path, model) {
        await repairTfjsDb();
        await model.save(`indexeddb://${path}`);
      },
      async load(path) {
        await repairTfjsDb();
        const models = await tf.io.listModels();
        return `indexeddb://${path}` in models ? await tf.loadLayersModel(`indexeddb://${path}`) : undefined;
      },
      removeWorkspace: deleteWorkspaceModels,
    };
  }
  return {
    kind: 'memory',
    async save(path, model) {
      await model.save(
        tf.io.withSaveHandler(async (artifacts) => {
          memory.set(path, artifacts);
          return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
        }),
      );
    },
    async load(path) {
      const a = memory.get(path);
      return a ? await tf.loadLayersModel(tf.io.fromMemory(a)) : undefined;
    },
    async removeWorkspace(ws, keep) {
      const prefix = glucoseModelPrefix(ws);
      for (const path of [...memory.keys()]) if (path.startsWith(prefix) && !keep.includes(path)) memory.delete(path);
    },
  };
}

/**
 * A `tensorflowjs` database without tfjs's stores (e.g. created empty by a page that opened it by
 * name) makes tfjs throw inside an IndexedDB callback, which no promise catches. It holds nothing of
 * ours, so it is deleted before a save and tfjs creates it afresh.
 */
async function repairTfjsDb(): Promise<void> {
  // Without indexedDB.databases() (Firefox before 126) the database is opened to look: opening
  // creates it empty if absent, which the check below then finds broken and deletes.
  if (typeof indexedDB.databases === 'function' && !(await indexedDB.databases()).some((d) => d.name === TFJS_DB)) return;
  const broken = await new Promise<boolean>((resolve, reject) => {
    const req = indexedDB.open(TFJS_DB);
    req.onsuccess = () => {
      const names = req.result.objectStoreNames;
      resolve(!names.contains('models_store') || !names.contains('model_info_store'));
      req.result.close();
    };
    req.onerror = () => reject(req.error ?? new Error(`could not open ${TFJS_DB}`));
  });
  if (!broken) return;
  await new Promise<void>((resolve, reject) => {
    const req = indexedDB.deleteDatabase(TFJS_DB);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error ?? new Error(`could not delete ${TFJS_DB}`));
  });
}
