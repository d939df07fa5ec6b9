// Real IndexedDB semantics in Node (transactions, indexes, version changes) and real Worker
// message passing for the Comlink worker entries.
import 'fake-indexeddb/auto';
import '@vitest/web-worker';
