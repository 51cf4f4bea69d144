import type { DatePrecision, IsoDate, MembershipCorrection } from '../group.ts';

/*
 * Dated corrections applied on top of two stale sources: the country–organisation table derived from the
 * CIA World Factbook (ca. 2019–2020, dieghernan/Country-Codes-and-International-Organizations) and the
 * LDC/LLDC/SIDS flags of the UNSD M49 export (2024-09-25). Each correction names the official decision or
 * notice it comes from. Corrections run in order: a country's joining comes before its departure.
 */

function join(groupId: string, iso3: string, from: IsoDate, source: string, note?: string): MembershipCorrection {
  return note ? { kind: 'join', groupId, iso3, from, source, note } : { kind: 'join', groupId, iso3, from, source };
}

function leave(groupId: string, iso3: string, to: IsoDate, source: string, note?: string, known?: DatePrecision): MembershipCorrection {
  return { kind: 'leave', groupId, iso3, to, ...(known ? { known } : {}), source, ...(note ? { note } : {}) };
}

// ECOWAS ------------------------------------------------------------------------------------------------

export const ECOWAS_TREATY_OF_LAGOS = 'Treaty of Lagos establishing ECOWAS, signed in Lagos on 28 May 1975 by fifteen West African States';
export const ECOWAS_AES_WITHDRAWAL =
  'ECOWAS Commission, press statement of 29 January 2025: the withdrawal of Burkina Faso, Mali and Niger "has become effective today, 29th January 2025"; ' +
  'Final Communiqué of the 66th Ordinary Session of the Authority of Heads of State and Government, Abuja, 15 December 2024 (Art. 91 of the Revised Treaty)';
export const ECOWAS_MRT_WITHDRAWAL =
  'Notice of withdrawal announced by the Government of Mauritania on 26 December 1999; under the one-year notice of Art. 91 of the Revised ECOWAS Treaty ' +
  'it lapsed on Tuesday 26 December 2000, as reported by IRIN (UN OCHA), "Mauritania pulls out of ECOWAS"';

// The signatories of 1975 still in the Community; Cabo Verde joined in 1977 on a day not verified here, so
// its membership stays undated (member since before the records).
const ECOWAS_FOUNDERS_STILL_MEMBERS = ['BEN', 'BFA', 'CIV', 'GHA', 'GIN', 'GMB', 'GNB', 'LBR', 'MLI', 'NER', 'NGA', 'SEN', 'SLE', 'TGO'];

const ecowas: MembershipCorrection[] = [
  ...ECOWAS_FOUNDERS_STILL_MEMBERS.map((iso3) => join('ECOWAS', iso3, '1975-05-28', ECOWAS_TREATY_OF_LAGOS)),
  join('ECOWAS', 'MRT', '1975-05-28', ECOWAS_TREATY_OF_LAGOS),
  leave('ECOWAS', 'MRT', '2000-12-26', ECOWAS_MRT_WITHDRAWAL, 'Withdrew in 2000; associate-membership agreement signed in August 2017 (not a membership).'),
  ...['BFA', 'MLI', 'NER'].map((iso3) =>
    leave('ECOWAS', iso3, '2025-01-29', ECOWAS_AES_WITHDRAWAL, 'Left ECOWAS with the other members of the Alliance of Sahel States (AES).'),
  ),
];

// Pacific Islands Forum ------------------------------------------------------------------------------------

export const PIF_2016_COMMUNIQUE =
  'Forty-Seventh Pacific Islands Forum, Pohnpei, Federated States of Micronesia, 8–10 September 2016, Forum Communiqué, para. 30: ' +
  '"Leaders accepted French Polynesia and New Caledonia as full members of the Pacific Islands Forum"';

// The file still lists both as associate members (their status from 2006 to 2016). Kiribati's withdrawal
// (announced July 2022) and return (2023) are left out: the effective dates are not established here.
const pif: MembershipCorrection[] = ['PYF', 'NCL'].map((iso3): MembershipCorrection => ({
  kind: 'status',
  groupId: 'PIF',
  iso3,
  status: 'member',
  from: '2016-09-10',
  source: PIF_2016_COMMUNIQUE,
  note: 'Full member from the Leaders’ decision at the 47th Forum (retreat of 10 September 2016); associate member before.',
}));

// SADC --------------------------------------------------------------------------------------------------

export const SADC_37TH_SUMMIT =
  'Communiqué of the 37th Summit of SADC Heads of State and Government, Pretoria, 19–20 August 2017: admission of the Union of Comoros as the 16th Member State';

