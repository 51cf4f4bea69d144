// A child process serving the Observatory the way `observatory serve` does (createApp on @hono/node-server,
// loopback only), over a store the registry load run filled beforehand: the embedded file of a data folder,
// or a PostgreSQL schema, which `observatory serve` cannot be pointed at. It reports its port over IPC.
import { serve } from '@hono/node-server';
import { openStore } from '../src/adapters/storage/open.ts';
import type { FillState } from '../src/app/services/fill.ts';
import { Observatory } from '../src/app/services/observatory.ts';
import { createApp } from '../src/app/web/server.ts';

export type FromRegistryServer = { type: 'ready'; port: number } | { type: 'error'; message: string };

const [kind, target, schema] = process.argv.slice(2);
if ((kind !== 'duckdb' && kind !== 'postgres') || !target || !process.send) {
  console.error('usage: run-ts.js bench/registry-server.ts duckdb <data dir> | postgres <url> <schema> (as a child process with an IPC channel)');
  process.exit(2);
}

const store = await openStore(kind === 'duckdb' ? { dataDir: target } : { databaseUrl: target, ...(schema ? { schema } : {}) });
const obs = new Observatory(store);
await obs.refresh(true);
const fill: FillState = { running: false, done: 0, total: 0, errors: [], origin: null };
const app = createApp({ obs, fill });
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (address) => process.send?.({ type: 'ready', port: address.port } satisfies FromRegistryServer));

async function stop(): Promise<void> {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await store.close();
  process.exit(0);
}
process.once('SIGTERM', () => void stop());
process.once('disconnect', () => void stop());
