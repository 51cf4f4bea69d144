import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../../domain/errors.ts';
import { isIsoDate } from '../../domain/group.ts';
import { NAME_ALIASES, nameKey, nameKeyCandidates } from '../../domain/names.ts';
import { fiscalYearOn } from '../../domain/worldbank.ts';
import { collect, forEachBatch } from '../sources/batches.ts';
import { fileChunks } from '../sources/csv.ts';
import { readCountryCodes } from '../sources/country-codes.ts';
import { readFindex } from '../sources/findex.ts';
import { indicatorFromFileName, readLongCsv } from '../sources/long.ts';
import { readM49 } from '../sources/m49.ts';
import { readOrgMemberships } from '../sources/org-memberships.ts';
import type { SourceObservation } from '../sources/records.ts';
import { readWitsTimeseries } from '../sources/wits-timeseries.ts';
import { readWorldBankMetadata } from '../sources/worldbank-metadata.ts';
import { readWorldBankWide } from '../sources/worldbank-wide.ts';
import type { Store } from '../storage/store.ts';
import type { NewVintage, Vintage } from '../../domain/vintage.ts';
import { writeCountries } from './countries.ts';
import { trackerLinksBeside, writeCyberlawTracker } from './cyberlaw.ts';
import { detectFormat, displayName, isFormat, notImportedReason, SOURCES, FORMATS, type FormatId } from './formats.ts';
import { classificationOf, writeClassification, writeOrganisations } from './groups.ts';
import { observationSink } from './observations.ts';
import { isTradeFormat, prepareTradeImport } from './trade.ts';
import { isGenericTradeFormat, prepareGenericTradeImport, tariffConfigBeside } from './trade-generic.ts';
import { writeTrackerVat, writeVatRegistry } from './vat.ts';

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
   * The date a cyberlaw tracker edition's statuses hold from (YYYY-MM-DD); by default the edition's
   * publication date when known, else the day of the import. For a VAT/GST registry, the date of its rows
   * that give no `as_of` (by default the day of the import).
   */
  asOf?: string;
  /** Import even when the same file was imported before (a new vintage with the same content). */
  force?: boolean;
  /** How the file is named in messages (its path relative to the imported folder). */
  label?: string;
  onProgress?: (bytesRead: number, totalBytes: number) => void;
}

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

/** The "Last Updated Date" in the preamble of a World Bank bulk file, if it kept one. */
async function lastUpdatedOf(path: string): Promise<string | null> {
  let text = '';
  for await (const chunk of createReadStream(path, { start: 0, end: 2047, encoding: 'utf8' })) text += chunk as string;
  const m = /"?Last Updated Date"?\s*,\s*"?(\d{4}-\d{2}-\d{2})/.exec(text);
  return m?.[1] ?? null;
}

/** The companion data file of a World Bank "Metadata_Country_API_…" file, in the same folder. */
async function companionOf(path: string): Promise<string | null> {
  const name = basename(path);
  const m = /^Metadata_Country_(API_.+)$/i.exec(name);
  if (!m?.[1]) return null;
  const candidate = join(dirname(path), m[1]);
  try {
    await stat(candidate);
    return candidate;
  } catch {
    return null;
  }
}

/**
 * Imports one file as a new vintage, all or nothing. A file already imported unchanged is recognised by
 * its hash and not imported again. Bad content throws an InputError naming the file, line and field; the
 * stored data are then left as they were.
 */
