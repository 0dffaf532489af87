import { describe, expect, it } from 'vitest';
import {
  distributionShares,
  LEVELS,
  type Level,
  levelToScore,
  peerStats,
  quantile,
  standing,
  standingInDistribution,
  statsOfDistribution,
} from '../../shared';

const repeat = (l: Level, n: number): Level[] => Array.from({ length: n }, () => l);

describe('quantile (type 7, linear interpolation)', () => {
  it('matches worked examples', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantile([1, 2, 3, 4], 0.75)).toBe(3.25);
    expect(quantile([7], 0.25)).toBe(7);
    expect(quantile([], 0.5)).toBeNull();
  });
  it('refuses p outside [0, 1]', () => {
    expect(() => quantile([1], 1.5)).toThrow(RangeError);
  });
});

describe('peerStats', () => {
  it('counts levels and computes median and quartiles on scores', () => {
    // 2 A, 7 B, 4 C, 4 D, 3 E: Eastern Mediterranean on TrACSS 4.1 (2019–2020).
    const levels = [
      ...repeat('A', 2),
      ...repeat('B', 7),
      ...repeat('C', 4),
      ...repeat('D', 4),
      ...repeat('E', 3),
    ];
    const s = peerStats(levels);
    expect(s.n).toBe(20);
    expect(s.distribution).toEqual({ A: 2, B: 7, C: 4, D: 4, E: 3 });
    // sorted scores: 1 1 2 2 2 2 2 2 2 3 3 3 3 4 4 4 4 5 5 5; h = 9.5 → (3 + 3) / 2
    expect(s.median).toBe(3);
    expect(s.q1).toBe(2); // h = 4.75 between two 2s
    expect(s.q3).toBe(4); // h = 14.25 between two 4s
  });

  it('interpolates between levels', () => {
    const s = peerStats(['A', 'B', 'D', 'E']);
    expect(s.median).toBe(3); // (2 + 4) / 2
    expect(s.q1).toBe(1.75);
    expect(s.q3).toBe(4.25);
  });

  it('has no median for an empty group', () => {
    const s = peerStats([]);
    expect(s).toEqual({
      n: 0,
      distribution: { A: 0, B: 0, C: 0, D: 0, E: 0 },
      median: null,
      q1: null,
      q3: null,
    });
  });
});

describe('standing', () => {
  it('ranks by peers strictly above, ties sharing a rank', () => {
    expect(standing('C', ['A', 'C', 'D', 'E'])).toEqual({ rank: 3, percentile: 37.5 });
    expect(standing('E', ['E', 'E'])).toEqual({ rank: 1, percentile: 50 });
    expect(standing('A', ['B', 'C'])).toEqual({ rank: 3, percentile: 0 });
  });
  it('has no rank without a level, and no percentile without peers', () => {
    expect(standing(null, ['A'])).toEqual({ rank: null, percentile: null });
    expect(standing('B', [])).toEqual({ rank: 1, percentile: null });
  });
});

/** Deterministic groups of 0–40 levels (a linear congruential generator), with runs and gaps. */
function groups(count: number): Level[][] {
  let seed = 20_261_206;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  return Array.from({ length: count }, () => {
    const allowed = LEVELS.filter(() => next() < 0.7);
    const pool = allowed.length > 0 ? allowed : LEVELS;
    return Array.from(
      { length: Math.floor(next() * 41) },
      () => pool[Math.floor(next() * pool.length)] as Level,
    );
  });
}

describe('statistics from counts (statsOfDistribution, standingInDistribution)', () => {
  it('give the quartiles of the sorted scores and the standing among the listed peers, for 500 groups', () => {
    let checked = 0;
    for (const levels of groups(500)) {
      const scores = levels.map(levelToScore).sort((a, b) => a - b);
      const s = statsOfDistribution(peerStats(levels).distribution);
      // Against quantile() over the listed, sorted scores: not against the counting code itself.
      expect(s.n).toBe(levels.length);
      expect(s.median).toBe(quantile(scores, 0.5));
      expect(s.q1).toBe(quantile(scores, 0.25));
      expect(s.q3).toBe(quantile(scores, 0.75));
      for (const own of [...LEVELS, null]) {
        expect(standingInDistribution(own, s.distribution)).toEqual(standing(own, levels));
      }
      checked += 1;
    }
    expect(checked).toBe(500);
  });

  it('copy the distribution they are given', () => {
    const d = { A: 1, B: 0, C: 2, D: 0, E: 1 };
    const s = statsOfDistribution(d);
    s.distribution.A = 9;
    expect(d.A).toBe(1);
    expect(s).toMatchObject({ n: 4, median: 3, q1: 2.5, q3: 3.5 });
  });
});

describe('distributionShares', () => {
  it('turns counts into shares that add up to 1', () => {
    const s = distributionShares({ A: 1, B: 1, C: 2, D: 0, E: 0 });
    expect(s).toEqual({ A: 0.25, B: 0.25, C: 0.5, D: 0, E: 0 });
  });
  it('gives zeros for an empty distribution', () => {
    expect(distributionShares({ A: 0, B: 0, C: 0, D: 0, E: 0 })).toEqual({ A: 0, B: 0, C: 0, D: 0, E: 0 });
  });
});
