/** A national or regional e-commerce strategy, and the progress figures its secretariat published. */
export interface Strategy {
  id: string;
  name: string;
  scope: 'national' | 'regional';
  /** The country codes or the group (by name) the strategy covers. */
  coverage: string;
  /** The period it runs over, as published (e.g. "2023-2027"); null when none is given. */
  period: string | null;
}

/** One published progress figure of a strategy: the shares of its measures on a date, as quoted. */
export interface Checkpoint {
  strategyId: string;
  /** YYYY-MM-DD or YYYY-MM, as precise as the source. */
  date: string;
  /** Percent of the measures under implementation; null when not published at that date. */
  underImplementation: number | null;
  /** Percent of the measures completed; null when not published at that date. */
  completed: number | null;
  /** The number of measures the shares are of, where the source gives it. */
  measures: number | null;
  /** The quotes, word for word, one per published figure. */
  quotes: string[];
  /** The addresses of the pages quoted, in the order of the quotes (repeated addresses once). */
  sources: string[];
}

/**
 * The strategies the Observatory knows, recognised by the start of the name their sources give. A
 * strategy not listed here is refused rather than guessed.
 */
export const KNOWN_STRATEGIES: readonly (Strategy & { prefix: string })[] = [
  { prefix: 'Pacific Regional E-commerce Strategy', id: 'pacific', name: 'Pacific Regional E-commerce Strategy and Roadmap', scope: 'regional', coverage: 'Forum Island Countries (Pacific Islands Forum)', period: '2021-' },
  { prefix: 'ECOWAS E-commerce Strategy', id: 'ecowas', name: 'ECOWAS E-commerce Strategy and Implementation Plan 2023-2027', scope: 'regional', coverage: 'ECOWAS', period: '2023-2027' },
];

/** The known strategy a source's name designates, or null. */
export function strategyNamed(name: string): Strategy | null {
  const s = KNOWN_STRATEGIES.find((k) => name.trim().toLowerCase().startsWith(k.prefix.toLowerCase()));
  if (!s) return null;
  const { prefix: _prefix, ...strategy } = s;
  return strategy;
}

/** The leading date of a statement's date cell ("2024-04-18 (2nd meeting …)"): YYYY-MM-DD or YYYY-MM, or null. */
export function leadingDate(text: string): string | null {
  const m = /^\s*(\d{4})-(\d{2})(?:-(\d{2}))?(?![\d/])/.exec(text);
  if (!m) return null;
  const month = Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return m[3] === undefined ? `${m[1]}-${m[2]}` : `${m[1]}-${m[2]}-${m[3]}`;
}

/** Whether a date (YYYY-MM or YYYY-MM-DD) starts after `today` (YYYY-MM-DD). */
export function afterToday(date: string, today: string): boolean {
  return (date.length === 7 ? `${date}-01` : date) > today;
}

/** Which share a statement's metric gives: under implementation, completed, or none. */
export function shareKind(metric: string): 'underImplementation' | 'completed' | null {
  const m = metric.toLowerCase();
  if (!m.startsWith('share')) return null;
  if (m.includes('under_implementation') || m.includes('under implementation')) return 'underImplementation';
  if (m.includes('completed')) return 'completed';
  return null;
}

/** The number of measures a unit names ("percent of 54 measures"), or null. */
export function measuresOf(unit: string): number | null {
  const m = /of\s+(\d+)\s+measures/i.exec(unit);
  return m ? Number(m[1]) : null;
}
