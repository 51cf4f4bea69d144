/**
 * The strategy-measures template a secretariat fills in: one row per status change of a measure. The
 * measure's own fields (area, text, priority, who leads and funds it, budget, indicator) are written on its
 * first row and may be left empty on its later rows (if repeated, they must agree). A strategy the
 * Observatory does not know yet is declared on its first row by its name, scope and countries. A row whose
 * first cell starts with "#" is a comment (the template's example row); empty rows are passed over.
 * The CSV and XLSX templates, the importer and the documentation are all made from this list.
 */
export interface TemplateColumn {
  header: string;
  required: boolean;
  /** What to write, in English (the template's note row and the method page). */
  help: string;
  /** The example row's value. */
  example: string;
}

export const MEASURE_COLUMNS: readonly TemplateColumn[] = [
  { header: 'strategy_id', required: true, help: 'Short id of the strategy (letters, digits, hyphens), e.g. pacific, ecowas, or a new one declared on this row', example: 'fji-ecommerce' },
  { header: 'strategy_name', required: false, help: 'Only to declare a new strategy: its full name', example: 'Fiji National E-commerce Strategy' },
  { header: 'strategy_scope', required: false, help: 'Only to declare a new strategy: national or regional', example: 'national' },
  { header: 'strategy_countries', required: false, help: 'Only to declare a new strategy: ISO3 codes separated by ";" (FJI;WSM) or a group id (ECOWAS)', example: 'FJI' },
  { header: 'strategy_period', required: false, help: 'Only to declare a new strategy: the years it runs over, e.g. 2024-2028', example: '2024-2028' },
  { header: 'measure_id', required: true, help: 'Id of the measure within the strategy, e.g. 1.2', example: '1.2' },
  { header: 'policy_area', required: false, help: 'One of the seven eT Ready areas: strategy, ict-infrastructure, trade-logistics, payments, legal, skills, financing (or their full names); required on the measure’s first row', example: 'payments' },
  { header: 'measure', required: false, help: 'The measure’s text; required on its first row', example: 'Adopt a national payment switch interoperable with mobile money' },
  { header: 'priority', required: false, help: 'high, medium or low', example: 'high' },
  { header: 'lead_agency', required: false, help: 'The agency that leads the measure', example: 'Reserve Bank of Fiji' },
  { header: 'partners', required: false, help: 'Partners, separated by ";"', example: 'Ministry of Trade; telecom operators' },
  { header: 'donors', required: false, help: 'Donors or funders, separated by ";"', example: 'World Bank' },
  { header: 'budget', required: false, help: 'Budget in the currency given, digits only (no currency sign)', example: '250000' },
  { header: 'currency', required: false, help: 'ISO 4217 code of budget and funding_committed (USD, FJD, XOF); required with an amount', example: 'USD' },
  { header: 'funding_committed', required: false, help: 'Funding committed so far, same currency, digits only', example: '100000' },
  { header: 'indicator', required: false, help: 'How progress is measured', example: 'Share of payments made digitally' },
  { header: 'baseline', required: false, help: 'The indicator’s value at the start', example: '12% (2023)' },
  { header: 'target', required: false, help: 'The indicator’s target', example: '40% (2028)' },
  { header: 'measure_countries', required: false, help: 'ISO3 codes separated by ";" when the measure applies to only some of the strategy’s countries; empty for all', example: '' },
  { header: 'status', required: true, help: 'not started, under implementation, completed or dropped', example: 'under implementation' },
  { header: 'status_date', required: true, help: 'When the measure reached this status: YYYY-MM-DD, YYYY-MM or YYYY; not after today', example: '2025-03-15' },
  { header: 'status_source', required: false, help: 'The report, meeting or document that records the status', example: 'National E-commerce Committee, 3rd meeting report' },
];

/** The header row, in order. */
export const MEASURE_HEADER: readonly string[] = MEASURE_COLUMNS.map((c) => c.header);

/** The example row, commented out ("#" before its first cell) so that an unedited template imports nothing. */
export function exampleRow(): string[] {
  return MEASURE_COLUMNS.map((c, i) => (i === 0 ? `# ${c.example}` : c.example));
}

/** Whether a row is a comment or empty, and is passed over. */
export function isSkippedRow(fields: readonly string[]): boolean {
  if (fields.every((f) => f.trim() === '')) return true;
  return (fields[0] ?? '').trim().startsWith('#');
}
