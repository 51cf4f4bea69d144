/**
 * Codes the World Bank uses for its own aggregates in WDI files (regions, income and lending groups,
 * demographic-dividend groups, small states …); any other three-letter code in its files is an economy.
 */
export const WB_AGGREGATE_CODES: ReadonlySet<string> = new Set([
  'AFE', 'AFW', 'ARB', 'CEB', 'CSS', 'EAP', 'EAR', 'EAS', 'ECA', 'ECS', 'EMU', 'EUU', 'FCS', 'HIC', 'HPC', 'IBD', 'IBT', 'IDA',
  'IDB', 'IDX', 'INX', 'LAC', 'LCN', 'LDC', 'LIC', 'LMC', 'LMY', 'LTE', 'MEA', 'MIC', 'MNA', 'NAC', 'OED', 'OSS', 'PRE', 'PSS',
  'PST', 'SAS', 'SSA', 'SSF', 'SST', 'TEA', 'TEC', 'TLA', 'TMN', 'TSA', 'TSS', 'UMC', 'WLD',
]);

/** The Observatory's group for each World Bank region name of the country classification. */
export const WB_REGION_GROUPS: ReadonlyMap<string, string> = new Map([
  ['East Asia & Pacific', 'EAS'],
  ['Europe & Central Asia', 'ECS'],
  ['Latin America & Caribbean', 'LCN'],
  ['Middle East & North Africa', 'MEA'],
  ['Middle East, North Africa, Afghanistan & Pakistan', 'MEA'],
  ['North America', 'NAC'],
  ['South Asia', 'SAS'],
  ['Sub-Saharan Africa', 'SSF'],
]);

/** The Observatory's group for each World Bank income group name. */
export const WB_INCOME_GROUPS: ReadonlyMap<string, string> = new Map([
  ['High income', 'HIC'],
  ['Upper middle income', 'UMC'],
  ['Lower middle income', 'LMC'],
  ['Low income', 'LIC'],
]);

/**
 * The World Bank fiscal year in force on a date: FY2026 runs from 1 July 2025 to 30 June 2026.
 * @example fiscalYearOn('2026-02-24') // 2026
 */
export function fiscalYearOn(date: string): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return month >= 7 ? year + 1 : year;
}

/** The first day of a World Bank fiscal year. */
export function fiscalYearStart(fiscalYear: number): string {
  return `${fiscalYear - 1}-07-01`;
}
