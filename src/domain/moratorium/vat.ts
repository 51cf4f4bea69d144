import type { CyberlawStatus } from '../cyberlaw.ts';
import type { IsoDate } from '../group.ts';
import type { AnswerValue } from '../practices.ts';

/** How a country collects VAT/GST on digital supplies from suppliers abroad. */
export const VAT_MODELS = ['vendor registration', 'platform liability', 'reverse charge', 'withholding by payment providers'] as const;
export type VatModel = (typeof VAT_MODELS)[number];

/** Whether a country has legislated VAT/GST on digital supplies, in the UNCTAD Global Cyberlaw Tracker's terms. */
export const VAT_LEGISLATED = ['legislation', 'draft legislation', 'no legislation', 'no data'] as const;
export type VatLegislated = (typeof VAT_LEGISLATED)[number];

/** The questionnaire 'digital-vat' (domain/practices.ts) names the models by these ids. */
const MODEL_IDS: Readonly<Record<string, VatModel>> = {
  'vendor-registration': 'vendor registration',
  'platform-liability': 'platform liability',
  'reverse-charge': 'reverse charge',
  'payment-withholding': 'withholding by payment providers',
};

/**
 * A collection model from its name or the questionnaire's id, case, hyphens and underscores aside; null
 * when it is neither.
 * @example vatModelFromText('Platform-Liability') // 'platform liability'
 */
export function vatModelFromText(text: string): VatModel | null {
  const t = text.trim().toLowerCase().replace(/[\s_-]+/g, ' ');
  const named = VAT_MODELS.find((m) => m === t);
  if (named) return named;
  return MODEL_IDS[t.replace(/ /g, '-')] ?? null;
}

/**
 * A legislation status as the tracker writes it ("Legislation", "Draft Legislation", "No Legislation",
 * "No Data", in any case and spacing, "draft" and "none" included); an empty cell is "no data". Null for
 * anything else.
 */
export function vatLegislatedFromText(text: string): VatLegislated | null {
  switch (text.trim().toLowerCase().replace(/[\s_-]+/g, ' ')) {
    case 'legislation':
    case 'legislated':
      return 'legislation';
    case 'draft legislation':
    case 'draft':
      return 'draft legislation';
    case 'no legislation':
    case 'none':
      return 'no legislation';
    case 'no data':
    case '':
      return 'no data';
    default:
      return null;
  }
}

/** The registry's status from a cyberlaw status of the indirect-taxation area (domain/cyberlaw.ts). */
export function vatLegislatedOf(status: CyberlawStatus): VatLegislated {
  return status === 'legislation' ? 'legislation' : status === 'draft' ? 'draft legislation' : status === 'none' ? 'no legislation' : 'no data';
}

/** A registration threshold; currency null when the source gives the amount in the country's own currency without naming it. */
export interface VatThreshold {
  amount: number;
  currency: string | null;
}

/**
 * What one source says about a country's VAT/GST on digital supplies from abroad. Any field may be
 * unknown (null, or "no data" for `legislated`): sources are merged field by field (see mergeVatEntries).
 */
export interface VatEntry {
  iso3: string;
  /** Rate on digital supplies, percent. */
  rate: number | null;
  /** When the tax on digital supplies from abroad came into force. */
  start: IsoDate | null;
  threshold: VatThreshold | null;
  model: VatModel | null;
  legislated: VatLegislated;
  /** Who says so: the legal instrument, the tracker edition, the accepted answer. */
  source: string;
  sourceUrl: string | null;
  note: string | null;
  /** The date the source states the facts as of (its edition, the last change it records, the answer's acceptance); null when undated. */
  asOf: IsoDate | null;
}

/**
 * An entry's fields from a curator-accepted answer to the 'digital-vat' questionnaire (domain/practices.ts),
 * dated on its acceptance. The threshold is in the country's own currency, which the questionnaire does
 * not name. Answers that say nothing give null fields; an answer with a rate says the tax is legislated.
 */
