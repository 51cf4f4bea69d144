/**
 * Items whose implementation is followed over time: the recommendations of an eTrade Readiness Assessment's
 * action matrix and the measures of an e-commerce strategy. Each item belongs to one of the seven eT Ready
 * policy areas and carries a dated history of statuses; the shares of items under implementation and
 * completed can be asked for at any date.
 */
import { isFuture, parsePartialDate, startOf } from './etready/status.ts';

/** The seven policy areas of the eT Ready assessments, in the order of their reports. */
export const POLICY_AREAS = [
  'strategy',
  'ict-infrastructure',
  'trade-logistics',
  'payments',
  'legal',
  'skills',
  'financing',
] as const;
export type PolicyArea = (typeof POLICY_AREAS)[number];

/** The words a file may use for each area (lower case, spaces, hyphens and "and"/"&" ignored). */
const AREA_NAMES: Record<PolicyArea, readonly string[]> = {
  strategy: ['strategy', 'strategy formulation', 'e-commerce readiness assessment and strategy formulation', 'e-commerce strategy formulation'],
  'ict-infrastructure': ['ict-infrastructure', 'ict infrastructure', 'ict infrastructure and services'],
  'trade-logistics': ['trade-logistics', 'trade logistics', 'trade logistics and trade facilitation', 'trade logistics and facilitation'],
  payments: ['payments', 'payment', 'payment solutions'],
  legal: ['legal', 'legal and regulatory frameworks', 'legal and regulatory framework'],
  skills: ['skills', 'skills development', 'e-commerce skills development'],
  financing: ['financing', 'access to financing', 'access to finance'],
};

const key = (text: string) => text.trim().toLowerCase().replace(/&/g, 'and').replace(/[\s_-]+/g, ' ');

/** The policy area a file names (its id or its name in the reports), or null when it is none of the seven. */
export function parsePolicyArea(text: string): PolicyArea | null {
  const k = key(text);
  for (const area of POLICY_AREAS) if (AREA_NAMES[area].some((n) => key(n) === k)) return area;
  return null;
}

/** The statuses an item moves through; "dropped" ends it without completing it. */
export const ITEM_STATUSES = ['not-started', 'under-implementation', 'completed', 'dropped'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** A status as written in a file ("Under implementation", "not_started"), or null when it is none of the four. */
export function parseItemStatus(text: string): ItemStatus | null {
  const k = text.trim().toLowerCase().replace(/[\s_]+/g, '-');
  return (ITEM_STATUSES as readonly string[]).includes(k) ? (k as ItemStatus) : null;
}

/** One dated status of an item, with where it was reported. */
export interface StatusChange {
  status: ItemStatus;
  /** YYYY, YYYY-MM or YYYY-MM-DD, as precise as the source. */
  date: string;
  /** The report, meeting or document the change comes from; null when none was given. */
  source: string | null;
}

/** An item followed over time. */
export interface TrackedItem {
  id: string;
  area: PolicyArea;
  /** Its statuses, in any order; the status at a date is the latest one dated on or before it. */
  history: readonly StatusChange[];
}

/** Why a history cannot be stored: the message names the change at fault (by its position from 1). */
export function checkHistory(history: readonly StatusChange[], today: string): string | null {
  for (const [i, c] of history.entries()) {
    if (parsePartialDate(c.date) === null) return `change ${i + 1}: "${c.date}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`;
    if (isFuture(c.date, today)) return `change ${i + 1}: ${c.date} is in the future (today is ${today})`;
  }
  const seen = new Set<string>();
  for (const c of history) {
    const k = startOf(c.date);
    if (seen.has(k)) return `two statuses on ${c.date}: give each change its own date`;
    seen.add(k);
  }
  return null;
}

/** The status of an item on `date` (YYYY-MM-DD), or null when its first recorded status is later. */
export function statusAt(item: TrackedItem, date: string): ItemStatus | null {
  let best: StatusChange | null = null;
  for (const c of item.history) {
    const d = startOf(c.date);
    if (d <= date && (best === null || d > startOf(best.date))) best = c;
  }
  return best?.status ?? null;
}

/** Counts and shares of items on a date. */
export interface Shares {
  /** Items recorded by that date (a status dated on or before it), dropped ones included. */
  recorded: number;
  /** Items the shares are of: recorded, not dropped. */
  counted: number;
  notStarted: number;
  underImplementation: number;
  completed: number;
  dropped: number;
  /** Percent of the counted items under implementation on the date; null when none is counted. */
  underImplementationShare: number | null;
  /** Percent of the counted items completed on the date; null when none is counted. */
  completedShare: number | null;
}

/**
 * The shares of `items` under implementation and completed on `date`. Items dropped by then are left out
 * of the denominator (they are no longer to be implemented) and counted apart; items not yet recorded on
 * the date do not exist for it.
 */
export function sharesAt(items: readonly TrackedItem[], date: string): Shares {
  const n: Record<ItemStatus, number> = { 'not-started': 0, 'under-implementation': 0, completed: 0, dropped: 0 };
  for (const item of items) {
    const s = statusAt(item, date);
    if (s !== null) n[s] += 1;
  }
  const counted = n['not-started'] + n['under-implementation'] + n.completed;
  const pct = (x: number) => (counted === 0 ? null : (100 * x) / counted);
  return {
    recorded: counted + n.dropped,
    counted,
    notStarted: n['not-started'],
    underImplementation: n['under-implementation'],
    completed: n.completed,
    dropped: n.dropped,
    underImplementationShare: pct(n['under-implementation']),
    completedShare: pct(n.completed),
  };
}

/** The shares on `date` for each policy area that has items, in the order of POLICY_AREAS. */
export function sharesByArea(items: readonly TrackedItem[], date: string): { area: PolicyArea; shares: Shares }[] {
  return POLICY_AREAS.filter((a) => items.some((i) => i.area === a)).map((area) => ({ area, shares: sharesAt(items.filter((i) => i.area === area), date) }));
}

/** Every date on which some item's status changed (as YYYY-MM-DD, ascending): the points of a progress chart. */
export function changeDates(items: readonly TrackedItem[]): string[] {
  return [...new Set(items.flatMap((i) => i.history.map((c) => startOf(c.date))))].sort();
}
