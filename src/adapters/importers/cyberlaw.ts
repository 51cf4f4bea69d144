import { readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { CyberlawEntry, Law } from '../../domain/cyberlaw.ts';
import { checkStatuses } from '../../domain/quality.ts';
import type { ImportWriter, Store } from '../storage/store.ts';
import { readTrackerLinks, readTrackerStatus } from '../sources/cyberlaw-tracker.ts';
import type { Chunks } from '../sources/csv.ts';

/** The tracker publishes its document links beside the status file under this name. */
export const TRACKER_LINKS_FILE = 'cyberlaw_tracker_document_links.json';
/** The name the shared data folder gives the tracker's status file. */
export const TRACKER_STATUS_FILE = 'cyberlaw_tracker_status.csv';

/** The document-links file beside a status file, when there is one. */
export async function trackerLinksBeside(path: string): Promise<string | null> {
  const linksPath = join(dirname(path), TRACKER_LINKS_FILE);
  return (await exists(linksPath)) ? linksPath : null;
}

async function exists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * Writes a tracker edition: every economy's status per area as of `asOf`, with the laws the document-links
 * file beside it cites. Economies whose M49 code the Observatory does not know are reported, not written.
 */
export async function writeCyberlawTracker(
  store: Store,
  writer: ImportWriter,
  path: string,
  file: string,
  chunks: Chunks,
  options: { asOf: string; source: string },
  warnings: string[],
): Promise<void> {
  const rows = await readTrackerStatus(chunks, file);
  const linksPath = await trackerLinksBeside(path);
  const links = linksPath ? readTrackerLinks(await readFile(linksPath, 'utf8'), TRACKER_LINKS_FILE) : new Map<string, Map<string, Law[]>>();
  if (!links.size) warnings.push(`${file}: no ${TRACKER_LINKS_FILE} beside it, so the statuses are imported without their laws`);
  const iso3ByM49 = new Map((await store.countries()).filter((c) => c.m49).map((c) => [c.m49 as string, c.iso3]));
  const entries: Omit<CyberlawEntry, 'version'>[] = [];
  const unknown: string[] = [];
  for (const row of rows) {
    const iso3 = iso3ByM49.get(row.m49);
    if (!iso3) {
      unknown.push(`${row.country} (${row.m49})`);
      continue;
    }
    for (const [area, status] of row.statuses) {
      entries.push({ iso3, area, status, asOf: options.asOf, source: options.source, laws: links.get(row.m49)?.get(area) ?? [] });
    }
  }
  if (unknown.length) warnings.push(`${file}: ${unknown.length} economies with M49 codes the Observatory does not know, left out: ${unknown.join('; ')}`);
  await writer.addCyberlawEntries(entries, `tracker edition as of ${options.asOf}`);
  // Without the document links no law is known, so no status can be found to contradict them.
  if (links.size) await writer.addQualityFlags(checkStatuses(entries));
}
