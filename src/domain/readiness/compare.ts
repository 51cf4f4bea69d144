/** How close a computed index is to a published one, over the economies both rank. */
export interface Reproduction {
  /** Economies with both a computed and a published score. */
  compared: number;
  /** Mean of |computed − published| in index points. */
  meanAbsoluteDifference: number | null;
  maxAbsoluteDifference: number | null;
  /** Spearman's rank correlation between the two sets of scores (average ranks for ties). */
  spearman: number | null;
}

/** Ranks 1..n with ties sharing their average rank, highest value first. */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => b.v - a.v);
  const ranks = new Array<number>(values.length);
  let k = 0;
  while (k < order.length) {
    let j = k;
    while (j + 1 < order.length && order[j + 1]?.v === order[k]?.v) j++;
    const avg = (k + j) / 2 + 1;
    for (let m = k; m <= j; m++) ranks[order[m]?.i as number] = avg;
    k = j + 1;
  }
  return ranks;
}

/** Pearson's correlation of two equal-length lists; null when either is constant or has fewer than two. */
function pearson(a: readonly number[], b: readonly number[]): number | null {
  const n = a.length;
  if (n < 2) return null;
  const ma = a.reduce((s, x) => s + x, 0) / n;
  const mb = b.reduce((s, x) => s + x, 0) / n;
  let cov = 0;
  let va = 0;
  let vb = 0;
  for (let i = 0; i < n; i++) {
    const da = (a[i] as number) - ma;
    const db = (b[i] as number) - mb;
    cov += da * db;
    va += da * da;
    vb += db * db;
  }
  return va > 0 && vb > 0 ? cov / Math.sqrt(va * vb) : null;
}

/** Spearman's rank correlation of paired scores. */
export function spearman(a: readonly number[], b: readonly number[]): number | null {
  return pearson(averageRanks(a), averageRanks(b));
}

/** Compares computed and published scores, paired by economy. */
export function reproduction(computed: ReadonlyMap<string, number>, published: ReadonlyMap<string, number>): Reproduction {
  const a: number[] = [];
  const b: number[] = [];
  for (const [iso3, p] of published) {
    const c = computed.get(iso3);
    if (c === undefined) continue;
    a.push(c);
    b.push(p);
  }
  if (a.length === 0) return { compared: 0, meanAbsoluteDifference: null, maxAbsoluteDifference: null, spearman: null };
  const diffs = a.map((x, i) => Math.abs(x - (b[i] as number)));
  return {
    compared: a.length,
    meanAbsoluteDifference: diffs.reduce((s, x) => s + x, 0) / diffs.length,
    maxAbsoluteDifference: Math.max(...diffs),
    spearman: spearman(a, b),
  };
}
