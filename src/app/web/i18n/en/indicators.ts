/** The pages of indicators and their figures: home, country, indicator, group, the lists and the method. */
export const indicatorPages = {
  home: {
    title: 'Where each country stands on the digital divide',
    intro:
      'Figures for the countries of the Organisation of African, Caribbean and Pacific States, the least developed countries and the small island developing States, set against the world, with their sources.',
    headline: (groupName: string, groupValue: string, worldValue: string, year: number) =>
      `In ${year}, ${groupValue} of people in ${groupName} used the Internet, against ${worldValue} worldwide.`,
    divideTitle: 'The digital divide at a glance',
    divideCaption: 'Latest year with enough coverage for each group; the coverage is the share of the group’s population in members with data.',
    pickCountry: 'Open a country',
    pickGroup: 'Open a group',
    go: 'Open',
    explore: 'Explore',
  },
  country: {
    title: (name: string) => `${name}: the digital divide`,
    keyFigures: 'Key figures',
    memberOf: 'Member of',
    formerMemberOf: 'Formerly',
    latest: 'Latest value',
    trend: 'Trend',
    ranks: 'Rank among members with data',
    chartTitle: (indicator: string, name: string) => `${indicator}: ${name} compared with its groups and the world`,
    mapTitle: (indicator: string, year: number) => `${indicator}, ${year}`,
    downloadAll: 'All figures for this country (CSV)',
    noFigures: 'No figures have been imported for this country.',
    codes: 'Codes',
    region: 'Region',
  },
  indicator: {
    unit: 'Unit',
    rule: 'Group values',
    derived: 'Derived indicator',
    mapTitle: (name: string, year: number) => `${name}, ${year}`,
    chooseYear: 'Year',
    chooseSeries: 'Countries and groups in the chart',
    countriesField: 'Countries (ISO3 codes, separated by commas)',
    groupsField: 'Groups',
    update: 'Update',
    tableTitle: (year: number) => `All countries, ${year}`,
    groupsTitle: (year: number) => `Groups, ${year}`,
    chartTitle: (name: string) => `${name} over time`,
    downloadYear: (year: number) => `${year} (CSV)`,
    downloadAll: 'All years (CSV)',
    olderVintages: 'Earlier vintages',
    countriesWithData: (n: number) => `${n} countries with data`,
  },
  group: {
    membersToday: (n: number) => `${n} members today`,
    formerMembers: 'Former members',
    aggregates: 'Group values',
    aggregatesCaption:
      'Latest year with a value; a value is published when members with data hold at least two thirds of the group’s population.',
    membersWithData: 'Members with data',
    populationCovered: 'Population covered',
    userDefined: 'Defined by a user',
    chartTitle: (name: string) => `Internet use: ${name} and the world`,
    mapTitle: (name: string) => `Members of ${name}`,
  },
  lists: {
    countriesTitle: 'Countries and territories',
    groupsTitle: 'Groups of countries',
    indicatorsTitle: 'Indicators',
    sourcesTitle: 'Sources and vintages',
    sourcesIntro:
      'Each import of a source file makes a vintage: what was imported, from where, when, under which licence. Figures on every page name the vintage they come from.',
    dataset: 'Dataset',
    rows: 'Rows',
    filter: 'Filter',
  },
  about: {
    title: 'How the figures are made',
    paragraphs: [
      'Every figure comes from a public source file or API, imported as a vintage that records the file, its hash, the date of import and the licence. An import is all or nothing: a file with an error is rejected with the line and field at fault, and the figures already published stay as they were.',
      'Group values are computed by the Observatory from the values of the group’s members. Shares of people (Internet use, electricity, accounts) are means weighted by population (adults for account ownership); counts and money values are sums. Members without data are left out, never counted as zero; each group value shows how many members had data and what share of the group’s population they hold. A group value is published only when that share is at least two thirds.',
      'By default a group’s value for every year uses today’s members, as the World Bank does for its own aggregates; the API can instead use the members at the end of each year. Where the World Bank publishes its own value for the same group (the world, least developed countries, its regions and income groups), both are shown, and the difference when they differ by more than 1%.',
      'Memberships carry dates: accession to the WTO, graduation from the least developed country category, withdrawal from ECOWAS. Where a source file is out of date, it is corrected from the official documents named next to each fact.',
    ],
  },
};

export type IndicatorPageMessages = typeof indicatorPages;
