import type { ImportWriter, Store } from '../storage/store.ts';

/**
 * What one source format is to the importer: how a file of it is recognised, which file is read with it,
 * and how it becomes a vintage. Each format has its module in `formats/`; `formats.ts` lists them.
 * @example export const long = defineFormat({ id: 'long', source, order: 4, recognise: { extension: 'csv', header: (h) => … }, prepare: async (input) => … });
 */
export interface ImportFormat<Id extends string = string> {
  id: Id;
  /** Who publishes the format, under which licence: recorded on every vintage. */
  source: SourceInfo;
  /** Where its files come in a folder import: countries before the groups that name them, groups before the figures. */
  order: number;
  /** Where one file of a folder says all the others do (subsets of the same table): only the largest is imported. */
  onePerFolder?: boolean;
  recognise: Recognition;
  /**
   * The file read together with this one (the tracker's document links, a schedule's configuration): its
   * content is part of the vintage's fingerprint, so a changed companion is a new vintage.
   */
  companion?: (path: string, options: ImportOptions) => Promise<string | null>;
  /**
   * Reads what the import needs before it starts (from the store, the file's name, a companion) and says
   * what the vintage will hold, or why the file is skipped. Throws InputError when the store lacks what the
   * file needs.
   */
  prepare(input: ImportInput): Promise<PreparedImport | { skip: string }>;
}

/** Who publishes a format, under which licence. */
export interface SourceInfo {
  source: string;
  licence: string;
  url: string | null;
}

/** How a file of a format is recognised. */
export interface Recognition {
  /** The extension of the format's files. */
  extension: 'csv' | 'json';
  /** A file is of the format when its beginning passes this test. */
  header?: (head: FileHead) => boolean;
  /** A file is of the format, whatever its header, when this finds the file's companion beside it. */
  companion?: (path: string) => Promise<string | null>;
  /** Files of this name are the format's companions, never formats of their own. */
  isCompanion?: (path: string) => boolean;
}

/** The beginning of a file, as recognition reads it. */
export interface FileHead {
  /** The first 64 KiB as text, without a byte-order mark. */
  text: string;
  /** The first eight lines with quotes removed and case folded. */
  lines: string[];
  /** The first of them (the header of most formats). */
  first: string;
}

export interface ImportOptions {
  /** The format, when it should not be detected from the header. */
  format?: string;
  /** The dataset's stable name; by default "<folder>/<file>". */
  dataset?: string;
  /** The indicator code of a long file; by default from the file name ("sp.pop.totl.csv" → SP.POP.TOTL). */
  indicator?: string;
  /** The World Bank fiscal year of a classification file whose companion data file gives no date. */
  fiscalYear?: number;
  /** The HS edition of a BACI file whose name does not say it, or of a WITS tariff file without a nomenclature column. */
  edition?: string;
  /** The configuration of a national tariff schedule (`<name>.tariff.json` beside the file by default). */
  tariffConfig?: string;
  /**
   * The date a cyberlaw tracker edition's statuses hold from (YYYY-MM-DD); by default the edition's date in
   * the datapackage.json or PROVENANCE.md beside the file (edition-date.ts), else the day of the import. For a VAT/GST registry, the date of its rows that give no `as_of` (by default the day of the
   * import).
   */
  asOf?: string;
  /** Import even when the same file was imported before (a new vintage with the same content). */
  force?: boolean;
  /** How the file is named in messages (its path relative to the imported folder). */
  label?: string;
  onProgress?: (bytesRead: number, totalBytes: number) => void;
}

/** What a format's `prepare` is given. */
export interface ImportInput {
  store: Store;
  path: string;
  /** How the file is named in messages. */
  file: string;
  options: ImportOptions;
  source: SourceInfo;
  /** The companion found for the fingerprint, or null. */
  companion: string | null;
  /** The file's content, streamed afresh at each call. */
  chunks(): AsyncGenerator<Uint8Array>;
}

/** An import made ready: what the vintage says of itself, and what it writes. */
export interface PreparedImport {
  /** The publication date of the file's values, when the file says it. */
  publishedAt?: string | null;
  /** The mapping rules the vintage carries (years, currency conversion, scheme members, the edition's date). */
  note?: string | null;
  /** Writes the file's records into the vintage; what was left out is reported in `warnings`. */
  write(writer: ImportWriter, warnings: string[]): Promise<void>;
}

/** A format module, its id kept as a literal type so that the registry can list the ids. */
export function defineFormat<const Id extends string>(format: ImportFormat<Id>): ImportFormat<Id> {
  return format;
}

/** The day of the import, for dates a file does not give. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
