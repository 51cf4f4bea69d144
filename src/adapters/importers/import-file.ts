import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../../domain/errors.ts';
import { isIsoDate } from '../../domain/group.ts';
import { fileChunks } from '../sources/csv.ts';
import type { Store } from '../storage/store.ts';
import type { Vintage } from '../../domain/vintage.ts';
import type { ImportOptions } from './format.ts';
import { detectFormat, displayName, formatOf, FORMATS, isFormat, notImportedReason, type FormatId } from './formats.ts';

export type { ImportOptions } from './format.ts';

export interface ImportResult {
  file: string;
  dataset: string;
  format: FormatId | null;
  status: 'imported' | 'unchanged' | 'skipped';
  vintage: Vintage | null;
  /** Why a file was skipped, or what an unchanged file matched. */
  reason: string | null;
  warnings: string[];
}

/** The SHA-256 of a file, streamed. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** One fingerprint for a file read together with a companion. */
function combinedSha256(main: string, companion: string): string {
  return createHash('sha256').update(`${main}\n${companion}`).digest('hex');
}

/**
 * Imports one file as a new vintage, all or nothing: recognises its format, returns "unchanged" when the
 * same content is stored already, then lets the format's module (formats/) prepare and write it. Bad
 * content throws an InputError naming the file, line and field; the stored data are then left as they were.
 */
export async function importFile(store: Store, path: string, options: ImportOptions = {}): Promise<ImportResult> {
  const file = options.label ?? displayName(path);
  let id: FormatId | null;
  if (options.format !== undefined) {
    if (!isFormat(options.format)) throw new InputError(`unknown format "${options.format}"; known: ${FORMATS.join(', ')}`, { file });
    id = options.format;
  } else {
    id = await detectFormat(path);
  }
  const dataset = options.dataset ?? `${basename(dirname(path))}/${basename(path)}`;
  const base = { file, dataset, format: id, vintage: null, warnings: [] as string[] };
  if (!id) return { ...base, status: 'skipped', reason: (await notImportedReason(path)) ?? 'not a format the Observatory imports' };
  const format = formatOf(id);

  if (options.asOf !== undefined && !isIsoDate(options.asOf)) {
    throw new InputError(`"${options.asOf}" is not a date (YYYY-MM-DD)`, { file, field: 'asOf' });
  }
  const companion = (await format.companion?.(path, options)) ?? null;
  const sha256 = companion ? combinedSha256(await sha256File(path), await sha256File(companion)) : await sha256File(path);
  const previous = await store.findVintage(dataset, sha256);
  if (previous && !options.force) {
    return { ...base, status: 'unchanged', vintage: previous, reason: `same content as vintage ${previous.id}` };
  }

  const prepared = await format.prepare({
    store,
    path,
    file,
    options,
    source: format.source,
    companion,
    chunks: () => fileChunks(path, options.onProgress),
  });
  if ('skip' in prepared) return { ...base, status: 'skipped', reason: prepared.skip };
  const warnings: string[] = [];
  const vintage = await store.importVintage(
    {
      dataset,
      source: format.source.source,
      format: id,
      fileName: basename(path),
      sha256,
      licence: format.source.licence,
      sourceUrl: format.source.url,
      publishedAt: prepared.publishedAt ?? null,
      note: prepared.note ?? null,
    },
    (writer) => prepared.write(writer, warnings),
  );
  return { ...base, status: 'imported', vintage, reason: null, warnings };
}

/** Files of a folder, recursively, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) files.push(...(await listFiles(p)));
    else if (e.isFile()) files.push(p);
  }
  return files;
}