const sadc: MembershipCorrection[] = [
  join('SADC', 'COM', '2017-08-20', SADC_37TH_SUMMIT, 'Admitted on the closing day of the 37th Summit; first attended as a member at the 38th Summit (Windhoek, August 2018).'),
];

// EAC ---------------------------------------------------------------------------------------------------

export const EAC_TREATY = 'Treaty for the Establishment of the East African Community, signed 30 November 1999, entered into force 7 July 2000';
export const EAC_RWA_BDI =
  'Treaties of Accession of the Republic of Rwanda and the Republic of Burundi to the EAC Treaty, signed 18 June 2007, effective 1 July 2007';
export const EAC_SSD =
  'EAC Secretariat: instrument of ratification of the Treaty of Accession of South Sudan (signed 15 April 2016) deposited with the Secretary General, Arusha, 5 September 2016';
export const EAC_COD =
  'EAC Secretariat: instrument of ratification of the Treaty of Accession of the DR Congo (signed 8 April 2022) deposited in Arusha on 11 July 2022; Art. 11 of the Treaty of Accession (entry into force on deposit)';
export const EAC_SOM =
  'EAC Secretariat: instrument of ratification of the Treaty of Accession of Somalia (signed 15 December 2023) deposited in Arusha on 4 March 2024 (Art. 153 of the EAC Treaty)';

// A new Partner State is a full member from the deposit of its instrument of ratification, not from the
// signature of its Treaty of Accession.
const eac: MembershipCorrection[] = [
  ...['KEN', 'TZA', 'UGA'].map((iso3) => join('EAC', iso3, '2000-07-07', EAC_TREATY)),
  ...['BDI', 'RWA'].map((iso3) => join('EAC', iso3, '2007-07-01', EAC_RWA_BDI)),
  join('EAC', 'SSD', '2016-09-05', EAC_SSD),
  join('EAC', 'COD', '2022-07-11', EAC_COD),
  join('EAC', 'SOM', '2024-03-04', EAC_SOM),
];

// COMESA ------------------------------------------------------------------------------------------------

export const COMESA_20TH_SUMMIT =
  '20th Summit of the COMESA Authority of Heads of State and Government, Lusaka, 18–19 July 2018: admission of Tunisia (20th) and Somalia (21st member State)';

const comesa: MembershipCorrection[] = [
  join('COMESA', 'TUN', '2018-07-18', COMESA_20TH_SUMMIT, 'Accession instruments signed on 18 July 2018 at the opening of the Summit.'),
  join(
    'COMESA',
    'SOM',
    '2018-07-18',
    COMESA_20TH_SUMMIT,
    'Admitted at the same Summit; press reports date the signature 18 or 19 July 2018. Somalia had been a member of the PTA, COMESA’s predecessor.',
  ),
];

// African Union ------------------------------------------------------------------------------------------

export const AU_28TH_SUMMIT =
  'Assembly of the African Union, 28th Ordinary Session, Addis Ababa, 30 January 2017: decision to admit the Kingdom of Morocco as a member State';

// The file lists 54 members with the Sahrawi Arab Democratic Republic (AU member since 1984 under the OAU)
// coded ESH, and no Morocco, which left the OAU in 1984 and returned in 2017.
const au: MembershipCorrection[] = [
  join('AU', 'MAR', '2017-01-30', AU_28TH_SUMMIT, 'Readmitted 33 years after leaving the OAU; the 55th member State.'),
];

// Least developed countries -----------------------------------------------------------------------------

const UN_LDC_LIST = 'UN Committee for Development Policy / UN-OHRLLS, list of least developed countries';