export async function importFile(store: Store, path: string, options: ImportOptions = {}): Promise<ImportResult> {
  const file = options.label ?? displayName(path);
  let format: FormatId | null;
  if (options.format !== undefined) {
    if (!isFormat(options.format)) throw new InputError(`unknown format "${options.format}"; known: ${FORMATS.join(', ')}`, { file });
    format = options.format;
  } else {
    format = await detectFormat(path);
  }
  const dataset = options.dataset ?? `${basename(dirname(path))}/${basename(path)}`;
  const base = { file, dataset, format, vintage: null, warnings: [] as string[] };
  if (!format) return { ...base, status: 'skipped', reason: (await notImportedReason(path)) ?? 'not a format the Observatory imports' };

  if (options.asOf !== undefined && !isIsoDate(options.asOf)) {
    throw new InputError(`"${options.asOf}" is not a date (YYYY-MM-DD)`, { file, field: 'asOf' });
  }
  // The tracker's laws come from the document-links file beside it: a new links file is a new edition too.
  const linksPath = format === 'cyberlaw-tracker-status' ? await trackerLinksBeside(path) : null;
  // A national schedule is read as its configuration says: a changed configuration is a new vintage too.
  const configPath = format === 'national-tariff' ? (options.tariffConfig ?? (await tariffConfigBeside(path))) : null;
  const companion = linksPath ?? configPath;
  const sha256 = companion ? combinedSha256(await sha256File(path), await sha256File(companion)) : await sha256File(path);
  const previous = await store.findVintage(dataset, sha256);
  if (previous && !options.force) {
    return { ...base, status: 'unchanged', vintage: previous, reason: `same content as vintage ${previous.id}` };
  }

  const info = SOURCES[format];
  let publishedAt: string | null = null;
  let fiscalYear: number | null = null;
  if (format === 'worldbank-wide') publishedAt = await lastUpdatedOf(path);
  if (format === 'worldbank-metadata') {
    const companion = await companionOf(path);
    publishedAt = companion ? await lastUpdatedOf(companion) : null;
    fiscalYear = options.fiscalYear ?? (publishedAt ? fiscalYearOn(publishedAt) : null);
    if (fiscalYear === null) {
      return {
        ...base,
        status: 'skipped',
        reason: 'the fiscal year of this classification is unknown (its companion data file gives no "Last Updated Date"); import it with --fiscal-year',
      };
    }
  }
  let asOf: { date: string; why: string } | null = null;
  if (format === 'cyberlaw-tracker-status') {
    asOf =
      options.asOf !== undefined
        ? { date: options.asOf, why: 'as given to the import' }
        : publishedAt
          ? { date: publishedAt, why: 'the publication date of the edition' }
          : { date: new Date().toISOString().slice(0, 10), why: 'the date of the import: the edition gives no publication date' };
  }
  // Trade files state their mapping rules (years, currency conversion, scheme members) in the note.
  const progress = options.onProgress ? { onProgress: options.onProgress } : {};
  const trade = isTradeFormat(format)
    ? await prepareTradeImport(store, format, { path, file, ...progress })
    : isGenericTradeFormat(format)
      ? await prepareGenericTradeImport(store, format, {
          path,
          file,
          ...progress,
          ...(options.edition !== undefined ? { edition: options.edition } : {}),
          ...(configPath !== null ? { tariffConfig: configPath } : {}),
        })
      : null;
  const notes = [
    ...(trade ? [trade.note] : []),
    ...(fiscalYear !== null ? [`classification for fiscal year ${fiscalYear}`] : []),
    ...(asOf ? [`statuses as of ${asOf.date} (${asOf.why})${linksPath ? '; laws from ' + basename(linksPath) : '; no document links beside the file'}`] : []),
  ];
  const meta: NewVintage = {
    dataset,
    source: info.source,
    format,
    fileName: basename(path),
    sha256,
    licence: info.licence,
    sourceUrl: info.url,
    publishedAt,
    note: notes.length ? notes.join('; ') : null,
  };
  const warnings: string[] = [];
  const chunks = () => fileChunks(path, options.onProgress);
  const known = new Set((await store.countries()).map((c) => c.iso3));

  const vintage = await store.importVintage(meta, async (writer) => {
    const sink = () => observationSink(writer, file, known);
    switch (format) {
      case 'worldbank-wide': {
        const s = sink();
        const summary = await forEachBatch(readWorldBankWide(chunks(), file), (b) => s.add(b));
        await s.finish(summary.indicators);
        return;
      }
      case 'long': {
        const indicator = options.indicator ?? indicatorFromFileName(path);
        const s = sink();
        await forEachBatch(readLongCsv(chunks(), file, { indicator }), (b) => s.add(b));
        await s.finish(new Map());
        return;
      }
      case 'findex': {
        const s = sink();
        await forEachBatch(readFindex(chunks(), file), (b) => s.add(b));
        await s.finish(new Map());
        return;
      }
      case 'wits-timeseries': {
        const s = sink();
        const resolved = await witsObservations(store, path, file, chunks, warnings);
        await s.add(resolved.observations);
        await s.finish(resolved.indicators);
        return;
      }
      case 'm49': {
        const { records } = await collect(readM49(chunks(), file));
        await writeCountries(store, writer, records, `${info.source}, ${basename(path)}`);
        return;
      }
      case 'country-codes': {
        const { records } = await collect(readCountryCodes(chunks(), file));
        await writeCountries(store, writer, records, `${info.source}, ${basename(path)}`);
        return;
      }
      case 'org-memberships': {
        const { records } = await collect(readOrgMemberships(chunks(), file));
        await writeOrganisations(writer, records, `${info.source}, ${basename(path)}`);
        return;
      }
      case 'worldbank-metadata': {
        const { records } = await collect(readWorldBankMetadata(chunks(), file));
        await writeClassification(store, writer, classificationOf(records), fiscalYear as number, info.source);
        return;
      }
      case 'cyberlaw-tracker-status': {
        const edition = asOf?.date ?? '';
        await writeCyberlawTracker(store, writer, path, file, chunks(), { asOf: edition, source: `${info.source} (edition as of ${edition})` }, warnings);
        // The Indirect Taxation column also feeds the VAT/GST registry, in the same vintage.
        await writeTrackerVat(store, writer, file, chunks(), { asOf: edition, source: `${info.source} (edition as of ${edition})`, sourceUrl: info.url });
        return;
      }
      case 'vat-registry':
        await writeVatRegistry(store, writer, file, chunks(), { asOf: options.asOf ?? new Date().toISOString().slice(0, 10) });
        return;
      case 'nepal-imports':
      case 'nepal-tariff':
      case 'trademap-bilateral':
      case 'afcfta-eac':
      case 'afcfta-ethiopia':
      case 'us-hts':
      case 'uk-eu-tariffs':
      case 'hs-correlation':
      case 'baci':
      case 'comtrade-legacy':
      case 'comtrade-plus-csv':
      case 'comtrade-plus-json':
      case 'wits-tariff':
      case 'national-tariff':
        await trade?.fill(writer, warnings);
        return;
    }
  });
  return { ...base, status: 'imported', vintage, reason: null, warnings };
}

