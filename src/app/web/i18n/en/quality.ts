import { documentedChecks, hasStatedChecks } from '../../../../domain/quality.ts';

/** Data quality: the flags found at import, the data-quality page and the method's section on them. */
export const quality = {
  title: 'Data quality',
  intro:
    'Values and statuses that look wrong at the source, found when each file is imported and kept with its vintage. A flag does not change a figure: it marks it for a curator to follow up with the publisher.',
  rules: {
    range: 'Outside the plausible range',
    jump: 'Year-on-year jump',
    'none-with-law': '“No legislation” while a law is listed',
    'no-data-with-law': '“No data” while a law is listed',
    'legislation-without-law': '“Legislation” with no law listed',
  } as Record<string, string>,
  rangeAbove: (value: string, limit: string) => `${value} is above the plausible maximum of ${limit}`,
  rangeBelow: (value: string, limit: string) => `${value} is below the plausible minimum of ${limit}`,
  jumpText: (previous: string, value: string, year: number, limit: string) => `from ${previous} in ${year - 1} to ${value} in ${year}: beyond the threshold of ${limit} in one year`,
  lawsListed: (laws: string) => `laws listed: ${laws}`,
  noLawListed: 'no law listed',
  mark: 'flagged',
  markTitle: 'Data-quality flag: see the data-quality page',
  bySource: 'Flags by source',
  counts: 'Flags by rule',
  none: 'No flag in the current vintages.',
  subject: 'Indicator or area',
  rule: 'Rule',
  why: 'Why',
  thresholds: 'Thresholds per indicator',
  min: 'Minimum',
  max: 'Maximum',
  jump: 'Jump (change and ratio)',
  basis: 'Basis',
  /** Reasons of the stated thresholds by indicator code: in English, the rule's own wording (domain/quality.ts). */
  thresholdWhy: Object.fromEntries(documentedChecks().filter((c) => hasStatedChecks(c.code)).map((c) => [c.code, c.checks.why])) as Record<string, string>,
  /** The reason of a threshold that is only its unit's range. */
  unitBasis: (unit: string, min: number | null, max: number | null) =>
    max !== null ? `${unit}: ${min ?? '–'}–${max}` : min !== null ? `${unit}: not negative` : `${unit}: no bound`,
  filter: 'Show',
  all: 'all',
  method: {
    title: 'Data quality and edition dates',
    paragraphs: [
      'When a file is imported, each value of an indicator is checked against the plausible range of its unit (a share of the population lies between 0 and 100; per-100 indicators have a stated maximum, such as 400 mobile subscriptions per 100 people) and against the value of the year before: a jump is flagged when the change reaches the indicator’s threshold in its unit and the larger value is at least 1.5 times the smaller (ten times for secure servers). The thresholds are listed on the data-quality page and in /api/v1/quality.',
      'A cyberlaw status is flagged when it contradicts the laws the same edition lists: “No legislation” or “No data” beside a law, or “Legislation” with none. Bare “No Data” markers in the list of laws are not laws and are not counted.',
      'Flags are stored with the vintage they were found in and shown beside the figure on pages, in the API (flag, flagReason) and in CSV downloads; the figure itself is published as the source gives it.',
      'A cyberlaw edition’s statuses hold from the edition’s date, read in this order: the date given to the import (--as-of), the datapackage.json beside the files (x-as-of, date or edition of the file’s resource), a date stated for the file in its PROVENANCE.md, and only then the day of the import, which the vintage’s note then says. The 2026 tracker holds from 2026-03-05; the earlier data-protection editions from 2020-04-01 and 2021-12-01.',
      'The December 2021 data-protection edition has no type column: a title naming a bill or a draft is read as a draft. On 31 December 2021 it gives 135 economies with legislation where UNCTAD reported 137 of 194. The difference of two most likely comes from two titles that the rule reads as drafts although they name instruments already passed: Barbados (“Bill - Data Protection passed in Senate and House of Assembly, 2019”) and Seychelles (“Bill - The Data Protection No. 9 of 2003”). They are kept as drafts, as the file writes them.',
    ],
    link: 'Data-quality flags of the current vintages',
  },
};
