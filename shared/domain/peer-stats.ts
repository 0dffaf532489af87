import { LEVELS, type Level, levelToScore } from '../constants/level';

export type LevelDistribution = Record<Level, number>;

export interface PeerStats {
  /** Group members with a level answer. */
  n: number;
  distribution: LevelDistribution;
  /** Scores (A = 1 … E = 5); null when n = 0. */
  median: number | null;
  q1: number | null;
  q3: number | null;
}

export interface CountryStanding {
  /** 1 + group members with a strictly higher level (ties share a rank); null without a level. */
  rank: number | null;
  /** Share of group members below the country plus half of those at its level, 0–100. */
  percentile: number | null;
}

/**
 * Quantile of sorted numbers by linear interpolation between closest ranks
 * (Hyndman & Fan type 7: Excel QUARTILE.INC, NumPy and R defaults).
 */
export function quantile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  if (p < 0 || p > 1) throw new RangeError(`p must be in [0, 1], got ${p}`);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (h - lo) * (b - a);
}

export function emptyDistribution(): LevelDistribution {
  return { A: 0, B: 0, C: 0, D: 0, E: 0 };
}

export function peerStats(levels: readonly Level[]): PeerStats {
  const distribution = emptyDistribution();
  for (const l of levels) distribution[l] += 1;
  return statsOfDistribution(distribution);
}

/**
 * peerStats of the levels a distribution counts, without listing or sorting them: the sorted scores are
 * the counts laid end to end (all the A's, then the B's …), so the score at a rank is read from the
 * counts. The same numbers as peerStats over the listed levels (tests/shared/peer-stats.test.ts); a
 * comparison reads its groups' statistics as counts, and a heatmap of all countries computes 44 of them.
 */
export function statsOfDistribution(distribution: Readonly<LevelDistribution>): PeerStats {
  const n = distribution.A + distribution.B + distribution.C + distribution.D + distribution.E;
  return {
    n,
    distribution: { ...distribution },
    median: quantileOfCounts(distribution, n, 0.5),
    q1: quantileOfCounts(distribution, n, 0.25),
    q3: quantileOfCounts(distribution, n, 0.75),
  };
}

/** quantile(sorted scores, p) where the sorted scores are the distribution's counts laid end to end. */
function quantileOfCounts(d: Readonly<LevelDistribution>, n: number, p: number): number | null {
  if (n === 0) return null;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const a = scoreAtRank(d, lo);
  const b = scoreAtRank(d, Math.ceil(h));
  return a + (h - lo) * (b - a);
}

/** The score at 0-based rank i of the sorted scores a distribution counts (i < n). */
function scoreAtRank(d: Readonly<LevelDistribution>, i: number): number {
  let left = i;
  for (let s = 0; s < LEVELS.length; s++) {
    left -= d[LEVELS[s] as Level];
    if (left < 0) return s + 1;
  }
  return LEVELS.length;
}

/**
 * Where a country's level stands in a group's levels. The group may or may not
 * include the country itself; callers pass the group's levels without the country
 * so that the country is compared with its peers only.
 */
export function standing(level: Level | null, peers: readonly Level[]): CountryStanding {
  if (level === null) return { rank: null, percentile: null };
  const s = levelToScore(level);
  let higher = 0;
  let lower = 0;
  let equal = 0;
  for (const p of peers) {
    const ps = levelToScore(p);
    if (ps > s) higher += 1;
    else if (ps < s) lower += 1;
    else equal += 1;
  }
  const n = peers.length;
  return {
    rank: higher + 1,
    percentile: n === 0 ? null : Math.round(((lower + equal / 2) / n) * 1000) / 10,
  };
}

/** standing(level, peers) for peers given as their distribution: the same rank and percentile. */
export function standingInDistribution(
  level: Level | null,
  peers: Readonly<LevelDistribution>,
): CountryStanding {
  if (level === null) return { rank: null, percentile: null };
  const s = levelToScore(level);
  let higher = 0;
  let lower = 0;
  for (let i = 0; i < LEVELS.length; i++) {
    const count = peers[LEVELS[i] as Level];
    if (i + 1 > s) higher += count;
    else if (i + 1 < s) lower += count;
  }
  const equal = peers[level];
  const n = higher + lower + equal;
  return {
    rank: higher + 1,
    percentile: n === 0 ? null : Math.round(((lower + equal / 2) / n) * 1000) / 10,
  };
}

/** Shares of each level in a distribution, 0–1, for stacked charts. */
export function distributionShares(d: LevelDistribution): LevelDistribution {
  const total = LEVELS.reduce((acc, l) => acc + d[l], 0);
  const out = emptyDistribution();
  if (total === 0) return out;
  for (const l of LEVELS) out[l] = d[l] / total;
  return out;
}

/** Mean score (A = 1 … E = 5) of the given levels, rounded to 2 decimals; null for none. */
export function meanScore(levels: readonly Level[]): number | null {
  if (levels.length === 0) return null;
  const sum = levels.reduce((acc, l) => acc + levelToScore(l), 0);
  return Math.round((sum / levels.length) * 100) / 100;
}
