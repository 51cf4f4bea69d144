import { ConflictError } from '../../domain/errors.ts';
import type { TradeCoverage } from '../../domain/moratorium/coverage.ts';
import type { DutyBaseLine } from '../../domain/moratorium/duty-base.ts';
import type { Estimate } from '../../domain/moratorium/estimate.ts';
import { isHsEdition, type HsEdition, type HsLink, type HsRelationship } from '../../domain/moratorium/hs.ts';
import type { ProductList } from '../../domain/moratorium/lists.ts';
import type { SchemeMember, TariffLine, TradeFlow } from '../../domain/moratorium/trade.ts';
import { vatLegislatedFromText, vatModelFromText, type VatEntry } from '../../domain/moratorium/vat.ts';
import { isVatRateSource, type VatRate } from '../../domain/moratorium/vat-rates.ts';
import { DUTY_BASE_QUERY, DutyBaseReader } from './moratorium-sql.ts';
import { bumpDataVersion } from './sql-counters.ts';
import { isUniqueViolation, type Database, type Transaction } from './sql.ts';
import type { DutyBaseRequest, EstimateRequest } from './store.ts';

interface VatEntryRow {
  vintage_id: number | string;
  iso3: string;
  rate: number | null;
  start_date: string | null;
  threshold_amount: number | null;
  threshold_currency: string | null;
  model: string | null;
  legislated: string;
  source: string;
  source_url: string | null;
  note: string | null;
  as_of: string | null;
}

interface ProductListRow {
  id: string;
  version: string;
  name: string;
  edition: string;
  source: string;
  lines: string;
}

/** The current vintages: the latest of each dataset. */
const CURRENT_VINTAGES = `(SELECT MAX(id) FROM vintage GROUP BY dataset)`;

/** Rebuilds the duty base (moratorium-sql.ts) from the current vintages, inside the transaction that changed them. */
export async function rebuildDutyBase(tx: Transaction): Promise<void> {
  await tx.run(`DELETE FROM duty_base`);
  await tx.run(`INSERT INTO duty_base ${DUTY_BASE_QUERY}`);
}

/** Whether an earlier vintage of this dataset held trade, tariffs or schemes, which the new vintage now hides. */
export async function replacesTradeData(tx: Transaction, dataset: string, vintageId: number): Promise<boolean> {
  const rows = await tx.query<{ n: number }>(
    `SELECT CAST(COUNT(*) AS INTEGER) AS n FROM vintage v WHERE v.dataset = $1 AND v.id <> $2 AND (
       EXISTS (SELECT 1 FROM trade_flow t WHERE t.vintage_id = v.id) OR EXISTS (SELECT 1 FROM tariff_line t WHERE t.vintage_id = v.id)
       OR EXISTS (SELECT 1 FROM scheme_member t WHERE t.vintage_id = v.id))`,
    [dataset, vintageId],
  );
  return (rows[0]?.n ?? 0) > 0;
}

export async function writeTradeFlows(tx: Transaction, rows: readonly TradeFlow[], vintageId: number): Promise<void> {
  await tx.bulkInsert(
    'trade_flow',
    ['vintage_id', 'year', 'reporter', 'partner', 'line', 'hs6', 'edition', 'value_usd', 'quantity'],
    ['integer', 'integer', 'text', 'text', 'text', 'text', 'text', 'double', 'double'],
    rows.map((r) => [vintageId, r.year, r.reporter, r.partner, r.line, r.hs6, r.edition, r.valueUsd, r.quantity]),
  );
}

export async function writeTariffLines(tx: Transaction, rows: readonly TariffLine[], vintageId: number): Promise<void> {
  await tx.bulkInsert(
    'tariff_line',
    ['vintage_id', 'year', 'reporter', 'line', 'hs6', 'edition', 'regime', 'scheme', 'rate'],
    ['integer', 'integer', 'text', 'text', 'text', 'text', 'text', 'text', 'double'],
    rows.map((r) => [vintageId, r.year, r.reporter, r.line, r.hs6, r.edition, r.regime, r.scheme ?? '', r.rate]),
  );
}

export async function writeSchemeMembers(tx: Transaction, rows: readonly SchemeMember[], vintageId: number): Promise<void> {
  await tx.bulkInsert(
    'scheme_member',
    ['vintage_id', 'scheme', 'partner', 'year_from', 'year_to'],
    ['integer', 'text', 'text', 'integer', 'integer'],
    rows.map((r) => [vintageId, r.scheme, r.partner, r.from, r.to]),
  );
}

