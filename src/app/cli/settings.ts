import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { openStore } from '../../adapters/storage/open.ts';
import type { Store } from '../../adapters/storage/store.ts';
import { composeServices, type Services } from '../services/compose.ts';

/** Settings every command shares, from flags first, then the environment. */
export interface GlobalSettings {
  databaseUrl: string | undefined;
  dataDir: string;
}

export function globalSettings(flags: { 'database-url'?: string | undefined; 'data-dir'?: string | undefined }, env = process.env): GlobalSettings {
  return {
    databaseUrl: flags['database-url'] ?? env.DATABASE_URL ?? undefined,
    dataDir: resolve(flags['data-dir'] ?? env.OBSERVATORY_DATA_DIR ?? 'data'),
  };
}

export function openFromSettings(settings: GlobalSettings): Promise<Store> {
  return openStore({ databaseUrl: settings.databaseUrl, dataDir: settings.dataDir });
}

/**
 * Opens the store the settings name, does the work and closes the store, whatever happened.
 * @example await withStore(globalSettings(values), (store) => store.vintages())
 */
export async function withStore<T>(settings: GlobalSettings, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openFromSettings(settings);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/**
 * Opens the store, builds the services over it once (src/app/services/compose.ts), does the work and closes the store.
 * @example await withServices(globalSettings(values), ({ moratorium }) => moratorium.lists())
 */
export function withServices<T>(settings: GlobalSettings, work: (services: Services) => Promise<T>): Promise<T> {
  return withStore(settings, (store) => work(composeServices(store)));
}

/** The source folder to fill from: OBSERVATORY_SOURCES, or ../shared/data when it exists, or none. */
export function defaultSources(env = process.env): string | null {
  if (env.OBSERVATORY_SOURCES !== undefined) return env.OBSERVATORY_SOURCES === '' ? null : resolve(env.OBSERVATORY_SOURCES);
  const shared = resolve('../shared/data');
  return existsSync(shared) ? shared : null;
}
