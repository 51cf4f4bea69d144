import { stat } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import type { Store } from '../storage/store.ts';
import type { Vintage } from '../../domain/vintage.ts';
import { TRACKER_LINKS_FILE, TRACKER_STATUS_FILE } from './cyberlaw.ts';
import { detectFormat, formatOf, notImportedReason, type FormatId } from './formats.ts';
import { builtInGroups } from './groups.ts';
import { importFile, listFiles, type ImportOptions, type ImportResult } from './import-file.ts';

export interface PlannedFile {
  path: string;
  label: string;
  format: FormatId | null;
  /** Why the file is not imported, when it is not. */
  skip: string | null;
}

/** Files an importer reads beside another one (the tracker's document links): the file they go with, else null. */
function companionOf(path: string, files: readonly string[]): string | null {
  if (basename(path) !== TRACKER_LINKS_FILE) return null;
  const status = join(dirname(path), TRACKER_STATUS_FILE);
  return files.includes(status) ? TRACKER_STATUS_FILE : null;
}

/**
 * What importing a folder laid out like the shared data folder (one sub-folder per source) will do, in order.
 * Files of no known format are listed with the reason they are skipped.
 */
export async function planFolder(root: string): Promise<PlannedFile[]> {
  const files = await listFiles(root);
  const planned: (PlannedFile & { size: number })[] = [];
  for (const path of files) {
    const label = relative(root, path);
    const companion = companionOf(path, files);
    if (companion) {
      planned.push({ path, label, format: null, skip: `read with ${companion}`, size: 0 });
      continue;
    }
    // JSON is documentation or configuration, unless it is a Comtrade answer saved to disk.
    if (/(^|\/)(PROVENANCE|README)\.md$/i.test(label) || /\.(ya?ml|md)$/i.test(label) || (/\.json$/i.test(label) && !(await detectFormat(path)))) {
      planned.push({ path, label, format: null, skip: 'documentation', size: 0 });
      continue;
    }
    const format = await detectFormat(path);
    const skip = format ? null : ((await notImportedReason(path)) ?? 'not a format the Observatory imports');
    planned.push({ path, label, format, skip, size: (await stat(path)).size });
  }
  for (const p of planned) {
    if (!p.format || !formatOf(p.format).onePerFolder) continue;
    const siblings = planned.filter((q) => q.format === p.format && dirname(q.path) === dirname(p.path));
    const largest = siblings.reduce((a, b) => (b.size > a.size ? b : a));
    if (largest !== p) p.skip = `a subset of ${largest.label}, which is imported instead`;
  }
  return planned
    // Countries before the groups that name them, groups before the figures: each format says where it comes.
    .sort((a, b) => (a.format ? formatOf(a.format).order : 9) - (b.format ? formatOf(b.format).order : 9) || a.label.localeCompare(b.label))
    .map(({ path, label, format, skip }) => ({ path, label, format, skip }));
}

/** Makes sure the Observatory's own reference (world group, WTO members) is stored, once per content. */
export async function ensureReference(store: Store): Promise<Vintage | null> {
  const { meta, groups, memberships } = builtInGroups();
  if (await store.findVintage(meta.dataset, meta.sha256)) return null;
  return store.importVintage(meta, (w) => w.replaceGroups(groups, memberships));
}

export interface FolderProgress {
  /** Called once the plan is known, with the number of files to import. */
  onPlan?: (files: PlannedFile[]) => void;
  onFileStart?: (file: PlannedFile, index: number) => void;
  onBytes?: (bytesRead: number, totalBytes: number) => void;
  onFileDone?: (result: ImportResult, index: number) => void;
}

/**
 * Imports every file of a folder it can, each file its own vintage (all or nothing per file), and stops at
 * the first bad file: what was imported before it stays, and the error names the file, line and field.
 */
export async function importFolder(
  store: Store,
  root: string,
  progress: FolderProgress = {},
  options: Pick<ImportOptions, 'force' | 'asOf'> = {},
): Promise<ImportResult[]> {
  await ensureReference(store);
  const plan = await planFolder(root);
  const todo = plan.filter((p) => !p.skip);
  progress.onPlan?.(todo);
  const results: ImportResult[] = [];
  for (const p of plan) {
    if (p.skip) {
      results.push({ file: p.label, dataset: p.label, format: p.format, status: 'skipped', vintage: null, reason: p.skip, warnings: [] });
    }
  }
  for (const [i, p] of todo.entries()) {
    progress.onFileStart?.(p, i);
    const result = await importFile(store, p.path, {
      label: p.label,
      ...(progress.onBytes ? { onProgress: progress.onBytes } : {}),
      ...(options.force ? { force: true } : {}),
      ...(options.asOf !== undefined ? { asOf: options.asOf } : {}),
    });
    results.push(result);
    progress.onFileDone?.(result, i);
  }
  return results;
}