export async function writeHsLinks(tx: Transaction, rows: readonly HsLink[], vintageId: number): Promise<void> {
  await tx.bulkInsert(
    'hs_link',
    ['vintage_id', 'from_edition', 'from_code', 'to_edition', 'to_code', 'relationship'],
    ['integer', 'text', 'text', 'text', 'text', 'text'],
    rows.map((r) => [vintageId, r.from, r.fromCode, r.to, r.toCode, r.relationship]),
  );
}

export async function writeVatEntries(tx: Transaction, entries: readonly VatEntry[], vintageId: number): Promise<void> {
  await tx.bulkInsert(
    'vat_entry',
    ['vintage_id', 'iso3', 'rate', 'start_date', 'threshold_amount', 'threshold_currency', 'model', 'legislated', 'source', 'source_url', 'note', 'as_of'],
    ['integer', 'text', 'double', 'text', 'double', 'text', 'text', 'text', 'text', 'text', 'text', 'text'],
    entries.map((e) => [
      vintageId,
      e.iso3,
      e.rate,
      e.start,
      e.threshold?.amount ?? null,
      e.threshold?.currency ?? null,
      e.model,
      e.legislated,
      e.source,
      e.sourceUrl,
      e.note,
      e.asOf,
    ]),
  );
}

export async function writeVatRates(tx: Transaction, rates: readonly VatRate[], vintageId: number): Promise<void> {
  await tx.bulkInsert(
    'vat_rate',
    ['vintage_id', 'iso3', 'rate', 'source', 'citation', 'as_of', 'note'],
    ['integer', 'text', 'double', 'text', 'text', 'text', 'text'],
    rates.map((r) => [vintageId, r.iso3, r.ratePct, r.source, r.citation, r.asOf, r.note]),
  );
}

/** The moratorium estimator's data: HS correlations, product lists, trade coverage, the duty estimate and VAT entries. */
export class SqlMoratoriumStore {
  private readonly dutyBase: DutyBaseReader;

  constructor(private readonly db: Database) {
    this.dutyBase = new DutyBaseReader(db);
  }

  async hsLinks(a: HsEdition, b: HsEdition): Promise<HsLink[]> {
    const rows = await this.db.query<{ from_edition: string; from_code: string; to_edition: string; to_code: string; relationship: string }>(
      `SELECT from_edition, from_code, to_edition, to_code, relationship FROM hs_link
       WHERE vintage_id IN ${CURRENT_VINTAGES}
         AND ((from_edition = $1 AND to_edition = $2) OR (from_edition = $2 AND to_edition = $1))
       ORDER BY from_code, to_code`,
      [a, b],
    );
    return rows.map((r) => ({
      from: r.from_edition as HsEdition,
      fromCode: r.from_code,
      to: r.to_edition as HsEdition,
      toCode: r.to_code,
      relationship: r.relationship as HsRelationship,
    }));
  }

  async productLists(): Promise<ProductList[]> {
    const rows = await this.db.query<ProductListRow>(`SELECT id, version, name, edition, source, lines FROM product_list ORDER BY id`);
    return rows.map((r) => ({
      id: r.id,
      version: r.version,
      name: r.name,
      edition: isHsEdition(r.edition) ? r.edition : 'HS2022',
      source: r.source,
      lines: r.lines.split(',').filter(Boolean),
      builtIn: false,
    }));
  }

