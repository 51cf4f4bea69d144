/** A country's place among the members of a group with data: 1 is the best position. */
export interface Rank {
  rank: number;
  of: number;
}

/**
 * Competition ranking ("1, 2, 2, 4") of `iso3` among `members` with a value; null when it has none.
 * With `higherIsBetter` false, the smallest value ranks first.
 * @example rankWithin(new Map([['A', 5], ['B', 9]]), ['A', 'B'], 'A', true) // { rank: 2, of: 2 }
 */
export function rankWithin(
  values: ReadonlyMap<string, number>,
  members: readonly string[],
  iso3: string,
  higherIsBetter: boolean,
): Rank | null {
  const own = values.get(iso3);
  if (own === undefined || !Number.isFinite(own)) return null;
  let better = 0;
  let of = 0;
  for (const m of members) {
    const v = values.get(m);
    if (v === undefined || !Number.isFinite(v)) continue;
    of++;
    if (higherIsBetter ? v > own : v < own) better++;
  }
  return { rank: better + 1, of };
}

/** A country's distance to a reference (the world): in the indicator's own unit, and as a ratio. */
export interface Gap {
  difference: number;
  ratio: number | null;
}

export function gapTo(value: number, reference: number): Gap {
  return { difference: value - reference, ratio: reference !== 0 ? value / reference : null };
}
