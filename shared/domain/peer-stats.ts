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
  const scores = levels.map(levelToScore).sort((x, y) => x - y);
  return {
    n: scores.length,
    distribution,
    median: quantile(scores, 0.5),
    q1: quantile(scores, 0.25),
    q3: quantile(scores, 0.75),
  };
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
