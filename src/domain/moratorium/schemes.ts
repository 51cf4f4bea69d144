import type { SchemeMember } from './trade.ts';

/**
 * Parties to the Agreement on the South Asian Free Trade Area (SAFTA), in force 1 January 2006;
 * Afghanistan joined SAARC in 2007 and applies SAFTA from 2011 (SAARC Secretariat, saarc-sec.org).
 */
export const SAFTA_MEMBERS: readonly SchemeMember[] = [
  ...['BGD', 'BTN', 'IND', 'LKA', 'MDV', 'NPL', 'PAK'].map((partner) => ({ scheme: 'SAFTA', partner, from: 2006, to: null })),
  { scheme: 'SAFTA', partner: 'AFG', from: 2011, to: null },
];

/**
 * The 27 member states of the European Union since the United Kingdom left on 31 January 2020
 * (european-union.europa.eu, "EU countries"); they apply the EU's Common External Tariff.
 */
export const EU27: readonly string[] = [
  'AUT', 'BEL', 'BGR', 'HRV', 'CYP', 'CZE', 'DNK', 'EST', 'FIN', 'FRA', 'DEU', 'GRC', 'HUN', 'IRL',
  'ITA', 'LVA', 'LTU', 'LUX', 'MLT', 'NLD', 'POL', 'PRT', 'ROU', 'SVK', 'SVN', 'ESP', 'SWE',
];

/** A programme of the "Special" column of the US Harmonized Tariff Schedule (General Note 3(c)). */
export interface UsProgramme {
  /** The scheme id under which its rates are stored. */
  scheme: string;
  name: string;
  /** Partners entitled, from the year the agreement entered into force; empty when not recorded. */
  members: readonly { partner: string; from: number }[];
}

const fta = (scheme: string, name: string, partner: string, from: number): UsProgramme => ({
  scheme,
  name,
  members: [{ partner, from }],
});

const CAFTA_DR: UsProgramme = {
  scheme: 'US-CAFTA-DR',
  name: 'Dominican Republic-Central America FTA (CAFTA-DR)',
  // Entry into force for each party: El Salvador, Honduras, Nicaragua and Guatemala 2006, the Dominican
  // Republic 2007, Costa Rica 2009.
  members: [
    { partner: 'SLV', from: 2006 },
    { partner: 'HND', from: 2006 },
    { partner: 'NIC', from: 2006 },
    { partner: 'GTM', from: 2006 },
    { partner: 'DOM', from: 2007 },
    { partner: 'CRI', from: 2009 },
  ],
};

const USMCA: UsProgramme = {
  scheme: 'US-USMCA',
  name: 'United States-Mexico-Canada Agreement (USMCA), in force 1 July 2020',
  members: [
    { partner: 'CAN', from: 2020 },
    { partner: 'MEX', from: 2020 },
  ],
};

/**
 * The programme codes of the HTS "Special" column. GSP (A, A*, A+) lapsed on 31 December 2020 and its
 * beneficiaries are not recorded; AGOA (D) and CBERA (E) beneficiaries change by proclamation and are not
 * recorded either: their rates are kept, entitled to no partner.
 */
export const US_PROGRAMMES: ReadonlyMap<string, UsProgramme> = new Map([
  ['A', { scheme: 'US-GSP', name: 'Generalized System of Preferences (lapsed 31 December 2020)', members: [] }],
  ['A*', { scheme: 'US-GSP-A*', name: 'GSP, some beneficiaries excluded (lapsed 31 December 2020)', members: [] }],
  ['A+', { scheme: 'US-GSP-A+', name: 'GSP, least-developed beneficiaries only (lapsed 31 December 2020)', members: [] }],
  ['D', { scheme: 'US-AGOA', name: 'African Growth and Opportunity Act', members: [] }],
  ['E', { scheme: 'US-CBERA', name: 'Caribbean Basin Economic Recovery Act', members: [] }],
  ['AU', fta('US-FTA-AU', 'US-Australia FTA', 'AUS', 2005)],
  ['BH', fta('US-FTA-BH', 'US-Bahrain FTA', 'BHR', 2006)],
  ['CL', fta('US-FTA-CL', 'US-Chile FTA', 'CHL', 2004)],
  ['CO', fta('US-FTA-CO', 'US-Colombia Trade Promotion Agreement', 'COL', 2012)],
  ['IL', fta('US-FTA-IL', 'US-Israel FTA', 'ISR', 1985)],
  ['JO', fta('US-FTA-JO', 'US-Jordan FTA', 'JOR', 2001)],
  ['JP', fta('US-FTA-JP', 'US-Japan Trade Agreement', 'JPN', 2020)],
  ['KR', fta('US-FTA-KR', 'US-Korea FTA', 'KOR', 2012)],
  ['MA', fta('US-FTA-MA', 'US-Morocco FTA', 'MAR', 2006)],
  ['OM', fta('US-FTA-OM', 'US-Oman FTA', 'OMN', 2009)],
  ['PA', fta('US-FTA-PA', 'US-Panama Trade Promotion Agreement', 'PAN', 2012)],
  ['PE', fta('US-FTA-PE', 'US-Peru Trade Promotion Agreement', 'PER', 2009)],
  ['SG', fta('US-FTA-SG', 'US-Singapore FTA', 'SGP', 2004)],
  ['P', CAFTA_DR],
  ['P+', CAFTA_DR],
  ['S', USMCA],
  ['S+', USMCA],
]);

/** The scheme members of the US programmes, once each (P and P+, S and S+ share a scheme). */
export function usSchemeMembers(): SchemeMember[] {
  const seen = new Set<string>();
  const out: SchemeMember[] = [];
  for (const p of US_PROGRAMMES.values()) {
    if (seen.has(p.scheme)) continue;
    seen.add(p.scheme);
    for (const m of p.members) out.push({ scheme: p.scheme, partner: m.partner, from: m.from, to: null });
  }
  return out;
}

/**
 * Partners as spans of years from yearly member lists: a partner listed in consecutive years gets one
 * span, left open when it runs to the last year given.
 * @example spansOf('AfCFTA', new Map([[2026, ['KEN']], [2027, ['KEN']]])) // [{ scheme: 'AfCFTA', partner: 'KEN', from: 2026, to: null }]
 */
export function spansOf(scheme: string, membersByYear: ReadonlyMap<number, readonly string[]>): SchemeMember[] {
  const years = [...membersByYear.keys()].sort((a, b) => a - b);
  const last = years[years.length - 1];
  const partners = new Set<string>();
  for (const list of membersByYear.values()) for (const p of list) partners.add(p);
  const out: SchemeMember[] = [];
  for (const partner of [...partners].sort()) {
    let from: number | null = null;
    let previous: number | null = null;
    const close = () => {
      if (from !== null && previous !== null) out.push({ scheme, partner, from, to: previous === last ? null : previous });
    };
    for (const year of years) {
      const member = membersByYear.get(year)?.includes(partner) ?? false;
      if (member && from !== null && previous === year - 1) previous = year;
      else if (member) {
        close();
        from = year;
        previous = year;
      } else {
        close();
        from = null;
        previous = null;
      }
    }
    close();
  }
  return out;
}
