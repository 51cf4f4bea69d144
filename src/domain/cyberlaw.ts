import type { IsoDate } from './group.ts';
import type { Localized } from './lang.ts';

/** A legal area the registry follows; more can be added by adding an entry here. */
export interface CyberlawArea {
  id: string;
  names: Localized;
  /** The column (and document-links key) of the UNCTAD Global Cyberlaw Tracker, where it has one. */
  tracker: string | null;
}

export const CYBERLAW_AREAS: readonly CyberlawArea[] = [
  { id: 'e-transactions', names: { en: 'E-transactions', fr: 'Transactions électroniques', es: 'Transacciones electrónicas', pt: 'Transações eletrónicas' }, tracker: 'Electronic Transactions' },
  { id: 'consumer-protection', names: { en: 'Consumer protection', fr: 'Protection des consommateurs', es: 'Protección del consumidor', pt: 'Proteção do consumidor' }, tracker: 'Consumer Protection' },
  { id: 'data-protection', names: { en: 'Data protection and privacy', fr: 'Protection des données et de la vie privée', es: 'Protección de datos y privacidad', pt: 'Proteção de dados e privacidade' }, tracker: 'Privacy and Data Protection' },
  { id: 'cybercrime', names: { en: 'Cybercrime', fr: 'Cybercriminalité', es: 'Ciberdelincuencia', pt: 'Cibercrime' }, tracker: 'Cybercrime' },
  { id: 'indirect-taxation', names: { en: 'Indirect taxation (digital VAT/GST)', fr: 'Fiscalité indirecte (TVA/TPS numérique)', es: 'Tributación indirecta (IVA/GST digital)', pt: 'Tributação indireta (IVA/GST digital)' }, tracker: 'Indirect Taxation' },
];

export function isCyberlawArea(id: string): boolean {
  return CYBERLAW_AREAS.some((a) => a.id === id);
}

export const CYBERLAW_STATUSES = ['legislation', 'draft', 'none', 'no-data'] as const;
export type CyberlawStatus = (typeof CYBERLAW_STATUSES)[number];

export function isCyberlawStatus(value: string): value is CyberlawStatus {
  return (CYBERLAW_STATUSES as readonly string[]).includes(value);
}

/**
 * A status as the UNCTAD tracker writes it ("Legislation", "Draft Legislation", "No Legislation", "No Data");
 * null for anything else.
 */
export function statusFromTracker(text: string): CyberlawStatus | null {
  switch (text.trim().toLowerCase().replace(/\s+/g, ' ')) {
    case 'legislation':
      return 'legislation';
    case 'draft legislation':
    case 'draft':
      return 'draft';
    case 'no legislation':
    case 'none':
      return 'none';
    case 'no data':
    case '':
      return 'no-data';
    default:
      return null;
  }
}

/** A law behind a status: its title, year (when known) and a link to its text. */
export interface Law {
  title: string;
  year: number | null;
  url: string | null;
}

/**
 * One dated status of one country in one area. History is kept: a change adds an entry with a later date,
 * so the status on any date is the latest entry dated on or before it.
 */
export interface CyberlawEntry {
  iso3: string;
  area: string;
  status: CyberlawStatus;
  /** The date the status is known to hold from (the source's edition date, or the law's date). */
  asOf: IsoDate;
  /** Where the status comes from: a tracker edition, a country's accepted submission. */
  source: string;
  laws: Law[];
  /** Increases with every accepted change of this country and area; edits name the version they start from. */
  version: number;
  /** The vintage of the tracker edition it was imported with; null for an accepted submission; absent when not read. */
  vintageId?: number | null;
}

/**
 * The status of each country and area on a date: the latest entry dated on or before it (ties: the higher
 * version). Countries and areas without one are absent ("no data" to the reader).
 */
export function statusesOn(entries: readonly CyberlawEntry[], date: IsoDate): Map<string, Map<string, CyberlawEntry>> {
  const result = new Map<string, Map<string, CyberlawEntry>>();
  for (const e of entries) {
    if (e.asOf > date) continue;
    let byArea = result.get(e.iso3);
    if (!byArea) result.set(e.iso3, (byArea = new Map()));
    const current = byArea.get(e.area);
    if (!current || e.asOf > current.asOf || (e.asOf === current.asOf && e.version > current.version)) byArea.set(e.area, e);
  }
  return result;
}

export interface AreaCoverage {
  area: string;
  counts: Record<CyberlawStatus, number>;
  /** Members with legislation / members of the group (0–1). */
  shareWithLegislation: number | null;
  members: Record<CyberlawStatus, string[]>;
}

/**
 * Per area: how many of the group's members are in each status, the share with legislation and who they
 * are. A member without an entry counts as "no data".
 */
export function coverage(members: readonly string[], statuses: ReadonlyMap<string, ReadonlyMap<string, CyberlawEntry>>, areas = CYBERLAW_AREAS): AreaCoverage[] {
  return areas.map((a) => {
    const byStatus: Record<CyberlawStatus, string[]> = { legislation: [], draft: [], none: [], 'no-data': [] };
    for (const iso3 of [...members].sort()) byStatus[statuses.get(iso3)?.get(a.id)?.status ?? 'no-data'].push(iso3);
    const counts = Object.fromEntries(CYBERLAW_STATUSES.map((s) => [s, byStatus[s].length])) as Record<CyberlawStatus, number>;
    return {
      area: a.id,
      counts,
      shareWithLegislation: members.length ? counts.legislation / members.length : null,
      members: byStatus,
    };
  });
}
