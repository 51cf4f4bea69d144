/** Editions of the Harmonized System that trade, tariffs and product lists are recorded in. */
export const HS_EDITIONS = ['HS1992', 'HS1996', 'HS2002', 'HS2007', 'HS2012', 'HS2017', 'HS2022'] as const;
export type HsEdition = (typeof HS_EDITIONS)[number];

export function isHsEdition(value: string): value is HsEdition {
  return (HS_EDITIONS as readonly string[]).includes(value);
}

/** The edition in force in a year (HS2022 from 1 January 2022, and so on). */
export function editionInForce(year: number): HsEdition {
  if (year >= 2022) return 'HS2022';
  if (year >= 2017) return 'HS2017';
  if (year >= 2012) return 'HS2012';
  if (year >= 2007) return 'HS2007';
  if (year >= 2002) return 'HS2002';
  if (year >= 1996) return 'HS1996';
  return 'HS1992';
}

/**
 * The digits of a national or HS code as published ("8523.21.90", "4901 10", "37011000"); null when it
 * is not a code of at least 6 digits.
 * @example tariffLineCode('8523.21.90') // '85232190'
 */
export function tariffLineCode(published: string): string | null {
  const digits = published.replace(/[\s.\-]/g, '');
  return /^\d{6,12}$/.test(digits) ? digits : null;
}

/**
 * The HS 6-digit subheading of a national line, or of an HS6 code with its leading zero lost ("10121").
 * @example hs6Of('85232190') // '852321'
 */
export function hs6Of(code: string): string | null {
  const digits = tariffLineCode(code) ?? (/^\d{5}$/.test(code) ? `0${code}` : null);
  return digits ? digits.slice(0, 6) : null;
}

/** The two-digit chapter of an HS code. */
export function chapterOf(code: string): string {
  return code.slice(0, 2);
}

/** How codes of two editions correspond, as UNSD's correlation tables say. */
export type HsRelationship = '1:1' | '1:n' | 'n:1' | 'n:n';

/** One link of a UNSD correlation table: code `fromCode` of edition `from` covers (part of) `toCode` of `to`. */
export interface HsLink {
  from: HsEdition;
  fromCode: string;
  to: HsEdition;
  toCode: string;
  relationship: HsRelationship;
}

/** A code of a list translated into another edition, with how it was reached. */
export interface ConcordedCode {
  /** The code in the target edition. */
  code: string;
  /** The codes of the source edition it comes from. */
  sources: string[];
  /**
   * 'exact' (1:1), 'merged' (several source codes into this one, all of them listed), 'split' (a source
   * code divided among several target codes: all of them are kept), or 'partial' (this target code also
   * covers goods outside the list: it is kept and flagged).
   */
  match: 'exact' | 'merged' | 'split' | 'partial';
}

/**
 * Translates codes of edition `from` into edition `to` through correlation links (either direction of the
 * table can be given). Splits and partial matches are kept and labelled, never hidden; codes the table does
 * not know are returned in `unmatched`.
 * @example concord(['852351'], 'HS2022', 'HS2017', links)
 */
export function concord(
  codes: readonly string[],
  from: HsEdition,
  to: HsEdition,
  links: readonly HsLink[],
): { codes: ConcordedCode[]; unmatched: string[] } {
  if (from === to) return { codes: codes.map((c) => ({ code: c, sources: [c], match: 'exact' })), unmatched: [] };
  // Every link as a pair (source code, target code), whichever direction the table was written in.
  const forward = new Map<string, Set<string>>();
  const backward = new Map<string, Set<string>>();
  const add = (a: string, b: string) => {
    let f = forward.get(a);
    if (!f) forward.set(a, (f = new Set()));
    f.add(b);
    let g = backward.get(b);
    if (!g) backward.set(b, (g = new Set()));
    g.add(a);
  };
  for (const l of links) {
    if (l.from === from && l.to === to) add(l.fromCode, l.toCode);
    else if (l.from === to && l.to === from) add(l.toCode, l.fromCode);
  }
  const wanted = new Set(codes);
  const result = new Map<string, ConcordedCode>();
  const unmatched: string[] = [];
  for (const code of codes) {
    const targets = forward.get(code);
    if (!targets || targets.size === 0) {
      unmatched.push(code);
      continue;
    }
    for (const target of targets) {
      const origins = [...(backward.get(target) ?? [])];
      const inList = origins.filter((o) => wanted.has(o)).sort();
      let match: ConcordedCode['match'];
      if (inList.length < origins.length) match = 'partial';
      else if (targets.size > 1) match = 'split';
      else if (origins.length > 1) match = 'merged';
      else match = 'exact';
      const previous = result.get(target);
      // A target reached from several list codes keeps the weakest label any of them gave it.
      const rank = { exact: 0, merged: 1, split: 2, partial: 3 } as const;
      if (!previous || rank[match] > rank[previous.match]) result.set(target, { code: target, sources: inList, match });
    }
  }
  return { codes: [...result.values()].sort((a, b) => a.code.localeCompare(b.code)), unmatched };
}
