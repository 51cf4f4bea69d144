/** Dated memberships: the precision of dates, unknown dates, scheduled departures, member counts and their method. */
export const memberships = {
  dateUnknown: 'date of accession unknown',
  attestedFrom: (date: string) => `counted from ${date}, the earliest date a source attests`,
  sinceBeforeRecords: 'counted since before the records',
  scheduled: (date: string) => `departure scheduled for ${date}`,
  unconfirmed: (date: string) => `departure scheduled for ${date}, not confirmed by the sources: still counted`,
  countedInAggregates: (n: number) => `${n} counted in aggregates`,
  notesTitle: 'About this count',
  methodTitle: 'Dated memberships',
  method: [
    'Each membership carries the date it starts and ends and how much of that date a source gives: the day, the month or the year. A month is shown as the month and a year as the year, never as a day; for counting, a month starts on its first day and a year on 1 January. Annual figures read memberships on 31 December of each year, so this convention changes no annual figure.',
    'Where no source gives a date of accession, the membership is shown as "date of accession unknown" and is counted from the earliest date on which a source attests it. Counts before those dates are lower bounds, and the group page and the API say how many members are so counted.',
    'Least developed countries: each country from its year of inclusion in the UN list, until its graduation, to the day, month or year the sources give. A graduation the General Assembly has scheduled is shown as scheduled and is not applied: the country stays an LDC until a source records that it graduated. Bangladesh, Lao PDR and Nepal were scheduled to graduate on 24 November 2026 (A/RES/76/8); the sources end in June 2026, when Bangladesh and Nepal had asked for a deferral, so after that date the three are shown as "not confirmed" and still counted.',
    'ACP/OACPS: a dated accession counts from its date (Suriname, Seychelles and Comoros in 1976; Cabo Verde, São Tomé and Príncipe and Papua New Guinea on 28 March 1977; Namibia in 1990; South Africa on 24 April 1997, a qualified member of Lomé IV; Cuba on 14 December 2000; the Maldives on 9 December 2022). The 65 ACP States of 1985 (Lomé III) with no earlier date count from 1985. Cuba was admitted as the 78th member: the other States without a date (the six Pacific states, Angola, the Dominican Republic, Haiti, Eritrea) count from that day, 14 December 2000. Timor-Leste counts from its ratification of the Cotonou Agreement (19 December 2005), its admission date not being established. This gives 66 members on 1 January 1995 and 80 today. The OACPS says it has 79 Member States while its list includes the Maldives; the Observatory counts the 80 States the sources name and says so beside the count.',
    'WTO: 166 members, the European Union among them, each from its date of membership on the WTO’s list. Aggregates count the EU’s member States individually and not the EU itself, so 165 economies are counted; the group page and the API (membersListed, membersCounted and the notes) give both numbers.',
    'A later import of an undated source (the M49 flags, the organisation table) does not replace a dated list already imported.',
  ],
};
