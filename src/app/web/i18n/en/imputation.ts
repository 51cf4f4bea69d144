/** Group values that leave out a large member or carry values forward: the note beside the figure and the method. */
export const imputation = {
  /** Beside a group value: the large members it leaves out, e.g. "Without India (17.9% of the population; latest value 2020)". */
  without: (members: string) => `Without ${members}`,
  member: (name: string, share: string, latestYear: number | null) =>
    `${name} (${share} of the population${latestYear !== null ? `; latest value ${latestYear}` : '; no value'})`,
  carried: (n: number) => `${n} ${n === 1 ? 'value' : 'values'} carried forward from earlier years`,
  /** The group and indicator pages' form: the parameters impute and impute_years. */
  field: 'Members without a value for the year',
  choices: { none: 'left out (default)', 'carry-forward': 'latest earlier value carried forward' } as Record<string, string>,
  yearsField: 'carried at most (years)',
  apply: 'Apply',
  methodTitle: 'Members without a value for the year',
  methodParagraphs: [
    'By default a group value uses only the values published for that year: a member without one is left out, never counted as zero, and never given a value of another year. Wherever the figure appears (country pages, group and indicator pages, the API in JSON and CSV, the command line), the members left out that hold more than 10% of the group’s population are named beside it, with their share and the latest year they have a value.',
    'Why this default: every figure can then be traced to values the source published for that year, and what is missing is said where it matters. Carrying values forward is a model: it assumes nothing changed, which understates a figure that grows, such as Internet use. On the shared data, world Internet use in 2022 is 68.6% without India (17.9% of the world’s population, no value since 2020), 63.2% with India’s 2020 value carried forward, and 64.4% in the World Bank’s own estimate: the two methods fall on either side of it, and the note says which way the figure leans.',
    'The group and indicator pages (the field “Members without a value for the year”), the API and the command line offer the other method: impute=carry-forward gives a member without a value its latest value of the impute_years years before (2 by default, 1 to 10), never a later one; each row then lists the members so counted and the year of their value. A value carried is weighted by the member’s population of the year.',
  ],
};
