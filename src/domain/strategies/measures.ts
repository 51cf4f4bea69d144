/**
 * The measures of an e-commerce strategy, followed one by one: each belongs to one of the seven policy areas,
 * has a priority, who leads and funds it, its budget and the funding committed, its indicator, and a dated
 * history of statuses (domain/tracking.ts). The shares of measures under implementation and completed are
 * computed at any date, per strategy, area and country, and set beside the checkpoints the strategy's
 * secretariat published.
 */
import { sharesAt, type PolicyArea, type Shares, type TrackedItem, changeDates, POLICY_AREAS } from '../tracking.ts';
import type { Checkpoint } from './checkpoints.ts';
import { startOf } from '../etready/status.ts';

export const PRIORITIES = ['high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** A priority as written in a file ("High", "H"), or null when it is none of the three. */
export function parsePriority(text: string): Priority | null {
  const k = text.trim().toLowerCase();
  return PRIORITIES.find((p) => p === k || p[0] === k) ?? null;
}

/** One measure of a strategy, with its dated status history. */
export interface Measure extends TrackedItem {
  strategyId: string;
  text: string;
  priority: Priority | null;
  leadAgency: string | null;
  partners: string | null;
  donors: string | null;
  /** The budget in `currency`; null when not given. */
  budget: number | null;
  /** ISO 4217 code (or the file's own), null when no amount is given. */
  currency: string | null;
  /** The funding committed so far, in `currency`; null when not given. */
  fundingCommitted: number | null;
  indicator: string | null;
  baseline: string | null;
  target: string | null;
  /** The countries (ISO3) the measure applies to; empty when it applies to the whole strategy. */
  countries: string[];
}

/** The countries of a strategy: listed (ISO3), or the members of a group. */
export interface StrategyCountries {
  strategyId: string;
  iso3: string[];
}

/** Parses an amount: digits with an optional decimal point; spaces, commas and apostrophes between thousands. */
export function parseAmount(text: string): number | null {
  const t = text.trim().replace(/[\s\u00a0',](?=\d{3}(\D|$))/g, '');
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : null;
}

/** The measures counted for a country: those that apply to it (listed, or the whole strategy when it covers the country). */
export function measuresForCountry(measures: readonly Measure[], iso3: string, strategyCountries: ReadonlyMap<string, readonly string[]>): Measure[] {
  return measures.filter((m) => (m.countries.length ? m.countries.includes(iso3) : (strategyCountries.get(m.strategyId) ?? []).includes(iso3)));
}

/** Budget against funding committed, per currency: amounts in different currencies are never added. */
export interface Funding {
  currency: string;
  /** Measures with a budget in this currency. */
  measures: number;
  budget: number;
  committed: number;
  /** Percent of the budget committed; null when the budget is 0. */
  committedShare: number | null;
}

/** The funding of `measures` (dropped ones included: money may have been committed), one row per currency. */
export function fundingByCurrency(measures: readonly Measure[]): Funding[] {
  const by = new Map<string, Funding>();
  for (const m of measures) {
    if (m.currency === null || (m.budget === null && m.fundingCommitted === null)) continue;
    const f = by.get(m.currency) ?? { currency: m.currency, measures: 0, budget: 0, committed: 0, committedShare: null };
    f.measures += 1;
    f.budget += m.budget ?? 0;
    f.committed += m.fundingCommitted ?? 0;
    by.set(m.currency, f);
  }
  return [...by.values()].map((f) => ({ ...f, committedShare: f.budget > 0 ? (100 * f.committed) / f.budget : null })).sort((a, b) => a.currency.localeCompare(b.currency));
}

/** A published checkpoint beside what the tracker computes on its date. */
export interface CheckpointComparison {
  date: string;
  published: { underImplementation: number | null; completed: number | null; measures: number | null };
  computed: Shares;
  /** Computed minus published, in percentage points; null when either side is missing. */
  difference: { underImplementation: number | null; completed: number | null };
}

/** Each checkpoint compared with the shares of `measures` on its date (its first day when only a month is given). */
export function compareCheckpoints(checkpoints: readonly Checkpoint[], measures: readonly TrackedItem[]): CheckpointComparison[] {
  return checkpoints.map((c) => {
    const computed = sharesAt(measures, startOf(c.date));
    const diff = (pub: number | null, comp: number | null) => (pub === null || comp === null ? null : comp - pub);
    return {
      date: c.date,
      published: { underImplementation: c.underImplementation, completed: c.completed, measures: c.measures },
      computed,
      difference: { underImplementation: diff(c.underImplementation, computed.underImplementationShare), completed: diff(c.completed, computed.completedShare) },
    };
  });
}

/** One point of a progress chart: the shares on a date where some status changed. */
export interface ProgressPoint {
  date: string;
  underImplementation: number | null;
  completed: number | null;
}

/** The shares at every change date up to `until` (and on `until` itself). */
export function progressSeries(measures: readonly TrackedItem[], until: string): ProgressPoint[] {
  const dates = [...new Set([...changeDates(measures).filter((d) => d <= until), until])].sort();
  return dates.map((date) => {
    const s = sharesAt(measures, date);
    return { date, underImplementation: s.underImplementationShare, completed: s.completedShare };
  });
}

/** The areas in order, for tables that list every area a strategy has measures in. */
export function areasOf(measures: readonly TrackedItem[]): PolicyArea[] {
  return POLICY_AREAS.filter((a) => measures.some((m) => m.area === a));
}

/**
 * The countries a strategy's coverage names: a group id (its members on the date, from `groupMembers`), or
 * ISO3 codes separated by ";"; null when the coverage is a description the Observatory cannot resolve
 * ("Forum Island Countries (Pacific Islands Forum)").
 */
export function coverageCountries(coverage: string, groupMembers: (groupId: string) => readonly string[] | null, countries: ReadonlySet<string>): string[] | null {
  const members = groupMembers(coverage.trim().toUpperCase());
  if (members !== null) return [...members];
  const codes = coverage.split(';').map((c) => c.trim().toUpperCase());
  return codes.length > 0 && codes.every((c) => countries.has(c)) ? codes : null;
}

/**
 * A measure as the registry keeps it for review (record kind "strategy-measure", key "strategy/measure"): its
 * dated history. Proposals add one status change; accepting one appends it to the measure's history.
 */
export interface MeasureRecord {
  strategyId: string;
  measureId: string;
  history: { status: string; date: string; source: string | null }[];
}

/** The registry key of a measure ("pacific/1.2"), and back. */
export function measureKey(strategyId: string, measureId: string): string {
  return `${strategyId}/${measureId}`;
}
export function parseMeasureKey(key: string): { strategyId: string; measureId: string } | null {
  const i = key.indexOf('/');
  return i > 0 && i < key.length - 1 ? { strategyId: key.slice(0, i), measureId: key.slice(i + 1) } : null;
}
