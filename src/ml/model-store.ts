/**
 * Where trained networks are kept. In the browser: TensorFlow.js's IndexedDB handler
 * (`indexeddb://…`, in tfjs's own `tensorflowjs` database, one entry per workspace and horizon).
 * Where tfjs has no IndexedDB handler (Node: unit tests, the CLI), an in-memory store with the
 * same save/load round trip through tfjs's model artifacts.
 */
import type * as tfNamespace from '@tensorflow/tfjs';

type Tf = typeof tfNamespace;

export interface ModelStore {
  kind: 'indexeddb' | 'memory';
  save(path: string, model: tfNamespace.LayersModel): Promise<void>;
  load(path: string): Promise<tfNamespace.LayersModel | undefined>;
}

const memory = new Map<string, tfNamespace.io.ModelArtifacts>();

export function modelStore(tf: Tf): ModelStore {
  if (tf.env().getBool('IS_BROWSER') && typeof indexedDB !== 'undefined') {
    return {
      kind: 'indexeddb',
      async save(path, model) {
        await model.save(`indexeddb://${path}`);
      },
      async load(path) {
        const models = await tf.io.listModels();
        return `indexeddb://${path}` in models ? await tf.loadLayersModel(`indexeddb://${path}`) : undefined;
      },
    };
  }
  return {
    kind: 'memory',
    async save(path, model) {
      await model.save(tf.io.withSaveHandler(async (artifacts) => {
        memory.set(path, artifacts);
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }));
    },
    async load(path) {
      const a = memory.get(path);
      return a ? await tf.loadLayersModel(tf.io.fromMemory(a)) : undefined;
    },
  };
}
