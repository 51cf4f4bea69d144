import { InputError, type InputLocation } from '../../domain/errors.ts';
import { isIsoDate, type IsoDate } from '../../domain/group.ts';
import { VAT_LEGISLATED, VAT_MODELS, vatLegislatedFromText, vatLegislatedOf, vatModelFromText, type VatEntry } from '../../domain/moratorium/vat.ts';
import type { TrackerStatusRow } from './cyberlaw-tracker.ts';
import { columns, readTable } from './columns.ts';
import type { Chunks } from './csv.ts';
import { numberCell, optionalText, RowOnce } from './fields.ts';

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

/** A date cell (YYYY-MM-DD); an empty cell is null. */
function dateCell(text: string, where: InputLocation): IsoDate | null {
  if (text === '') return null;
  if (!isIsoDate(text)) throw new InputError(`not a date (YYYY-MM-DD): ${JSON.stringify(text)}`, where);
  return text;
}

/** The columns of a VAT/GST registry file, in order; `legislated` and `as_of` may follow. */
const COLUMNS = columns({
  iso3: { header: 'iso3', required: true },
  rate: { header: 'rate', required: true, parse: numberCell },
  start: { header: 'start', required: true, parse: dateCell },
  threshold_amount: { header: 'threshold_amount', required: true, parse: numberCell },
  threshold_currency: { header: 'threshold_currency', required: true },
  model: { header: 'model', required: true },
  source: { header: 'source', required: true },
  source_url: { header: 'source_url', required: true },
  note: { header: 'note', required: true },
  legislated: { header: 'legislated' },
  as_of: { header: 'as_of', parse: dateCell },
});

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
  const once = new RowOnce(file);
  const rows: VatRegistryRow[] = [];
  for await (const batch of readTable(input, file, COLUMNS)) {
    for (const row of batch) {
      if (row.fields.every((f) => f.trim() === '')) continue;

      const iso3 = row.text('iso3').toUpperCase();
      if (!ISO3.test(iso3)) throw new InputError(`not an ISO 3166 alpha-3 code: ${JSON.stringify(row.text('iso3'))}`, row.at('iso3'));
      once.check(iso3, row.line, 'iso3', iso3);

      const rate = row.get('rate');
      if (rate !== null && (rate < 0 || rate > 100)) throw new InputError(`a rate is a percentage between 0 and 100, not ${rate}`, row.at('rate'));

      const start = row.get('start');

      const amount = row.get('threshold_amount');
      if (amount !== null && amount < 0) throw new InputError(`a threshold cannot be negative: ${amount}`, row.at('threshold_amount'));
      const currency = optionalText(row.text('threshold_currency'))?.toUpperCase() ?? null;
      if (currency !== null && !ISO3.test(currency)) {
        throw new InputError(`not an ISO 4217 currency code: ${JSON.stringify(row.text('threshold_currency'))}`, row.at('threshold_currency'));
      }
      if (currency !== null && amount === null) throw new InputError('a currency without a threshold amount', row.at('threshold_currency'));

      const modelText = row.text('model');
      const model = modelText === '' ? null : vatModelFromText(modelText);
      if (modelText !== '' && model === null) {
        throw new InputError(`${JSON.stringify(modelText)} is not a collection model (${VAT_MODELS.join(', ')})`, row.at('model'));
      }

      const source = row.text('source');
      if (source === '') throw new InputError('every row names its source (the law, notice or answer it comes from)', row.at('source'));
      const sourceUrl = optionalText(row.text('source_url'));
      if (sourceUrl !== null && !/^https?:\/\/\S+$/.test(sourceUrl)) throw new InputError(`not a web link (http:// or https://): ${JSON.stringify(sourceUrl)}`, row.at('source_url'));

      const legislatedText = row.text('legislated');
      const legislated = legislatedText === '' ? (rate === null ? 'no data' : 'legislation') : vatLegislatedFromText(legislatedText);
      if (legislated === null) throw new InputError(`${JSON.stringify(legislatedText)} is not a status (${VAT_LEGISLATED.join(', ')})`, row.at('legislated'));

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
          note: optionalText(row.text('note')),
          asOf: row.get('as_of') ?? options.asOf,
        },
        line: row.line,
      });
    }
  }
  return rows;
}