  async saveProductList(list: ProductList, options: { create?: boolean } = {}): Promise<void> {
    try {
      await this.db.transaction(async (tx) => {
        if (!options.create) await tx.run(`DELETE FROM product_list WHERE id = $1`, [list.id]);
        else if ((await tx.query(`SELECT 1 FROM product_list WHERE id = $1`, [list.id])).length) {
          throw new ConflictError(`product list ${list.id} exists already`);
        }
        await tx.run(
          `INSERT INTO product_list (id, version, name, edition, source, lines, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [list.id, list.version, list.name, list.edition, list.source, list.lines.join(','), new Date().toISOString()],
        );
        await bumpDataVersion(tx);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError(`product list ${list.id} was created by another request meanwhile`);
      throw error;
    }
  }

  async deleteProductList(id: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const existing = await tx.query(`SELECT 1 FROM product_list WHERE id = $1`, [id]);
      if (!existing.length) return false;
      await tx.run(`DELETE FROM product_list WHERE id = $1`, [id]);
      await bumpDataVersion(tx);
      return true;
    });
  }

  async tradeCoverage(): Promise<TradeCoverage[]> {
    const trade = await this.db.query<{ reporter: string; edition: string; first_year: number; last_year: number; imports: number; n: number; vintages: string }>(
      `SELECT reporter, edition, MIN(year) AS first_year, MAX(year) AS last_year, SUM(value_usd) AS imports,
              CAST(COUNT(*) AS INTEGER) AS n, STRING_AGG(DISTINCT CAST(vintage_id AS TEXT), ',') AS vintages
       FROM trade_flow WHERE vintage_id IN ${CURRENT_VINTAGES} GROUP BY reporter, edition ORDER BY reporter, edition`,
    );
    const tariffs = await this.db.query<{ reporter: string; vintages: string; years: string }>(
      `SELECT reporter, STRING_AGG(DISTINCT CAST(vintage_id AS TEXT), ',') AS vintages, STRING_AGG(DISTINCT CAST(year AS TEXT), ',') AS years
       FROM tariff_line WHERE vintage_id IN ${CURRENT_VINTAGES} GROUP BY reporter`,
    );
    const byReporter = new Map(tariffs.map((t) => [t.reporter, t]));
    const numbers = (text: string | undefined) => (text ? text.split(',').map(Number).sort((a, b) => a - b) : []);
    return trade.map((t) => ({
      reporter: t.reporter,
      edition: t.edition as HsEdition,
      firstYear: Number(t.first_year),
      lastYear: Number(t.last_year),
      importsUsd: Number(t.imports),
      rows: t.n,
      tradeVintages: numbers(t.vintages),
      tariffVintages: numbers(byReporter.get(t.reporter)?.vintages),
      tariffYears: numbers(byReporter.get(t.reporter)?.years),
    }));
  }

  estimateDuties(request: EstimateRequest): Promise<Estimate> {
    return this.dutyBase.estimate(request);
  }

  dutyBaseLines(request: DutyBaseRequest): Promise<DutyBaseLine[]> {
    return this.dutyBase.lines(request);
  }

  /** Scans of the duty base since the store was opened. */
  get dutyBaseScans(): number {
    return this.dutyBase.scans;
  }

  async refreshDutyBase(): Promise<void> {
    await this.db.transaction(async (tx) => {
      await rebuildDutyBase(tx);
      await bumpDataVersion(tx);
    });
  }

  async vatEntries(): Promise<(VatEntry & { vintageId: number })[]> {
    const rows = await this.db.query<VatEntryRow>(
      `SELECT vintage_id, iso3, rate, start_date, threshold_amount, threshold_currency, model, legislated, source, source_url, note, as_of
       FROM vat_entry WHERE vintage_id IN ${CURRENT_VINTAGES}
       ORDER BY iso3, as_of NULLS FIRST, vintage_id, source`,
    );
    return rows.map((r) => ({
      iso3: r.iso3,
      rate: r.rate === null ? null : Number(r.rate),
      start: r.start_date,
      threshold: r.threshold_amount === null ? null : { amount: Number(r.threshold_amount), currency: r.threshold_currency },
      model: r.model === null ? null : vatModelFromText(r.model),
      legislated: vatLegislatedFromText(r.legislated) ?? 'no data',
      source: r.source,
      sourceUrl: r.source_url,
      note: r.note,
      asOf: r.as_of,
      vintageId: Number(r.vintage_id),
    }));
  }

  async vatRates(): Promise<(VatRate & { vintageId: number })[]> {
    const rows = await this.db.query<{ vintage_id: number | string; iso3: string; rate: number; source: string; citation: string; as_of: string | null; note: string | null }>(
      `SELECT vintage_id, iso3, rate, source, citation, as_of, note FROM vat_rate WHERE vintage_id IN ${CURRENT_VINTAGES}
       ORDER BY iso3, source, as_of NULLS FIRST, vintage_id`,
    );
    return rows
      .filter((r) => isVatRateSource(r.source))
      .map((r) => ({
        iso3: r.iso3,
        ratePct: Number(r.rate),
        source: r.source as VatRate['source'],
        citation: r.citation,
        asOf: r.as_of,
        note: r.note,
        vintageId: Number(r.vintage_id),
      }));
  }
}
