import type { Vintage } from '../../../domain/vintage.ts';
import type { AggregateRow, AggregateSeries, Observatory } from '../../services/observatory.ts';
import type { Reference } from '../../services/reference.ts';
import { CATALOGUE, type IndicatorDef } from '../../../domain/indicator.ts';
import { pick, type Lang } from '../../../domain/lang.ts';
import type { Group } from '../../../domain/group.ts';
import type { PageContext } from './context.ts';
import type { ImputeOptions } from '../../../domain/imputation.ts';
import { badParameter } from '../http-error.ts';

/** The groups the headline pages compare, in this order, when they exist. */
export const HEADLINE_GROUPS = ['ACP', 'LDC', 'SIDS', 'WLD'];

/** Headline indicators with data, in catalogue order. */
export function headlineIndicators(ref: Reference): IndicatorDef[] {
  return CATALOGUE.filter((d) => d.headline && ref.indicators.has(d.code));
}

/** The latest row of an aggregate series with a published value. */
export function latestOk(series: AggregateSeries | null): AggregateRow | undefined {
  if (!series) return undefined;
  for (let i = series.rows.length - 1; i >= 0; i--) {
    const row = series.rows[i];
    if (row && row.value !== null) return row;
  }
  return undefined;
}

/** An aggregate series, or null when the group or indicator has no data (so one gap does not break a page). */
export async function aggregateOrNull(obs: Observatory, groupId: string, code: string, from?: number, to?: number, impute?: ImputeOptions): Promise<AggregateSeries | null> {
  const ref = await obs.ref();
  if (!ref.groups.has(groupId) || !ref.indicators.has(code)) return null;
  return obs.aggregateSeries(groupId, code, { ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}), ...(impute ? { impute } : {}) });
}

/** The distinct vintages of a list, in order of first appearance. */
export function uniqueVintages(vintages: Iterable<Vintage>): Vintage[] {
  const seen = new Map<number, Vintage>();
  for (const v of vintages) if (!seen.has(v.id)) seen.set(v.id, v);
  return [...seen.values()];
}

/** The year an indicator page opens on: the latest year with at least half as many countries as its best year. */
export function defaultYear(byYear: ReadonlyMap<number, ReadonlyMap<string, number>>, ref: Reference): number | null {
  let best = 0;
  const counts = new Map<number, number>();
  for (const [year, values] of byYear) {
    let n = 0;
    for (const k of values.keys()) if (ref.countries.has(k)) n++;
    counts.set(year, n);
    best = Math.max(best, n);
  }
  const years = [...counts].filter(([, n]) => n > 0 && n >= best / 2).map(([y]) => y);
  return years.length ? Math.max(...years) : null;
}

/** Reads a list of codes (countries, groups) from a query parameter: "NGA,KEN" or repeated parameters. */
export function codeList(query: URLSearchParams, name: string, pattern: RegExp, max = 12): string[] | null {
  const raw = query.getAll(name).flatMap((v) => v.split(/[\s,]+/)).filter((v) => v !== '');
  if (raw.length === 0) return null;
  const codes = [...new Set(raw.map((v) => v.toUpperCase()))];
  const bad = codes.filter((c) => !pattern.test(c));
  if (bad.length) throw badParameter(name, `not valid codes: ${bad.join(', ')}`);
  if (codes.length > max) throw badParameter(name, `at most ${max} codes, got ${codes.length}`);
  return codes;
}

/** A permanent redirect to another page of the site. */
export function redirect(location: string, status: 301 | 302 = 301): Response {
  return new Response(null, { status, headers: { location } });
}

/** How group values of an indicator are made, in the page's language. */
export function ruleText(ctx: PageContext, ref: Reference, def: IndicatorDef): string {
  const t = ctx.t;
  if (def.rule.kind === 'sum') return t.rules.sum;
  if (def.rule.kind === 'none') return t.rules.none;
  return t.rules.weighted_mean(pick(ref.indicators.get(def.rule.weight)?.def.names ?? { en: def.rule.weight }, ctx.lang));
}

/**
 * A group's short name for tight spaces: the acronym its name ends with, else the whole name.
 * @example shortName({ names: { en: 'African Union (AU)' } } as Group, 'en') // 'AU'
 */
export function shortName(group: Pick<Group, 'names'>, lang: Lang): string {
  const name = pick(group.names, lang);
  return /\(([^()]{2,12})\)$/.exec(name)?.[1] ?? name;
}