export function vatEntryFromAnswers(iso3: string, answers: Readonly<Record<string, AnswerValue>>, acceptedAt: IsoDate): VatEntry {
  const num = (v: AnswerValue | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  const text = (v: AnswerValue | undefined) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
  const rate = num(answers.rate);
  const threshold = num(answers.threshold);
  const model = text(answers['collection-model']);
  const link = text(answers['legal-basis']);
  return {
    iso3,
    rate,
    start: text(answers.start),
    threshold: threshold === null ? null : { amount: threshold, currency: null },
    model: model === null ? null : vatModelFromText(model),
    legislated: rate === null ? 'no data' : 'legislation',
    source: `answer to the questionnaire on VAT/GST on digital supplies, accepted on ${acceptedAt}`,
    sourceUrl: link,
    note: null,
    asOf: acceptedAt,
  };
}

/** A merged entry, with the sources that gave its fields (newest first). */
export interface MergedVatEntry extends VatEntry {
  sources: string[];
}

const stated = {
  rate: (e: VatEntry) => e.rate !== null,
  start: (e: VatEntry) => e.start !== null,
  threshold: (e: VatEntry) => e.threshold !== null,
  model: (e: VatEntry) => e.model !== null,
  legislated: (e: VatEntry) => e.legislated !== 'no data',
  sourceUrl: (e: VatEntry) => e.sourceUrl !== null,
  note: (e: VatEntry) => e.note !== null,
} as const;

/**
 * The registry entry of each country from every source: the built-in facts (vat-facts.ts), the imported
 * tracker statuses and registries, and curator-accepted answers, in any order.
 *
 * The rule: field by field, the newest dated source that states the field wins. An entry states a field
 * when it is not null ("no data" for `legislated`); undated entries count as older than any dated one;
 * between entries of the same date, the later in the list wins. So a tracker edition, which gives the
 * status only, updates the status and leaves the rate of an older legal fact standing, and an accepted
 * answer replaces what it restates. `source` lists the sources that gave a field, newest first; `asOf` is
 * the newest of their dates.
 */
export function mergeVatEntries(entries: readonly VatEntry[]): Map<string, MergedVatEntry> {
  const byCountry = new Map<string, { e: VatEntry; i: number }[]>();
  entries.forEach((e, i) => {
    let list = byCountry.get(e.iso3);
    if (!list) byCountry.set(e.iso3, (list = []));
    list.push({ e, i });
  });
  const result = new Map<string, MergedVatEntry>();
  for (const [iso3, list] of [...byCountry].sort((a, b) => a[0].localeCompare(b[0]))) {
    // Newest first: dated before undated, later dates first, then later in the list first.
    const ordered = list
      .sort((a, b) => {
        const da = a.e.asOf ?? '';
        const db = b.e.asOf ?? '';
        return da !== db ? (da < db ? 1 : -1) : b.i - a.i;
      })
      .map((x) => x.e);
    const used = new Set<VatEntry>();
    const pick = <K extends keyof typeof stated>(field: K): VatEntry | undefined => {
      const found = ordered.find(stated[field]);
      if (found && field !== 'sourceUrl' && field !== 'note') used.add(found);
      return found;
    };
    const rate = pick('rate');
    const start = pick('start');
    const threshold = pick('threshold');
    const model = pick('model');
    const legislated = pick('legislated');
    const sourceUrl = pick('sourceUrl');
    const note = pick('note');
    const contributors = ordered.filter((e) => used.has(e));
    const sources = [...new Set((contributors.length ? contributors : ordered.slice(0, 1)).map((e) => e.source))];
    result.set(iso3, {
      iso3,
      rate: rate?.rate ?? null,
      start: start?.start ?? null,
      threshold: threshold?.threshold ?? null,
      model: model?.model ?? null,
      // A rate from a source implies legislation even when no source states the status.
      legislated: legislated?.legislated ?? (rate !== undefined ? 'legislation' : 'no data'),
      source: sources.join('; '),
      sourceUrl: sourceUrl?.sourceUrl ?? null,
      note: note?.note ?? null,
      asOf: ordered.find((e) => e.asOf !== null)?.asOf ?? null,
      sources,
    });
  }
  return result;
}

export interface VatRevenueOptions {
  /**
   * A duty on the same base, percent: 0 (the default) under the moratorium. VAT then applies to the value
   * plus the duty, as VAT laws tax imported goods on their customs value plus duties.
   */
  dutyPct?: number;
  /**
   * Constant import-demand elasticity ε ≤ 0 (0 by default). Imports respond to the duty only, as
   * (1 + duty)^ε: VAT falls alike on domestic and foreign supplies, so it moves no demand between them.
   */
  elasticity?: number;
  /**
   * Whether the duty is part of the value taxed (true by default, as VAT laws tax imported goods); false
   * compares VAT on the same import value as the duty, duty excluded.
   */
  includeDuty?: boolean;
}

export interface VatRevenue {
  /** The value VAT applies to: imports after the duty's response, plus the duty. */
  taxableUsd: number;
  /** The rate used, percent; null when the entry gives none. */
  ratePct: number | null;
  /** VAT revenue in US dollars; null ("no data", never zero) without a rate. */
  revenueUsd: number | null;
}

/**
 * The VAT/GST that the country's rate would raise on the same base as the duty estimate: the imports of
 * the listed lines × share digitised (× valuation basis), in US dollars, as the estimator's base, so that
 * the two figures compare. VAT is charged on value plus duty: with duty d and elasticity ε,
 * taxable = base × (1 + d)^ε × (1 + d) and revenue = taxable × rate. Without duty (the moratorium), the
 * revenue is base × rate.
 * @example vatRevenue(1000, { ...entry, rate: 15 }, { dutyPct: 10 }).revenueUsd // 1000 × 1.1 × 0.15 = 165
 */
export function vatRevenue(baseUsd: number, entry: Pick<VatEntry, 'rate'>, options: VatRevenueOptions = {}): VatRevenue {
  const d = (options.dutyPct ?? 0) / 100;
  const e = options.elasticity ?? 0;
  if (!(baseUsd >= 0)) throw new RangeError(`the base must be a non-negative number of US dollars, not ${baseUsd}`);
  if (!(d >= 0)) throw new RangeError(`the duty must be a non-negative percentage, not ${options.dutyPct}`);
  if (!(e <= 0)) throw new RangeError(`the import-demand elasticity must be zero or negative, not ${e}`);
  const imports = d === 0 || e === 0 ? baseUsd : baseUsd * Math.pow(1 + d, e);
  const taxableUsd = options.includeDuty === false ? imports : imports * (1 + d);
  const ratePct = entry.rate;
  return { taxableUsd, ratePct, revenueUsd: ratePct === null ? null : (taxableUsd * ratePct) / 100 };
}
