import { InputError, type InputLocation } from '../../domain/errors.ts';
import { isFuture, parsePartialDate, startOf } from '../../domain/etready/status.ts';
import type { Strategy } from '../../domain/strategies/checkpoints.ts';
import { parseAmount, parsePriority, type Measure } from '../../domain/strategies/measures.ts';
import { isSkippedRow, MEASURE_COLUMNS } from '../../domain/strategies/template.ts';
import { ITEM_STATUSES, parseItemStatus, parsePolicyArea, POLICY_AREAS } from '../../domain/tracking.ts';
import { columns, type Table, type TableRow } from './columns.ts';
import { Header } from './fields.ts';

const TABLE = columns(Object.fromEntries(MEASURE_COLUMNS.map((c) => [c.header, { header: c.header, required: c.required }])) as Record<string, { header: string; required: boolean }>);
type Row = TableRow<typeof TABLE.spec>;

/** Whether a CSV header is the strategy-measures template's. */
export function isStrategyMeasuresHeader(first: string): boolean {
  const names = first.split(/[,;\t]/).map((n) => n.trim().toLowerCase());
  return names[0] === 'strategy_id' && ['measure_id', 'status', 'status_date'].every((n) => names.includes(n));
}

/** What the file is checked against: the strategies, countries and groups the Observatory holds. */
export interface MeasuresContext {
  /** Strategies stored (or known by name) with their countries; null countries when the coverage names none it can resolve. */
  strategies: ReadonlyMap<string, { strategy: Strategy; countries: readonly string[] | null }>;
  countries: ReadonlySet<string>;
  /** Group ids (upper case) → members today. */
  groups: ReadonlyMap<string, readonly string[]>;
  today: string;
}

export interface ReadMeasures {
  /** Strategies declared in the file (new ones, or known ones re-declared). */
  strategies: Strategy[];
  measures: Measure[];
  /** Status changes read. */
  changes: number;
}

const ID = /^[a-z0-9][a-z0-9._-]*$/;

/**
 * Reads the rows of a filled-in strategy-measures template (CSV or the first sheet of a workbook), checking
 * every line: a wrong policy area, an unknown status or priority, a status date not a date or after today, a
 * budget or funding not a number, an amount without a currency, an unknown strategy or country, a measure
 * whose fields disagree between its rows, two statuses of a measure on one date. The first error throws an
 * InputError naming the file, the line and the field; nothing is returned, so nothing is stored.
 */
export async function readStrategyMeasures(rows: AsyncIterable<{ line: number; fields: readonly string[] }> | Iterable<{ line: number; fields: readonly string[] }>, file: string, ctx: MeasuresContext): Promise<ReadMeasures> {
  let table: Table<typeof TABLE.spec> | null = null;
  const declared = new Map<string, { strategy: Strategy; countries: readonly string[] | null }>();
  const measures = new Map<string, Measure & { where: Map<string, InputLocation> }>();
  let changes = 0;
  for await (const { line, fields } of rows) {
    if (table === null) {
      if (fields.every((f) => f.trim() === '')) continue;
      table = TABLE.find(new Header([...fields], line, file));
      continue;
    }
    if (isSkippedRow(fields)) continue;
    const r = table.row(line, fields);
    const strategyId = r.text('strategy_id').toLowerCase();
    if (!ID.test(strategyId)) throw new InputError(`"${r.text('strategy_id')}" is not a strategy id (letters, digits, ".", "_", "-")`, r.at('strategy_id'));
    if (r.text('strategy_name') !== '') declared.set(strategyId, declare(r, strategyId, ctx));
    const strategy = declared.get(strategyId) ?? ctx.strategies.get(strategyId);
    if (!strategy) {
      const known = [...new Set([...ctx.strategies.keys(), ...declared.keys()])].sort().join(', ') || 'none';
      throw new InputError(`unknown strategy "${strategyId}" (known: ${known}); declare a new one with strategy_name, strategy_scope and strategy_countries`, r.at('strategy_id'));
    }
    const measureId = r.text('measure_id');
    if (measureId === '') throw new InputError('a row needs its measure_id', r.at('measure_id'));
    const key = `${strategyId}|${measureId}`;
    let m = measures.get(key);
    if (!m) {
      const areaText = r.text('policy_area');
      if (areaText === '') throw new InputError(`the first row of measure ${measureId} needs its policy_area`, r.at('policy_area'));
      const text = r.text('measure');
      if (text === '') throw new InputError(`the first row of measure ${measureId} needs its text (measure)`, r.at('measure'));
      m = {
        id: measureId,
        strategyId,
        area: area(r),
        text,
        priority: priority(r),
        leadAgency: r.text('lead_agency') || null,
        partners: r.text('partners') || null,
        donors: r.text('donors') || null,
        budget: amount(r, 'budget'),
        currency: null,
        fundingCommitted: amount(r, 'funding_committed'),
        indicator: r.text('indicator') || null,
        baseline: r.text('baseline') || null,
        target: r.text('target') || null,
        countries: measureCountries(r, strategy.countries, ctx),
        history: [],
        where: new Map(),
      };
      const currency = r.text('currency').toUpperCase();
      if (currency !== '' && !/^[A-Z]{3}$/.test(currency)) throw new InputError(`"${r.text('currency')}" is not a currency code (three letters, ISO 4217)`, r.at('currency'));
      if ((m.budget !== null || m.fundingCommitted !== null) && currency === '') throw new InputError('an amount needs its currency', r.at('currency'));
      m.currency = currency || null;
      measures.set(key, m);
    } else {
      agree(r, m);
    }
    const statusText = r.text('status');
    const status = parseItemStatus(statusText);
    if (status === null) throw new InputError(`unknown status "${statusText}" (known: ${ITEM_STATUSES.map((s) => s.replace(/-/g, ' ')).join(', ')})`, r.at('status'));
    const dateText = r.text('status_date');
    const date = parsePartialDate(dateText);
    if (date === null) throw new InputError(`"${dateText}" is not a date (YYYY-MM-DD, YYYY-MM or YYYY)`, r.at('status_date'));
    if (isFuture(date, ctx.today)) throw new InputError(`the status date ${date} is in the future (today is ${ctx.today})`, r.at('status_date'));
    const day = startOf(date);
    const before = m.history.find((c) => startOf(c.date) === day);
    if (before) throw new InputError(`measure ${measureId} already has a status on ${before.date} (line ${m.where.get(day)?.line}); give each change its own date`, r.at('status_date'));
    (m.history as { status: typeof status; date: string; source: string | null }[]).push({ status, date, source: r.text('status_source') || null });
    m.where.set(day, r.at('status_date'));
    changes++;
  }
  if (table === null) throw new InputError(`missing column "strategy_id": the file has no header row`, { file, line: 1, field: 'strategy_id' });
  return {
    strategies: [...declared.values()].map((d) => d.strategy),
    measures: [...measures.values()].map(({ where: _where, ...m }) => ({ ...m, history: [...m.history].sort((a, b) => startOf(a.date).localeCompare(startOf(b.date))) })),
    changes,
  };
}

