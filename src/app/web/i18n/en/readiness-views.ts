/** The readiness index on country and group pages, and the method page's map and chart. */
export const readinessViews = {
  title: 'Readiness index',
  headline: (method: string, year: number, score: string, rank: number, of: number) => `${method} ${year}: score ${score} of 100, rank ${rank} of ${of}.`,
  latestNote: (year: number) => `The latest year the method gives scores in from the stored data is ${year}; each component is read for the years its rule says.`,
  noScore: (method: string, year: number, of: number) => `${method} ${year}: no score (${of} economies scored). The method’s rule drops an economy lacking a component:`,
  noYear: (method: string) => `${method}: no year the stored data can give a score in.`,
  component: 'Component',
  yearRead: 'Year read',
  value: 'Value',
  normalised: 'Normalised (0–100)',
  missingReason: (reason: string) => `missing: ${reason}`,
  published: (year: number, score: string, rank: string, of: number) => `Published edition ${year}: score ${score}, rank ${rank} of ${of}.`,
  publishedBeside: (year: number, score: string, rank: string, of: number, own: string, ownRank: string, ownOf: number) =>
    `Published edition ${year}: score ${score}, rank ${rank} of ${of}; computed here for ${year}: ${own}, rank ${ownRank} of ${ownOf}.`,
  notPublished: (year: number) => `Not ranked in the published edition of ${year}.`,
  noEdition: 'No published edition stored.',
  methodLink: 'The method, the ranked table and the comparison with the published editions',
  groupHeadline: (method: string, year: number, score: string) => `${method} ${year}: population-weighted average score ${score} of 100.`,
  groupWithheld: (method: string, year: number) => `${method} ${year}: average withheld, the members with a score hold less than two thirds of the group’s population.`,
  groupCoverage: (withData: string, total: string, pct: string) => `Coverage: ${withData} of ${total} members with a score, ${pct}% of the population.`,
  pagesNote:
    'Country and group pages show this method for the latest index year in which the stored data give at least one score, under the method’s own rule for a missing component, with each component’s normalised value or why it is missing. The published score and rank are those of the same year; when that year has no published edition, the newest edition stored is shown with the index computed here for its year, so that the two compare like with like. Group pages give the population-weighted average with its coverage, withheld below two thirds of the group’s population.',
  mapTitle: (method: string, year: number) => `${method} ${year}, score by economy`,
  chartTitle: (method: string, year: number) => `${method} ${year}: mean normalised value of each component over the economies scored`,
  chartNote: 'The bars are the mean of each component’s normalised value (0–100) over the economies with a score; every economy’s components are in the CSV download.',
  chartCaption: (parts: string, n: number) => `Mean over ${n} economies scored: ${parts}.`,
};