// Graduations that have taken effect. The M49 file already drops all of these countries except São Tomé
// and Príncipe; each departure is still recorded so that the LDC aggregate of earlier years includes them.
// A month (stored as its first day) where the sources give no day: UN-OHRLLS and the CDP's graduation pages
// give the month of Botswana's, Cabo Verde's, Samoa's and Bhutan's graduations, not the day.
const ldc: MembershipCorrection[] = [
  leave('LDC', 'BWA', '1994-12-01', `General Assembly resolution 46/206 (20 December 1991); ${UN_LDC_LIST}`, 'Graduated in December 1994 (day not given by the sources).', 'month'),
  leave('LDC', 'CPV', '2007-12-01', `General Assembly resolution 59/210 (20 December 2004); ${UN_LDC_LIST}`, 'Graduated in December 2007 (day not given by the sources).', 'month'),
  leave('LDC', 'MDV', '2011-01-01', `General Assembly resolution 60/33 (30 November 2005), graduation deferred after the 2004 tsunami; ${UN_LDC_LIST}`, undefined, 'day'),
  leave('LDC', 'WSM', '2014-01-01', `General Assembly resolution 64/295 (13 September 2010), graduation deferred after the 2009 tsunami; ${UN_LDC_LIST}`, 'Graduated in January 2014 (day not given by the sources).', 'month'),
  leave('LDC', 'GNQ', '2017-06-04', `General Assembly resolution 68/18 (4 December 2013); UN-OHRLLS, "Equatorial Guinea graduates", 4 June 2017`, undefined, 'day'),
  leave('LDC', 'VUT', '2020-12-04', `General Assembly resolution 70/78 (9 December 2015); UN-OHRLLS, "Vanuatu graduates from LDC status", 4 December 2020`, undefined, 'day'),
  leave('LDC', 'BTN', '2023-12-01', `General Assembly resolution 73/133 (13 December 2018); ${UN_LDC_LIST}`, 'Graduated in December 2023 (day not given by the sources).', 'month'),
  leave(
    'LDC',
    'STP',
    '2024-12-13',
    `General Assembly resolution 73/133 (13 December 2018); UN DESA/CDP, "Sao Tome and Principe graduated from LDC status", 13 December 2024`,
    'The M49 export of 2024-09-25 still flags São Tomé and Príncipe as an LDC.',
    'day',
  ),
];

/** The corrections, grouped by organisation, in the order they must be applied. */
export const MEMBERSHIP_CORRECTIONS: readonly MembershipCorrection[] = [...ecowas, ...pif, ...sadc, ...eac, ...comesa, ...au, ...ldc];

// Scheduled graduations ---------------------------------------------------------------------------------

/**
 * A graduation from the LDC category that the General Assembly has decided but that has not taken effect.
 * Not applied as a departure: the country stays in the LDC aggregate until the date passes and a
 * correction records the graduation.
 */
export interface ScheduledGraduation {
  groupId: 'LDC';
  iso3: string;
  /** The date set for graduation, or null where graduation was deferred without a new date. */
  scheduled: IsoDate | null;
  /** How much of the date the decision gives (a year is stored as 1 January). */
  known: DatePrecision;
  /** The General Assembly resolution (or draft) that set or changed the date. */
  resolution: string;
  source: string;
  note?: string;
}

const A_RES_76_8 = 'A/RES/76/8 (24 November 2021), five-year preparatory period';

export const SCHEDULED_GRADUATIONS: readonly ScheduledGraduation[] = [
  { groupId: 'LDC', iso3: 'BGD', scheduled: '2026-11-24', known: 'day', resolution: A_RES_76_8, source: UN_LDC_LIST },
  { groupId: 'LDC', iso3: 'LAO', scheduled: '2026-11-24', known: 'day', resolution: A_RES_76_8, source: UN_LDC_LIST },
  { groupId: 'LDC', iso3: 'NPL', scheduled: '2026-11-24', known: 'day', resolution: A_RES_76_8, source: UN_LDC_LIST },
  {
    groupId: 'LDC',
    iso3: 'SLB',
    scheduled: '2027-01-01',
    known: 'year',
    resolution: 'General Assembly resolution of 25 August 2023 (77th session) extending by three years the preparatory period set by A/RES/73/133',
    source: UN_LDC_LIST,
    note: 'Originally due to graduate on 13 December 2024; the sources give the year 2027, not the day.',
  },
  {
    groupId: 'LDC',
    iso3: 'KHM',
    scheduled: '2029-12-19',
    known: 'day',
    resolution: 'General Assembly resolution of 19 December 2024 (79th session), five-year preparatory period',
    source: UN_LDC_LIST,
    note: 'Date derived from the five-year preparatory period counted from the adoption of the resolution, as for A/RES/76/8.',
  },
  {
    groupId: 'LDC',
    iso3: 'SEN',
    scheduled: '2029-12-19',
    known: 'day',
    resolution: 'General Assembly resolution of 19 December 2024 (79th session), five-year preparatory period',
    source: UN_LDC_LIST,
    note: 'Date derived from the five-year preparatory period counted from the adoption of the resolution, as for A/RES/76/8.',
  },
  {
    groupId: 'LDC',
    iso3: 'AGO',
    scheduled: null,
    known: 'unknown',
    resolution: 'General Assembly resolution adopted on 18 December 2023 (draft A/78/L.29), "Deferral of graduation of Angola from least developed country status to a later date"',
    source: UN_LDC_LIST,
    note: 'Had been due to graduate in February 2024.',
  },
];
