import type { ReadStore } from '../../adapters/storage/store.ts';
import { CYBERLAW_AREAS } from '../../domain/cyberlaw.ts';
import { documentedChecks, flagReason, isQualityRule, QUALITY_RULES, type QualityRule, type StoredQualityFlag } from '../../domain/quality.ts';
import type { Reference } from '../services/reference.ts';
import { format } from './common.ts';
import { badParameter } from './params.ts';
import { entityName, vintageSummary } from './present.ts';
import { defineQuestion, type Param } from './question.ts';
import { errors, ISO3, ok, string } from './schema.ts';

/** The flag of one value as observations carry it: the rules it breaks ("jump,range") and why, in English. */
export interface ValueFlag {
  flag: string;
  flagReason: string;
}

/** The flags of an indicator's values in some vintages, by "entity|year". */
export async function valueFlags(store: ReadStore, vintageIds: readonly number[], subject: string): Promise<Map<string, ValueFlag>> {
  const byValue = new Map<string, StoredQualityFlag[]>();
  for (const f of await store.qualityFlags({ vintageIds, subject })) {
    const key = `${f.entity}|${f.year}`;
    byValue.set(key, [...(byValue.get(key) ?? []), f]);
  }
  return new Map(
    [...byValue].map(([key, flags]) => [key, { flag: flags.map((f) => f.rule).join(','), flagReason: flags.map(flagReason).join('; ') }]),
  );
}

/** The name of what a flag is about: the indicator's or the cyberlaw area's English name. */
function subjectName(ref: Reference, subject: string): string {
  return ref.indicators.get(subject)?.def.names.en ?? CYBERLAW_AREAS.find((a) => a.id === subject)?.names.en ?? subject;
}

const rule = {
  name: 'rule',
  in: 'query',
  description: `Only flags of this rule: ${QUALITY_RULES.join(', ')}.`,
  schema: string(undefined, { enum: [...QUALITY_RULES] }),
  choices: [...QUALITY_RULES],
  parse: (raw) => {
    if (raw === undefined) return undefined;
    if (!isQualityRule(raw)) throw badParameter('rule', `"${raw}" is not a rule; rules: ${QUALITY_RULES.join(', ')}`);
    return raw;
  },
} satisfies Param<QualityRule | undefined>;

const subject = {
  name: 'subject',
  in: 'query',
  description: 'Only flags about this indicator code or cyberlaw area id (as stored, case sensitive).',
  schema: string(undefined, { pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$' }),
  example: 'IT.CEL.SETS.P2',
  parse: (raw) => raw,
} satisfies Param<string | undefined>;

const country = {
  name: 'country',
  in: 'query',
  description: 'Only flags about this country (ISO3 code, case does not matter).',
  schema: string(undefined, { pattern: ISO3 }),
  example: 'FJI',
  parse: (raw) => (raw === undefined ? undefined : raw.trim().toUpperCase()),
} satisfies Param<string | undefined>;

/** What the data-quality answer says of the flags, for the page and the API alike. */
export async function qualityReport(store: ReadStore, ref: Reference, filter: { subject?: string; country?: string; rule?: QualityRule }) {
  const stored = await store.qualityFlags({
    ...(filter.subject !== undefined ? { subject: filter.subject } : {}),
    ...(filter.country !== undefined ? { entity: filter.country } : {}),
  });
  const flags = stored
    .filter((f) => filter.rule === undefined || f.rule === filter.rule)
    .map((f) => {
      const v = ref.vintages.get(f.vintageId);
      return {
        vintage: f.vintageId,
        source: v?.source ?? '',
        dataset: v?.dataset ?? '',
        subject: f.subject,
        subjectName: subjectName(ref, f.subject),
        country: f.entity,
        name: entityName(ref, f.entity),
        year: f.year,
        rule: f.rule,
        value: f.value,
        previous: f.previous,
        limit: f.limit,
        status: f.status ?? null,
        laws: f.laws ?? [],
        reason: flagReason(f),
      };
    });
  const counts = Object.fromEntries(QUALITY_RULES.map((r) => [r, flags.filter((f) => f.rule === r).length])) as Record<QualityRule, number>;
  const vintages = [...new Set(flags.map((f) => f.vintage))].sort((a, b) => a - b).flatMap((id) => {
    const v = ref.vintages.get(id);
    return v ? [vintageSummary(v)] : [];
  });
  const checks = documentedChecks().map((c) => ({ indicator: c.code, unit: c.unit, ...c.checks }));
  return { count: flags.length, counts, vintages, checks, flags };
}

/** GET /quality: what looks wrong at the source, flagged at import, for a curator to follow up. */
export const quality = defineQuestion({
  id: 'quality',
  method: 'get',
  path: '/quality',
  params: { subject, country, rule, format },
  doc: {
    summary: 'Data-quality flags of the current vintages',
    description:
      'Values outside their unit’s plausible range, year-on-year jumps beyond the indicator’s threshold (a change of at least `jump` ' +
      'in the unit and by a factor of at least `jumpRatio`), and cyberlaw statuses that contradict the laws the same edition lists ' +
      '("No legislation" or "No data" with a law, "Legislation" with none). Found when each file is imported and stored with its ' +
      'vintage; a flag never changes a value. `checks` states every indicator’s thresholds. CSV: one row per flag.',
    tags: ['quality'],
    responses: { '200': ok('The flags with their thresholds.', 'QualityReport', 'quality_flags.csv'), ...errors('400') },
  },
  async answer({ subject: s, country: c, rule: r }, { obs }) {
    const ref = await obs.ref();
    const report = await qualityReport(obs.store, ref, { ...(s !== undefined ? { subject: s } : {}), ...(c !== undefined ? { country: c } : {}), ...(r !== undefined ? { rule: r } : {}) });
    return {
      json: () => report,
      csv: () => ({
        filename: 'quality_flags.csv',
        header: ['vintage', 'source', 'subject', 'country', 'name', 'year', 'rule', 'value', 'previous', 'limit', 'status', 'laws', 'reason'],
        rows: report.flags.map((f) => [f.vintage, f.source, f.subject, f.country, f.name, f.year, f.rule, f.value, f.previous, f.limit, f.status, f.laws.join('; '), f.reason]),
      }),
      headers: { 'x-data-version': String(ref.version) },
    };
  },
});
