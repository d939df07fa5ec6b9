import { blobChunks } from '../../../src/import/bytes.ts';
import { parseAppleHealthXml } from '../../../src/import/formats/apple-health-xml.ts';
import { ImportSink } from '../../../src/import/sink.ts';

self.onmessage = async (e: MessageEvent<File>) => {
  try {
    const sink = new ImportSink(Date.now(), async () => undefined);
    const t0 = performance.now();
    await parseAppleHealthXml(blobChunks(e.data), sink);
    self.postMessage({ ok: true, seconds: (performance.now() - t0) / 1000, records: sink.accepted, bytes: e.data.size });
  } catch (err) {
    self.postMessage({ ok: false, error: String(err) });
  }
};
