import type { IsoDate, Membership } from '../group.ts';

/**
 * The WTO's own list of its members with each member's date of membership. The Observatory takes WTO
 * membership from here and not from the CIA Factbook snapshot, which omits the European Union, codes
 * Chinese Taipei as "Taipei", keeps Kazakhstan, Liberia and Seychelles as observers and predates the
 * accessions of Comoros and Timor-Leste.
 */
export const WTO_SOURCE =
  'WTO, "Members and Observers" (www.wto.org/english/thewto_e/whatis_e/tif_e/org6_e.htm): date of membership';

/** Entry into force of the Marrakesh Agreement Establishing the World Trade Organization. */
export const WTO_ESTABLISHED: IsoDate = '1995-01-01';

/** How a member came in: as an original member (GATT contracting party, Art. XI) or by accession (Art. XII). */
export type WtoRoute = 'original' | 'accession';

export interface WtoMember {
  iso3: string;
  from: IsoDate;
  route: WtoRoute;
  note?: string;
}

const O = WTO_ESTABLISHED;

// [iso3, date of membership, route]. Dates as on the WTO members page; original members that completed
// ratification after 1 January 1995 carry their own date.
const ROWS: readonly (readonly [string, IsoDate, WtoRoute])[] = [
  ['AFG', '2016-07-29', 'accession'],
  ['AGO', '1996-11-23', 'original'],
  ['ALB', '2000-09-08', 'accession'],
  ['ARE', '1996-04-10', 'original'],
  ['ARG', O, 'original'],
  ['ARM', '2003-02-05', 'accession'],
  ['ATG', O, 'original'],
  ['AUS', O, 'original'],
  ['AUT', O, 'original'],
  ['BDI', '1995-07-23', 'original'],
  ['BEL', O, 'original'],
  ['BEN', '1996-02-22', 'original'],
  ['BFA', '1995-06-03', 'original'],
  ['BGD', O, 'original'],
  ['BGR', '1996-12-01', 'accession'],
  ['BHR', O, 'original'],
  ['BLZ', O, 'original'],
  ['BOL', '1995-09-12', 'original'],
  ['BRA', O, 'original'],
  ['BRB', O, 'original'],
  ['BRN', O, 'original'],
  ['BWA', '1995-05-31', 'original'],
  ['CAF', '1995-05-31', 'original'],
  ['CAN', O, 'original'],
  ['CHE', '1995-07-01', 'original'],
  ['CHL', O, 'original'],
  ['CHN', '2001-12-11', 'accession'],
  ['CIV', O, 'original'],
  ['CMR', '1995-12-13', 'original'],
  // Year (1997) confirmed; the day is not verified here.
  ['COD', '1997-01-01', 'original'],
  ['COG', '1997-03-27', 'original'],
  ['COL', '1995-04-30', 'original'],
  ['COM', '2024-08-21', 'accession'],
  ['CPV', '2008-07-23', 'accession'],
  ['CRI', O, 'original'],
  ['CUB', '1995-04-20', 'original'],
  ['CYP', '1995-07-30', 'original'],
  ['CZE', O, 'original'],
  ['DEU', O, 'original'],
  ['DJI', '1995-05-31', 'original'],
  ['DMA', O, 'original'],
  ['DNK', O, 'original'],
  ['DOM', '1995-03-09', 'original'],
  ['ECU', '1996-01-21', 'accession'],
  ['EGY', '1995-06-30', 'original'],
  ['ESP', O, 'original'],
  ['EST', '1999-11-13', 'accession'],
  ['EUU', O, 'original'],
  ['FIN', O, 'original'],
  ['FJI', '1996-01-14', 'original'],
  ['FRA', O, 'original'],
  ['GAB', O, 'original'],
  ['GBR', O, 'original'],
  ['GEO', '2000-06-14', 'accession'],
  ['GHA', O, 'original'],
  // Year (1995) confirmed; the day is not verified here.
  ['GIN', '1995-10-25', 'original'],
  // Year (1996) confirmed; the day is not verified here.
  ['GMB', '1996-10-23', 'original'],
  ['GNB', '1995-05-31', 'original'],
  ['GRC', O, 'original'],
  // Year (1996) confirmed; the day is not verified here.
  ['GRD', '1996-02-22', 'original'],
  ['GTM', '1995-07-21', 'original'],
  ['GUY', O, 'original'],
  ['HKG', O, 'original'],
  ['HND', O, 'original'],
  ['HRV', '2000-11-30', 'accession'],
  // Year (1996) confirmed; the day is not verified here.
  ['HTI', '1996-01-30', 'original'],
  ['HUN', O, 'original'],
  ['IDN', O, 'original'],
  ['IND', O, 'original'],
  ['IRL', O, 'original'],
  ['ISL', O, 'original'],
  ['ISR', '1995-04-21', 'original'],
  ['ITA', O, 'original'],
  ['JAM', '1995-03-09', 'original'],
  ['JOR', '2000-04-11', 'accession'],
  ['JPN', O, 'original'],
  ['KAZ', '2015-11-30', 'accession'],
  ['KEN', O, 'original'],
  ['KGZ', '1998-12-20', 'accession'],
  ['KHM', '2004-10-13', 'accession'],
  // Neither year nor day verified against a source here.
  ['KNA', '1996-02-21', 'original'],
  ['KOR', O, 'original'],
  ['KWT', O, 'original'],
  ['LAO', '2013-02-02', 'accession'],
  ['LBR', '2016-07-14', 'accession'],
  ['LCA', O, 'original'],
  ['LIE', '1995-09-01', 'original'],
  ['LKA', O, 'original'],
  ['LSO', '1995-05-31', 'original'],
  ['LTU', '2001-05-31', 'accession'],
  ['LUX', O, 'original'],
  ['LVA', '1999-02-10', 'accession'],
  ['MAC', O, 'original'],
  ['MAR', O, 'original'],
  ['MDA', '2001-07-26', 'accession'],
  ['MDG', '1995-11-17', 'original'],
  ['MDV', '1995-05-31', 'original'],
  ['MEX', O, 'original'],
  ['MKD', '2003-04-04', 'accession'],
  ['MLI', '1995-05-31', 'original'],
  ['MLT', O, 'original'],
  ['MMR', O, 'original'],
  ['MNE', '2012-04-29', 'accession'],
  ['MNG', '1997-01-29', 'accession'],
  ['MOZ', '1995-08-26', 'original'],
  ['MRT', '1995-05-31', 'original'],
  ['MUS', O, 'original'],
  ['MWI', '1995-05-31', 'original'],
  ['MYS', O, 'original'],
  ['NAM', O, 'original'],
  // Year (1996) confirmed; the day is not verified here.
  ['NER', '1996-12-13', 'original'],
  ['NGA', O, 'original'],
  ['NIC', '1995-09-03', 'original'],
  ['NLD', O, 'original'],
  ['NOR', O, 'original'],
  ['NPL', '2004-04-23', 'accession'],
  ['NZL', O, 'original'],
  ['OMN', '2000-11-09', 'accession'],
  ['PAK', O, 'original'],
  ['PAN', '1997-09-06', 'accession'],
  ['PER', O, 'original'],
  ['PHL', O, 'original'],
  // Year (1996) confirmed; the day is not verified here.
  ['PNG', '1996-06-09', 'original'],
  ['POL', '1995-07-01', 'original'],
  ['PRT', O, 'original'],
  ['PRY', O, 'original'],
  // Year (1996) confirmed; the day is not verified here.
  ['QAT', '1996-01-13', 'original'],
  ['ROU', O, 'original'],
  ['RUS', '2012-08-22', 'accession'],
  ['RWA', '1996-05-22', 'original'],
  ['SAU', '2005-12-11', 'accession'],
  ['SEN', O, 'original'],
  ['SGP', O, 'original'],
  // Year (1996) confirmed; the day is not verified here.
  ['SLB', '1996-07-26', 'original'],
  ['SLE', '1995-07-23', 'original'],
  ['SLV', '1995-05-07', 'original'],
  ['SUR', O, 'original'],
  ['SVK', O, 'original'],
  // Month (July 1995, "seven months after" the WTO's creation) confirmed; the day is not verified here.
  ['SVN', '1995-07-30', 'original'],
  ['SWE', O, 'original'],
  ['SWZ', O, 'original'],
  ['SYC', '2015-04-26', 'accession'],
  ['TCD', '1996-10-19', 'original'],
  ['TGO', '1995-05-31', 'original'],
  ['THA', O, 'original'],
  ['TJK', '2013-03-02', 'accession'],
  ['TLS', '2024-08-30', 'accession'],
  ['TON', '2007-07-27', 'accession'],
  ['TTO', '1995-03-01', 'original'],
  // Year (1995) confirmed; the day is not verified here.
  ['TUN', '1995-03-29', 'original'],
  ['TUR', '1995-03-26', 'original'],
  ['TWN', '2002-01-01', 'accession'],
  ['TZA', O, 'original'],
  ['UGA', O, 'original'],
  ['UKR', '2008-05-16', 'accession'],
  ['URY', O, 'original'],
  ['USA', O, 'original'],
  ['VCT', O, 'original'],
  ['VEN', O, 'original'],
  ['VNM', '2007-01-11', 'accession'],
  ['VUT', '2012-08-24', 'accession'],
  ['WSM', '2012-05-10', 'accession'],
  ['YEM', '2014-06-26', 'accession'],
  ['ZAF', O, 'original'],
  ['ZMB', O, 'original'],
  ['ZWE', '1995-03-05', 'original'],
];

// Members whose WTO name or code needs saying: the code is not an ISO 3166 country code, or the name differs.
const NOTES: Readonly<Record<string, string>> = {
  EUU: 'European Union (European Communities until 30 November 2009); EUU is the World Bank aggregate code, not an ISO 3166 code. Its 27 member States are also WTO members in their own right.',
  TWN: 'Separate Customs Territory of Taiwan, Penghu, Kinmen and Matsu (Chinese Taipei)',
  HKG: 'Hong Kong, China (separate customs territory)',
  MAC: 'Macao, China (separate customs territory)',
};

/** The 166 WTO members with their dates of membership, in ISO3 order. */
export const WTO_MEMBERS: readonly WtoMember[] = ROWS.map(([iso3, from, route]) => {
  const note = NOTES[iso3];
  return note ? { iso3, from, route, note } : { iso3, from, route };
});

/** WTO membership as Membership rows; none has left the WTO, so every row is open. */
export const WTO_MEMBERSHIPS: readonly Membership[] = WTO_MEMBERS.map((m) => ({
  groupId: 'WTO',
  iso3: m.iso3,
  status: 'member',
  from: m.from,
  to: null,
  source: WTO_SOURCE,
  note: m.note ?? null,
}));
