import { existsSync, statSync } from 'node:fs';
import { ensureReference, importFolder } from '../../adapters/importers/folder.ts';
import { importWorldBankCountries, importWorldBankIndicator, ONLINE_INDICATORS } from '../../adapters/importers/online.ts';
import { worldBankApiAddress } from '../../adapters/sources/worldbank-api-address.ts';
import type { Store } from '../../adapters/storage/store.ts';

/** Where the first fill is, for the pages' notice and the status API. */
export interface FillState {
  running: boolean;
  done: number;
  total: number;
  errors: string[];
  /** Where the data came from: a folder, the World Bank API, or nothing yet. */
  origin: string | null;
}

export interface FillOptions {
  /** A folder laid out like the shared data folder; used when it exists. */
  sources: string | null;
  /**
   * The World Bank API root, for filling online when no folder is given; null to stay offline; when absent,
   * OBSERVATORY_WB_API, else the public API (`worldBankApiAddress`).
   */
  apiBaseUrl?: string | null | undefined;
  /** The environment OBSERVATORY_WB_API is read from; process.env when not given. */
  env?: Readonly<Record<string, string | undefined>> | undefined;
  log?: (line: string) => void;
}

export function isFolder(path: string | null): path is string {
  return path !== null && existsSync(path) && statSync(path).isDirectory();
}

/**
 * Fills an empty database from the sources it can reach: the local folder when there is one, otherwise the
 * World Bank API. A database that already holds data only gets the Observatory's own reference brought up
 * to date. Errors are recorded in the state and logged; they never stop the server.
 */
export async function fillIfEmpty(store: Store, options: FillOptions, state: FillState): Promise<void> {
  const log = options.log ?? (() => undefined);
  try {
    await ensureReference(store);
    if ((await store.indicators()).length > 0) return;
    state.running = true;
    if (isFolder(options.sources)) {
      state.origin = options.sources;
      log(`filling the database from ${options.sources}`);
      const results = await importFolder(store, options.sources, {
        onPlan: (files) => {
          state.total = files.length;
        },
        onFileDone: (result, i) => {
          state.done = i + 1;
          for (const w of result.warnings) log(`warning: ${w}`);
        },
      });
      const imported = results.filter((r) => r.status === 'imported').length;
      log(`imported ${imported} files from ${options.sources}`);
    } else if (options.apiBaseUrl !== null) {
      const baseUrl = options.apiBaseUrl ?? worldBankApiAddress(undefined, options.env ?? process.env).url;
      state.origin = baseUrl;
      state.total = ONLINE_INDICATORS.length + 1;
      log(`no source folder; filling the database from ${baseUrl}`);
      await importWorldBankCountries(store, { baseUrl });
      state.done = 1;
      for (const code of ONLINE_INDICATORS) {
        try {
          // An incomplete download (IncompleteDownloadError) stores nothing of that indicator.
          await importWorldBankIndicator(store, code, { baseUrl });
        } catch (error) {
          state.errors.push(`${code}: ${error instanceof Error ? error.message : String(error)}`);
          log(`could not download ${code}: ${error instanceof Error ? error.message : String(error)}`);
        }
        state.done++;
      }
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    state.errors.push(message);
    log(`the first fill stopped: ${message}`);
  } finally {
    state.running = false;
  }
}