/** WITS indicator names and the WDI codes of the same series. */
const WITS_INDICATORS: ReadonlyMap<string, string> = new Map([
  ['Customs and other import duties (% of tax revenue)', 'GC.TAX.IMPT.ZS'],
  ['Taxes on international trade (current LCU)', 'GC.TAX.INTT.CN'],
]);

/**
 * WITS identifies countries by name only: names are matched to codes through the names other sources
 * gave (World Bank files) and the country names. Unmatched names are reported, their rows left out.
 */
async function witsObservations(
  store: Store,
  path: string,
  file: string,
  chunks: () => AsyncGenerator<Uint8Array>,
  warnings: string[],
): Promise<{ observations: SourceObservation[]; indicators: Map<string, string> }> {
  const aliases = await store.aliases();
  for (const a of NAME_ALIASES) aliases.set(nameKey(a.name), a.iso3);
  for (const c of await store.countries()) {
    for (const name of Object.values(c.names)) {
      for (const key of nameKeyCandidates(name)) if (!aliases.has(key)) aliases.set(key, c.iso3);
    }
  }
  const { records } = await collect(readWitsTimeseries(chunks(), file));
  const observations: SourceObservation[] = [];
  const indicators = new Map<string, string>();
  const unmatched = new Set<string>();
  for (const r of records) {
    const code = WITS_INDICATORS.get(r.indicatorName);
    if (!code) {
      throw new InputError(`unknown indicator "${r.indicatorName}"; known: ${[...WITS_INDICATORS.keys()].join('; ')}`, {
        file,
        line: r.line,
        field: 'Indicator Name',
      });
    }
    indicators.set(code, r.indicatorName);
    const entity = nameKeyCandidates(r.countryName).map((k) => aliases.get(k)).find((c) => c !== undefined);
    if (!entity) {
      unmatched.add(r.countryName);
      continue;
    }
    observations.push({ indicator: code, entity, entityName: r.countryName, year: r.year, value: r.value });
  }
  if (unmatched.size > 0) {
    warnings.push(`${basename(path)}: ${unmatched.size} country names not recognised, their values left out: ${[...unmatched].sort().join('; ')}`);
  }
  return { observations, indicators };
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
