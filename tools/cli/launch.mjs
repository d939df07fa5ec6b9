#!/usr/bin/env node
// `npm run cli -- ...` runs this: it rebuilds the CLI's bundle when a source is newer than it
// (tools/build/cli.mjs), then runs the bundle in this same process, so Node starts once.
import { pathToFileURL } from 'node:url';
import { ensureCli } from '../build/cli.mjs';

let bundle;
try {
  bundle = await ensureCli();
} catch (e) {
  // esbuild has already printed where the source does not compile.
  console.error(`doppel: the CLI could not be built: ${e instanceof Error ? e.message.split('\n')[0].replace(/:$/, '') : String(e)}`);
  console.log(JSON.stringify({ error: 'the CLI could not be built' }));
  process.exit(1);
}
await import(pathToFileURL(bundle).href);
