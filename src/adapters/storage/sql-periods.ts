import type { DatedPeriod, PeriodBasis, PeriodKind } from '../../domain/moratorium/periods.ts';
import type { SqlClient, Transaction } from './sql.ts';

/** A period's dates as stored: a trade period or a tariff schedule, with the vintage it comes from. */
export type StoredPeriod = DatedPeriod & { kind: PeriodKind; vintageId: number };

const BASES: readonly PeriodBasis[] = ['calendar-year', 'fiscal-year', 'fiscal-year-bs'];

/** The dates of the trade periods or tariff schedules of a vintage (table dated_period, migration 10). */
export async function writePeriods(tx: Transaction, kind: PeriodKind, periods: readonly DatedPeriod[], vintageId: number): Promise<void> {
  await tx.bulkInsert(
    'dated_period',
    ['vintage_id', 'kind', 'reporter', 'year', 'date_from', 'date_to', 'label', 'basis', 'source'],
    ['integer', 'text', 'text', 'integer', 'text', 'text', 'text', 'text', 'text'],
    periods.map((p) => [vintageId, kind, p.reporter, p.year, p.from, p.to, p.label, p.basis, p.source]),
  );
}

/** The dated periods of the current vintage of each dataset. */
export async function readPeriods(db: SqlClient): Promise<StoredPeriod[]> {
  const rows = await db.query<{
    vintage_id: number | string; kind: string; reporter: string; year: number | string; date_from: string; date_to: string; label: string; basis: string; source: string;
  }>(
    `SELECT vintage_id, kind, reporter, year, date_from, date_to, label, basis, source FROM dated_period
     WHERE vintage_id IN (SELECT MAX(id) FROM vintage GROUP BY dataset) ORDER BY kind, reporter, year, vintage_id`,
  );
  return rows.map((r) => ({
    kind: r.kind === 'tariff' ? 'tariff' : 'trade',
    reporter: r.reporter,
    year: Number(r.year),
    from: r.date_from,
    to: r.date_to,
    label: r.label,
    basis: BASES.includes(r.basis as PeriodBasis) ? (r.basis as PeriodBasis) : 'calendar-year',
    source: r.source,
    vintageId: Number(r.vintage_id),
  }));
}
