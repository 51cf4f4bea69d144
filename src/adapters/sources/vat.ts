import { InputError } from '../../domain/errors.ts';
import { isIsoDate, type IsoDate } from '../../domain/group.ts';
import { VAT_LEGISLATED, VAT_MODELS, vatLegislatedFromText, vatLegislatedOf, vatModelFromText, type VatEntry } from '../../domain/moratorium/vat.ts';
import type { TrackerStatusRow } from './cyberlaw-tracker.ts';
import { readCsv, type Chunks } from './csv.ts';
import { cell, Header, noHeader, numberCell, optionalText, RowOnce } from './fields.ts';

/** The edition a tracker file's statuses come from. */
export interface TrackerEdition {
  asOf: IsoDate;
  source: string;
  sourceUrl: string | null;
}

/**
 * The VAT/GST registry's entries from the tracker's status rows (readTrackerStatus): the Indirect Taxation
 * column becomes `legislated`; the tracker gives no rate, date, threshold or model, so those stay null here
 * and the registry takes them from the built-in facts and later sources when it merges (mergeVatEntries),
 * rather than freezing a copy of the facts into each edition. Rows whose M49 code names no known country
 * are returned apart.
 */
export function trackerVatEntries(
  rows: readonly TrackerStatusRow[],
  iso3ByM49: ReadonlyMap<string, string>,
  edition: TrackerEdition,
): { entries: VatEntry[]; unknown: TrackerStatusRow[] } {
  const entries: VatEntry[] = [];
  const unknown: TrackerStatusRow[] = [];
  for (const row of rows) {
    const iso3 = iso3ByM49.get(row.m49);
    if (!iso3) {
      unknown.push(row);
      continue;
    }
    entries.push({
      iso3,
      rate: null,
      start: null,
      threshold: null,
      model: null,
      legislated: vatLegislatedOf(row.statuses.get('indirect-taxation') ?? 'no-data'),
      source: `${edition.source}, Indirect Taxation`,
      sourceUrl: edition.sourceUrl,
      note: null,
      asOf: edition.asOf,
    });
  }
  return { entries, unknown };
}

/** The columns of a VAT/GST registry file, in order; `legislated` and `as_of` may follow. */
export const VAT_REGISTRY_COLUMNS = ['iso3', 'rate', 'start', 'threshold_amount', 'threshold_currency', 'model', 'source', 'source_url', 'note'] as const;

export interface VatRegistryRow {
  entry: VatEntry;
  line: number;
}

const ISO3 = /^[A-Z]{3}$/;

/**
 * Reads a VAT/GST registry that a secretariat compiles
 * (`iso3,rate,start,threshold_amount,threshold_currency,model,source,source_url,note[,legislated][,as_of]`):
 * rate in percent, dates as YYYY-MM-DD, the model by name or questionnaire id, a source on every row. A row
 * with a rate is "legislation" unless its `legislated` cell says otherwise; `as_of` defaults to `asOf` (the
 * day of the import). Every bad cell is an InputError naming the line and column; a country given twice too.
 */
export async function readVatRegistry(input: Chunks, file: string, options: { asOf: IsoDate }): Promise<VatRegistryRow[]> {
  let header: Header | null = null;
  let at: Record<(typeof VAT_REGISTRY_COLUMNS)[number], number> | null = null;
  let legislatedAt = -1;
  let asOfAt = -1;
  const once = new RowOnce(file);
  const rows: VatRegistryRow[] = [];
  for await (const row of readCsv(input, file)) {
    if (!header || !at) {
      const h = new Header(row.fields, row.line, file);
      header = h;
      at = Object.fromEntries(VAT_REGISTRY_COLUMNS.map((c) => [c, h.require(c)])) as Record<(typeof VAT_REGISTRY_COLUMNS)[number], number>;
      legislatedAt = h.find('legislated');
      asOfAt = h.find('as_of');
      continue;
    }
    if (row.fields.every((f) => f.trim() === '')) continue;
    const where = (field: string) => ({ file, line: row.line, field });
    const get = (i: number) => cell(row.fields, i);

    const iso3 = get(at.iso3).toUpperCase();
    if (!ISO3.test(iso3)) throw new InputError(`not an ISO 3166 alpha-3 code: ${JSON.stringify(get(at.iso3))}`, where('iso3'));
    once.check(iso3, row.line, 'iso3', iso3);

    const rate = numberCell(get(at.rate), where('rate'));
    if (rate !== null && (rate < 0 || rate > 100)) throw new InputError(`a rate is a percentage between 0 and 100, not ${rate}`, where('rate'));

    const date = (i: number, field: string): IsoDate | null => {
      const text = get(i);
      if (text === '') return null;
      if (!isIsoDate(text)) throw new InputError(`not a date (YYYY-MM-DD): ${JSON.stringify(text)}`, where(field));
      return text;
    };
    const start = date(at.start, 'start');

    const amount = numberCell(get(at.threshold_amount), where('threshold_amount'));
    if (amount !== null && amount < 0) throw new InputError(`a threshold cannot be negative: ${amount}`, where('threshold_amount'));
    const currency = optionalText(get(at.threshold_currency))?.toUpperCase() ?? null;
    if (currency !== null && !ISO3.test(currency)) {
      throw new InputError(`not an ISO 4217 currency code: ${JSON.stringify(get(at.threshold_currency))}`, where('threshold_currency'));
    }
    if (currency !== null && amount === null) throw new InputError('a currency without a threshold amount', where('threshold_currency'));

    const modelText = get(at.model);
    const model = modelText === '' ? null : vatModelFromText(modelText);
    if (modelText !== '' && model === null) {
      throw new InputError(`${JSON.stringify(modelText)} is not a collection model (${VAT_MODELS.join(', ')})`, where('model'));
    }

    const source = get(at.source);
    if (source === '') throw new InputError('every row names its source (the law, notice or answer it comes from)', where('source'));
    const sourceUrl = optionalText(get(at.source_url));
    if (sourceUrl !== null && !/^https?:\/\/\S+$/.test(sourceUrl)) throw new InputError(`not a web link (http:// or https://): ${JSON.stringify(sourceUrl)}`, where('source_url'));

    const legislatedText = get(legislatedAt);
    const legislated = legislatedText === '' ? (rate === null ? 'no data' : 'legislation') : vatLegislatedFromText(legislatedText);
    if (legislated === null) throw new InputError(`${JSON.stringify(legislatedText)} is not a status (${VAT_LEGISLATED.join(', ')})`, where('legislated'));

    rows.push({
      entry: {
        iso3,
        rate,
        start,
        threshold: amount === null ? null : { amount, currency },
        model,
        legislated,
        source,
        sourceUrl,
        note: optionalText(get(at.note)),
        asOf: (asOfAt >= 0 ? date(asOfAt, 'as_of') : null) ?? options.asOf,
      },
      line: row.line,
    });
  }
  if (!header) noHeader(file, 'iso3');
  return rows;
}
