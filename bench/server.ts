// A child process serving the Observatory the way `observatory serve` does, with one addition the benchmark
// needs: on an IPC message it changes the data (a user group saved, then deleted), so the next request of any
// page is a cold render, without restarting the process and waiting for the version check interval.
import { serve } from '@hono/node-server';
import { openStore } from '../src/adapters/storage/open.ts';
import type { FillState } from '../src/app/services/fill.ts';
import { Observatory } from '../src/app/services/observatory.ts';
import { parseUserGroup } from '../src/app/services/user-groups.ts';
import { createApp } from '../src/app/web/server.ts';

export type ToServer = { type: 'change' } | { type: 'stop' };
export type FromServer = { type: 'ready'; port: number } | { type: 'changed'; version: number } | { type: 'error'; message: string };

const dataDir = process.argv[2];
if (!dataDir || !process.send) {
  console.error('usage: run-ts.js bench/server.ts <data dir> (as a child process with an IPC channel)');
  process.exit(2);
}
const send = (message: FromServer) => process.send?.(message);

const store = await openStore({ dataDir });
const obs = new Observatory(store);
const fill: FillState = { running: false, done: 0, total: 0, errors: [], origin: null };
const app = createApp({ obs, fill });
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (address) => send({ type: 'ready', port: address.port }));

const CHANGE_GROUP = 'BENCH_DATA_CHANGE';

async function changeData(): Promise<number> {
  const { group, memberships } = parseUserGroup(
    { id: CHANGE_GROUP, names: { en: 'Benchmark data change' }, members: ['NGA'] },
    await obs.ref(),
    'benchmark',
    'benchmark',
  );
  await store.saveUserGroup(group, memberships);
  await store.deleteUserGroup(CHANGE_GROUP);
  return obs.refresh(true);
}

async function stop(): Promise<void> {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await store.close();
  process.exit(0);
}

process.on('message', (message: ToServer) => {
  if (message.type === 'change') {
    changeData().then(
      (version) => send({ type: 'changed', version }),
      (error: unknown) => send({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
  } else if (message.type === 'stop') {
    void stop();
  }
});
process.once('SIGTERM', () => void stop());
process.once('disconnect', () => void stop());
