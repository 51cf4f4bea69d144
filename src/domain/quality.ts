import type { CyberlawStatus, Law } from './cyberlaw.ts';
import { CATALOGUE, type Unit } from './indicator.ts';

/**
 * What looks wrong at the source, found when a file is imported and stored with its vintage: a value outside
 * the plausible range of its unit, a year-on-year jump beyond the indicator's threshold, a cyberlaw status that
 * contradicts the laws the same edition lists. A flag does not change a value: it says a curator should ask
 * the source about it.
 */
export type QualityRule = 'range' | 'jump' | 'none-with-law' | 'no-data-with-law' | 'legislation-without-law';

export const QUALITY_RULES: readonly QualityRule[] = ['range', 'jump', 'none-with-law', 'no-data-with-law', 'legislation-without-law'];

export function isQualityRule(value: string): value is QualityRule {
  return (QUALITY_RULES as readonly string[]).includes(value);
}

/** One flag: what it is about (an indicator's value, or a country's status in a cyberlaw area) and why. */
export interface QualityFlag {
  /** The indicator code, or the cyberlaw area id. */
  subject: string;
  /** ISO3 code (or World Bank aggregate code). */
  entity: string;
  /** The year of the value; null for a cyberlaw status. */
  year: number | null;
  rule: QualityRule;
  /** The value flagged (null for a status). */
  value: number | null;
  /** The value of the year before, for a jump. */
  previous: number | null;
  /** The bound crossed: the range's limit, or the jump's threshold in the indicator's unit. */
  limit: number | null;
  /** For a status: the status and the laws the edition lists (titles). */
  status?: CyberlawStatus;
  laws?: string[];
}

/** A stored flag, with the vintage it came with. */
export interface StoredQualityFlag extends QualityFlag {
  vintageId: number;
}

/**
 * The checks of one indicator: its plausible range (inclusive), and the jump that is flagged between two
 * consecutive years: a change of at least `jump` in the indicator's unit AND by a factor of at least
 * `jumpRatio` (larger ÷ smaller), so that a small value doubling (0.2 → 0.5) is not flagged, nor a large
 * one moving by a normal amount.
 */
export interface IndicatorChecks {
  min: number | null;
  max: number | null;
  /** Absolute change flagged between consecutive years; null: no jump check. */
  jump: number | null;
  /** Ratio of the larger to the smaller value of the two years, at least; 1 when only the change counts. */
  jumpRatio: number;
  /** Why these bounds: shown on the data-quality and method pages. */
  why: string;
}

/** The ratio that a change must also reach to be a jump, unless the indicator says otherwise. */
export const DEFAULT_JUMP_RATIO = 1.5;

/** The range by unit, where the indicator states no other. Shares of a population are 0–100. */
const BY_UNIT: Record<Unit, Pick<IndicatorChecks, 'min' | 'max'>> = {
  percent: { min: 0, max: 100 },
  per_100: { min: 0, max: null },
  per_million: { min: 0, max: null },
  per_100k_adults: { min: 0, max: null },
  usd: { min: 0, max: null },
  usd_per_person: { min: 0, max: null },
  intl_usd_per_person: { min: 0, max: null },
  people: { min: 0, max: null },
  count: { min: 0, max: null },
  index: { min: null, max: null },
  lcu: { min: 0, max: null },
  lcu_per_usd: { min: 0, max: null },
};

/**
 * The thresholds stated per indicator. Chosen on the World Bank files of 2026: each flags the few values a
 * curator should look at (mobile subscriptions: Fiji 2023-24, Macao 2019-20, a dozen one-year jumps since
 * 1960), not the ordinary growth of a series.
 */
const STATED: Record<string, Partial<IndicatorChecks> & { why: string }> = {
  'IT.CEL.SETS.P2': { max: 400, jump: 50, why: 'no economy sustains more than 400 subscriptions per 100 people (Hong Kong 365 in 2024); +/−50 per 100 in a year and ×1.5' },
  'IT.NET.BBND.P2': { max: 100, jump: 15, why: 'fixed broadband is counted per line, at most one per person; +/−15 per 100 in a year and ×1.5' },
  'IT.MLT.MAIN.P2': { max: 150, jump: 25, why: 'fixed lines above 150 per 100 people only in business centres (Monaco 140); +/−25 per 100 in a year and ×1.5' },
  'IT.NET.USER.ZS': { jump: 25, why: 'a share of the population, 0–100; +/−25 points in a year and ×1.5' },
  'EG.ELC.ACCS.ZS': { jump: 25, why: 'a share of the population, 0–100; +/−25 points in a year and ×1.5' },
  'IT.NET.SECR.P6': { jump: 100, jumpRatio: 10, why: 'servers per million people vary widely; a tenfold change of at least 100 per million in a year' },
  'GC.TAX.TOTL.GD.ZS': { jump: 10, why: 'a share of GDP, 0–100; +/−10 points in a year and ×1.5' },
  'GC.REV.XGRT.GD.ZS': { jump: 15, why: 'a share of GDP, 0–100; +/−15 points in a year and ×1.5' },
  'NE.EXP.GNFS.ZS': { max: null, why: 'a ratio to GDP: trade hubs exceed 100% (no upper bound)' },
  'NE.IMP.GNFS.ZS': { max: null, why: 'a ratio to GDP: trade hubs exceed 100% (no upper bound)' },
  'TG.VAL.TOTL.GD.ZS': { max: null, why: 'a ratio to GDP: trade hubs exceed 100% (no upper bound)' },
  'LP.LPI.OVRL.XQ': { min: 1, max: 5, why: 'the Logistics Performance Index is scored from 1 to 5' },
};

