/**
 * The published results of the eT Ready implementation reviews and stock-takes: what UNCTAD reported, as
 * quoted, kept as checkpoints beside what the Observatory computes from action matrices. The figures are
 * read from the quoted finding; nothing is derived, and a review whose results were not found says so.
 */

/** The figures a finding states; each null when it does not state it. */
export interface ReviewFigures {
  /** "overall implementation rate 50%". */
  overallRate: number | null;
  /** "13 of the 18 countries … responded". */
  responded: number | null;
  asked: number | null;
  /** "140 new achievements reported from 14 countries". */
  achievements: number | null;
  reportingCountries: number | null;
  /** A stock-take: "17 assessments finalised; 8 under way; 12 requests received". */
  finalised: number | null;
  underWay: number | null;
  requestsReceived: number | null;
}

/** One published review or stock-take. */
export interface ReviewCheckpoint {
  id: string;
  review: string;
  /** YYYY or YYYY-MM, from the review's title; null when it gives none. */
  date: string | null;
  /** The finding word for word; null when the review's results were not found. */
  finding: string | null;
  figures: ReviewFigures;
  /** Countries the source names without a status each (the 2019 stock-take's infographic). */
  namedCountries: string[];
  sources: string[];
  caveat: string | null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The date a review's title gives: "(Dec 2020)" → 2020-12, "2019 stock-take" → 2019. */
export function reviewDate(review: string): string | null {
  const m = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+((?:19|20)\d{2})\b/i.exec(review);
  if (m) return `${m[2]}-${String(MONTHS.indexOf((m[1] as string).toLowerCase()) + 1).padStart(2, '0')}`;
  const y = /\b((?:19|20)\d{2})\b/.exec(review);
  return y ? (y[1] as string) : null;
}

const num = (re: RegExp, text: string, group = 1): number | null => {
  const m = re.exec(text);
  return m ? Number(m[group]) : null;
};

/** The figures a quoted finding states. */
export function reviewFigures(finding: string): ReviewFigures {
  const of = /(\d+) of the (\d+) countries/i.exec(finding);
  const ach = /(\d+) new achievements reported from (\d+) countries/i.exec(finding);
  return {
    overallRate: num(/overall implementation rate (\d+(?:\.\d+)?)\s*%/i, finding),
    responded: of ? Number(of[1]) : null,
    asked: of ? Number(of[2]) : null,
    achievements: ach ? Number(ach[1]) : null,
    reportingCountries: ach ? Number(ach[2]) : null,
    finalised: num(/(\d+) assessments finali[sz]ed/i, finding),
    underWay: num(/(\d+) under way/i, finding),
    requestsReceived: num(/(\d+) requests received/i, finding),
  };
}

/** The countries a caveat lists after a colon, up to a closing count "(37 = 17+8+12)". */
export function namedCountries(caveat: string): string[] {
  const m = /named[^:]*:\s*(.+?)\s*\(\d+\s*=\s*[\d+ ]+\)/i.exec(caveat);
  if (!m) return [];
  return (m[1] as string).split(',').map((s) => s.trim()).filter((s) => s !== '');
}

/** "NOT FOUND", as the statements write a review whose results were not found. */
export const isNotFound = (text: string): boolean => /^not found$/i.test(text.trim());