function declare(r: Row, id: string, ctx: MeasuresContext): { strategy: Strategy; countries: readonly string[] } {
  const scope = r.text('strategy_scope').toLowerCase();
  if (scope !== 'national' && scope !== 'regional') throw new InputError(`a new strategy's scope is national or regional, not "${r.text('strategy_scope')}"`, r.at('strategy_scope'));
  const raw = r.text('strategy_countries');
  if (raw === '') throw new InputError('a new strategy needs its countries: ISO3 codes separated by ";" or a group id', r.at('strategy_countries'));
  const group = ctx.groups.get(raw.toUpperCase());
  let countries: readonly string[];
  let coverage: string;
  if (group && !raw.includes(';')) {
    countries = group;
    coverage = raw.toUpperCase();
  } else {
    countries = isoList(raw, r, 'strategy_countries', ctx);
    coverage = countries.join(';');
  }
  return { strategy: { id, name: r.text('strategy_name'), scope, coverage, period: r.text('strategy_period') || null }, countries };
}

function isoList(raw: string, r: Row, field: 'strategy_countries' | 'measure_countries', ctx: MeasuresContext): string[] {
  const codes = raw.split(/[;,\s]+/).map((c) => c.trim().toUpperCase()).filter((c) => c !== '');
  for (const c of codes) {
    if (!ctx.countries.has(c)) {
      const hint = field === 'strategy_countries' && ctx.groups.size ? ' (nor a group id)' : '';
      throw new InputError(`unknown country "${c}"${hint}: give ISO3 codes separated by ";"`, r.at(field));
    }
  }
  return [...new Set(codes)];
}

function measureCountries(r: Row, strategyCountries: readonly string[] | null, ctx: MeasuresContext): string[] {
  const raw = r.text('measure_countries');
  if (raw === '') return [];
  const codes = isoList(raw, r, 'measure_countries', ctx);
  const outside = strategyCountries === null ? [] : codes.filter((c) => !strategyCountries.includes(c));
  if (outside.length) throw new InputError(`${outside.join(', ')} not covered by the strategy`, r.at('measure_countries'));
  return codes;
}

function area(r: Row) {
  const a = parsePolicyArea(r.text('policy_area'));
  if (a === null) throw new InputError(`unknown policy area "${r.text('policy_area')}" (known: ${POLICY_AREAS.join(', ')})`, r.at('policy_area'));
  return a;
}

function priority(r: Row) {
  const text = r.text('priority');
  if (text === '') return null;
  const p = parsePriority(text);
  if (p === null) throw new InputError(`unknown priority "${text}" (high, medium or low)`, r.at('priority'));
  return p;
}

function amount(r: Row, field: 'budget' | 'funding_committed'): number | null {
  const text = r.text(field);
  if (text === '') return null;
  const n = parseAmount(text);
  if (n === null) throw new InputError(`${field} is not a number: "${text}" (digits only, no currency sign)`, r.at(field));
  return n;
}

/** A later row of a measure: the measure's fields, where given, must agree with its first row. */
function agree(r: Row, m: Measure): void {
  const same = (field: string, given: string | number | null, now: string | number | null) => {
    if (given !== null && given !== '' && now !== null && given !== now) throw new InputError(`measure ${m.id} has "${now}" on an earlier row; "${given}" disagrees (leave it empty on later rows)`, r.at(field));
  };
  if (r.text('policy_area') !== '') same('policy_area', area(r), m.area);
  same('measure', r.text('measure'), m.text);
  if (r.text('priority') !== '') same('priority', priority(r), m.priority);
  same('lead_agency', r.text('lead_agency'), m.leadAgency);
  same('budget', amount(r, 'budget'), m.budget);
  same('currency', r.text('currency').toUpperCase(), m.currency);
  same('funding_committed', amount(r, 'funding_committed'), m.fundingCommitted);
}