/** The indicators whose thresholds are stated here (the others take their unit's range); pages translate their reasons by code. */
export function hasStatedChecks(code: string): boolean {
  return Object.hasOwn(STATED, code);
}

/** The checks of an indicator: its stated thresholds over its unit's range; null for an indicator of unknown unit. */
export function checksFor(code: string, unit?: Unit): IndicatorChecks | null {
  const u = unit ?? CATALOGUE.find((d) => d.code === code)?.unit;
  if (!u) return null;
  const stated = STATED[code];
  const base = BY_UNIT[u];
  return {
    min: stated && 'min' in stated ? (stated.min ?? null) : base.min,
    max: stated && 'max' in stated ? (stated.max ?? null) : base.max,
    jump: stated?.jump ?? null,
    jumpRatio: stated?.jumpRatio ?? DEFAULT_JUMP_RATIO,
    why: stated?.why ?? (base.max !== null ? `${u}: ${base.min}–${base.max}` : base.min !== null ? `${u}: not negative` : `${u}: no bound`),
  };
}

/** Every catalogue indicator with its checks, for the pages and the API that document them. */
export function documentedChecks(): { code: string; unit: Unit; checks: IndicatorChecks }[] {
  return CATALOGUE.filter((d) => !d.derived).map((d) => ({ code: d.code, unit: d.unit, checks: checksFor(d.code, d.unit) as IndicatorChecks }));
}

/** Flags of one series (one indicator, one entity): values out of range, and jumps from the year before. */
export function checkSeries(subject: string, entity: string, values: ReadonlyMap<number, number>, checks: IndicatorChecks): QualityFlag[] {
  const flags: QualityFlag[] = [];
  const years = [...values.keys()].sort((a, b) => a - b);
  for (const year of years) {
    const value = values.get(year) as number;
    if (checks.min !== null && value < checks.min) flags.push({ subject, entity, year, rule: 'range', value, previous: null, limit: checks.min });
    else if (checks.max !== null && value > checks.max) flags.push({ subject, entity, year, rule: 'range', value, previous: null, limit: checks.max });
    const previous = values.get(year - 1);
    if (checks.jump === null || previous === undefined) continue;
    const change = Math.abs(value - previous);
    const low = Math.min(Math.abs(value), Math.abs(previous));
    const high = Math.max(Math.abs(value), Math.abs(previous));
    const ratioReached = low === 0 ? high > 0 : high / low >= checks.jumpRatio;
    if (change >= checks.jump && ratioReached) flags.push({ subject, entity, year, rule: 'jump', value, previous, limit: checks.jump });
  }
  return flags;
}

/** One cyberlaw status of an edition with the laws the same edition lists for it. */
export interface StatusWithLaws {
  iso3: string;
  area: string;
  status: CyberlawStatus;
  laws: readonly Law[];
}

/**
 * A status that contradicts the laws listed beside it: "No legislation" or "No data" while a law is listed,
 * "Legislation" with none. Only for editions whose laws were read (without the document links, no law is
 * known and nothing is flagged).
 */
export function checkStatuses(entries: readonly StatusWithLaws[]): QualityFlag[] {
  const flags: QualityFlag[] = [];
  for (const e of entries) {
    const laws = e.laws.map((l) => l.title);
    const base = { subject: e.area, entity: e.iso3, year: null, value: null, previous: null, limit: null, status: e.status, laws };
    if (e.status === 'none' && laws.length) flags.push({ ...base, rule: 'none-with-law' });
    else if (e.status === 'no-data' && laws.length) flags.push({ ...base, rule: 'no-data-with-law' });
    else if (e.status === 'legislation' && !laws.length) flags.push({ ...base, rule: 'legislation-without-law' });
  }
  return flags;
}

function num(x: number | null): string {
  return x === null ? '' : String(Math.round(x * 10) / 10);
}

/** The reason of a flag in English, for the API and downloads (pages use their catalogues). */
export function flagReason(f: QualityFlag): string {
  switch (f.rule) {
    case 'range':
      return f.value !== null && f.limit !== null && f.value < f.limit
        ? `${num(f.value)} is below the plausible minimum of ${num(f.limit)}`
        : `${num(f.value)} is above the plausible maximum of ${num(f.limit)}`;
    case 'jump':
      return `from ${num(f.previous)} in ${(f.year ?? 0) - 1} to ${num(f.value)} in ${f.year}: a change of ${num(Math.abs((f.value ?? 0) - (f.previous ?? 0)))} in one year, beyond the threshold of ${num(f.limit)}`;
    case 'none-with-law':
      return `"No legislation" while the same edition lists ${f.laws?.length ?? 0} law(s): ${(f.laws ?? []).join('; ')}`;
    case 'no-data-with-law':
      return `"No data" while the same edition lists ${f.laws?.length ?? 0} law(s): ${(f.laws ?? []).join('; ')}`;
    case 'legislation-without-law':
      return '"Legislation" while the same edition lists no law';
  }
}
