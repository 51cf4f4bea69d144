import { QUALITY_RULES } from '../../../domain/quality.ts';
import { array, integer, number, object, orNull, ref, string, type Schema } from '../schema.ts';

const rule = string(undefined, { enum: [...QUALITY_RULES] });

/** The answers of the data-quality question. */
export const qualitySchemas: Record<string, Schema> = {
  QualityFlag: object({
    vintage: integer('The vintage the flag was found in.'),
    source: string(),
    dataset: string(),
    subject: string('Indicator code, or cyberlaw area id.'),
    subjectName: string(),
    country: string(),
    name: string(),
    year: orNull(integer('Null for a cyberlaw status.')),
    rule,
    value: orNull(number('The value flagged.')),
    previous: orNull(number('The value of the year before (jumps).')),
    limit: orNull(number('The bound crossed, or the jump threshold, in the indicator’s unit.')),
    status: orNull(string('The cyberlaw status flagged.')),
    laws: array(string(), 'The laws the same edition lists for the status.'),
    reason: string(),
  }),
  QualityCheck: object({
    indicator: string(),
    unit: string(),
    min: orNull(number()),
    max: orNull(number()),
    jump: orNull(number('Change flagged between consecutive years, in the unit; null: no jump check.')),
    jumpRatio: number('The larger of the two years’ values over the smaller, at least.'),
    why: string(),
  }),
  QualityReport: object({
    count: integer(),
    counts: object(Object.fromEntries(QUALITY_RULES.map((r) => [r, integer()]))),
    vintages: array(ref('VintageSummary')),
    checks: array(ref('QualityCheck')),
    flags: array(ref('QualityFlag')),
  }),
};
