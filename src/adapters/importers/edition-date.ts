import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../../domain/errors.ts';
import { isIsoDate } from '../../domain/group.ts';
import { today } from './format.ts';

/** Where the date of an edition came from, most trusted first. */
export type EditionDateOrigin = 'option' | 'datapackage' | 'provenance' | 'import-day';

export interface EditionDate {
  /** The day the edition's statuses hold from (YYYY-MM-DD). */
  date: string;
  origin: EditionDateOrigin;
  /** Said in the vintage's note: where the date was read. */
  why: string;
}

/** The Frictionless data package that describes the files of a folder. */
export const DATA_PACKAGE = 'datapackage.json';
/** The provenance note the shared data folder keeps beside each source. */
export const PROVENANCE = 'PROVENANCE.md';

/** Fields of a data package resource (then of the package) that state an edition's date, in order. */
const DATE_FIELDS = ['x-as-of', 'date', 'edition'] as const;

async function readIfFile(path: string): Promise<string | null> {
  try {
    if (!(await stat(path)).isFile()) return null;
  } catch {
    return null;
  }
  return readFile(path, 'utf8');
}

/** A date field's value as YYYY-MM-DD, or null when it is not a date ("2026" is a version, not a day). */
function dateOf(value: unknown, file: string, field: string): string | null {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) return null;
  const day = value.slice(0, 10);
  if (!isIsoDate(day)) throw new InputError(`"${value}" is not a date (YYYY-MM-DD)`, { file, field });
  return day;
}

/**
 * The edition date a data package states for a file: the resource whose `path` is the file's name
 * (`x-as-of`, `date` or `edition`), else the package's own fields of the same names. `created` is when the
 * package was made, not the edition, and is not read. Null when the package says nothing of the file.
 */
export function editionDateInPackage(text: string, fileName: string, file = DATA_PACKAGE): string | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(`not JSON: ${(error as Error).message}`, { file });
  }
  if (!data || typeof data !== 'object') throw new InputError('expected a data package (an object)', { file });
  const pkg = data as Record<string, unknown>;
  const resources = Array.isArray(pkg.resources) ? (pkg.resources as unknown[]) : [];
  for (const [i, r] of resources.entries()) {
    if (!r || typeof r !== 'object') continue;
    const resource = r as Record<string, unknown>;
    if (typeof resource.path !== 'string' || basename(resource.path) !== fileName) continue;
    for (const f of DATE_FIELDS) {
      const day = dateOf(resource[f], file, `resources[${i}].${f}`);
      if (day) return day;
    }
  }
  for (const f of DATE_FIELDS) {
    const day = dateOf(pkg[f], file, f);
    if (day) return day;
  }
  return null;
}

/**
 * The edition date a provenance note states for a file: on a line naming the file, a date following
 * "edition", "as of" or "as-of" ("edition date: 2021-12-01", "statuses as of 2026-03-05"). Dates of commits
 * or downloads on the same line are not editions and are not read. Null when no such date is stated.
 */
export function editionDateInProvenance(text: string, fileName: string): string | null {
  const pattern = /\b(?:edition(?: date)?|as[ -]of)\b[^0-9\n|]{0,20}(\d{4}-\d{2}-\d{2})/i;
  for (const line of text.split(/\r?\n/)) {
    if (!line.includes(fileName)) continue;
    const m = pattern.exec(line);
    if (m && isIsoDate(m[1] as string)) return m[1] as string;
  }
  return null;
}

/**
 * The date an edition's statuses hold from: `--as-of` when given, else the `datapackage.json` beside the
 * file, else its folder's PROVENANCE.md, else the day of the import (and the note says so).
 */
export async function editionDate(path: string, asOf: string | undefined): Promise<EditionDate> {
  if (asOf !== undefined) return { date: asOf, origin: 'option', why: 'as given to the import' };
  const name = basename(path);
  const folder = dirname(path);
  const pkg = await readIfFile(join(folder, DATA_PACKAGE));
  if (pkg !== null) {
    const date = editionDateInPackage(pkg, name, `${basename(folder)}/${DATA_PACKAGE}`);
    if (date) return { date, origin: 'datapackage', why: `the edition date in ${DATA_PACKAGE}` };
  }
  const provenance = await readIfFile(join(folder, PROVENANCE));
  if (provenance !== null) {
    const date = editionDateInProvenance(provenance, name);
    if (date) return { date, origin: 'provenance', why: `the edition date stated in ${PROVENANCE}` };
  }
  return { date: today(), origin: 'import-day', why: 'the date of the import: neither a data package nor a provenance note gives the edition date' };
}
