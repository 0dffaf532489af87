import { describe, expect, it } from 'vitest';
import {
  domainNumber,
  elapsedShare,
  expectedOnPath,
  type ProgressInput,
  percentOfTarget,
  progressStatus,
  targetFor,
} from '../../shared';

const inc = (
  baseline: number | null,
  target: number,
  current: number | null,
  year = 2022,
): ProgressInput => ({
  direction: 'increase',
  baseline: baseline === null ? null : { value: baseline, year: 2018 },
  target: { value: target, year: 2022 },
  current: current === null ? null : { value: current, year },
});

describe('% of target achieved', () => {
  it('measures the share of the planned change for an increasing target', () => {
    expect(percentOfTarget(inc(20, 60, 40))).toBe(50);
    expect(percentOfTarget(inc(20, 60, 60))).toBe(100);
    expect(percentOfTarget(inc(20, 60, 70))).toBe(125); // beyond the target
    expect(percentOfTarget(inc(20, 60, 10))).toBe(-25); // moved away from it
  });

  it('handles decreasing targets the same way (lower is better)', () => {
    const dec = (current: number): ProgressInput => ({
      direction: 'decrease',
      baseline: { value: 40, year: 2018 },
      target: { value: 20, year: 2022 },
      current: { value: current, year: 2021 },
    });
    expect(percentOfTarget(dec(30))).toBe(50);
    expect(percentOfTarget(dec(20))).toBe(100);
    expect(percentOfTarget(dec(45))).toBe(-25);
  });

  it('without a baseline, is the ratio to the target', () => {
    expect(percentOfTarget(inc(null, 80, 60))).toBe(75);
    expect(percentOfTarget(inc(null, 80, 90))).toBe(100);
    const dec: ProgressInput = {
      direction: 'decrease',
      baseline: null,
      target: { value: 20, year: 2022 },
      current: { value: 25, year: 2022 },
    };
    expect(percentOfTarget(dec)).toBe(80);
    expect(percentOfTarget({ ...dec, current: { value: 15, year: 2022 } })).toBe(100);
  });

  it('with the target equal to the baseline, is 100 when held and the ratio otherwise', () => {
    expect(percentOfTarget(inc(50, 50, 55))).toBe(100);
    expect(percentOfTarget(inc(50, 50, 40))).toBe(80);
    expect(percentOfTarget(inc(0, 0, -1))).toBeNull(); // no ratio to a zero target
  });

  it('for a maintain target, is the ratio to the level to hold', () => {
    const m: ProgressInput = {
      direction: 'maintain',
      baseline: { value: 100, year: 2018 },
      target: { value: 100, year: 2022 },
      current: { value: 96, year: 2020 },
    };
    expect(percentOfTarget(m)).toBe(96);
  });

  it('scores level indicators A = 1 … E = 5', () => {
    const lv: ProgressInput = {
      direction: 'increase',
      baseline: { value: 'B', year: 2018 },
      target: { value: 'D', year: 2022 },
      current: { value: 'C', year: 2020 },
    };
    expect(percentOfTarget(lv)).toBe(50);
    expect(progressStatus(lv)).toBe('on_track');
    expect(progressStatus({ ...lv, current: { value: 'E', year: 2020 } })).toBe('achieved');
    expect(progressStatus({ ...lv, current: { value: 'B', year: 2022 } })).toBe('off_track');
  });

  it('is null without data', () => {
    expect(percentOfTarget(inc(20, 60, null))).toBeNull();
  });
});

describe('status against the straight path from baseline to target', () => {
  // Baseline 20 (2018) → target 60 (2022): the path expects 40 in 2020, +10 a year.
  it('is achieved when the target is met, whatever the year', () => {
    expect(progressStatus(inc(20, 60, 60, 2019))).toBe('achieved');
    expect(progressStatus(inc(20, 60, 61, 2022))).toBe('achieved');
  });

  it('is on track at or above the path', () => {
    expect(progressStatus(inc(20, 60, 40, 2020))).toBe('on_track');
    expect(progressStatus(inc(20, 60, 45, 2020))).toBe('on_track');
  });

  it('is at risk within 10 % of the planned change below the path, off track beyond', () => {
    // 10 % of the change (40) = 4: 36 is at risk in 2020, 35.9 off track.
    expect(progressStatus(inc(20, 60, 36, 2020))).toBe('at_risk');
    expect(progressStatus(inc(20, 60, 35.9, 2020))).toBe('off_track');
    expect(progressStatus(inc(20, 60, 56, 2022))).toBe('at_risk');
    expect(progressStatus(inc(20, 60, 50, 2022))).toBe('off_track');
  });

  it('works for decreasing targets', () => {
    const dec = (value: number, year: number): ProgressInput => ({
      direction: 'decrease',
      baseline: { value: 40, year: 2018 },
      target: { value: 20, year: 2022 },
      current: { value, year },
    });
    expect(progressStatus(dec(30, 2020))).toBe('on_track');
    expect(progressStatus(dec(32, 2020))).toBe('at_risk');
    expect(progressStatus(dec(33, 2020))).toBe('off_track');
    expect(progressStatus(dec(19, 2019))).toBe('achieved');
  });

  it('measures against the target itself without a baseline, or when the target equals the baseline', () => {
    expect(progressStatus(inc(null, 80, 75))).toBe('at_risk'); // within 10 % of 80
    expect(progressStatus(inc(null, 80, 70))).toBe('off_track');
    expect(progressStatus(inc(50, 50, 46))).toBe('at_risk');
    expect(progressStatus(inc(50, 50, 44))).toBe('off_track');
    expect(progressStatus(inc(50, 50, 50))).toBe('achieved');
  });

  it('holds a maintain target within 5 %, at risk within 10 %, off track beyond', () => {
    const m = (value: number): ProgressInput => ({
      direction: 'maintain',
      baseline: { value: 100, year: 2018 },
      target: { value: 100, year: 2022 },
      current: { value, year: 2020 },
    });
    expect(progressStatus(m(96))).toBe('achieved');
    expect(progressStatus(m(104))).toBe('achieved');
    expect(progressStatus(m(92))).toBe('at_risk');
    expect(progressStatus(m(85))).toBe('off_track');
  });

  it('is no data without a value', () => {
    expect(progressStatus(inc(20, 60, null))).toBe('no_data');
    expect(progressStatus(inc(null, 60, null))).toBe('no_data');
  });

  it('clamps the path to the baseline and target years', () => {
    expect(elapsedShare(2018, 2022, 2016)).toBe(0);
    expect(elapsedShare(2018, 2022, 2030)).toBe(1);
    expect(elapsedShare(2022, 2022, 2020)).toBe(1); // no time to get there: the target itself
    expect(expectedOnPath({ value: 20, year: 2018 }, { value: 60, year: 2022 }, 2021)).toBe(50);
    // A value before the baseline year is judged against the baseline: not below it is on track.
    expect(progressStatus(inc(20, 60, 20, 2017))).toBe('on_track');
  });
});

describe('the target in force', () => {
  const targets = [{ year: 2022 }, { year: 2020 }, { year: 2025 }];
  it('is the first target at or after the year, else the last', () => {
    expect(targetFor(targets, 2019)?.year).toBe(2020);
    expect(targetFor(targets, 2020)?.year).toBe(2020);
    expect(targetFor(targets, 2021)?.year).toBe(2022);
    expect(targetFor(targets, 2030)?.year).toBe(2025);
    expect(targetFor([], 2020)).toBeNull();
  });
});

describe('figures that would not be finite', () => {
  it('answer null, never Infinity or NaN (a subnormal planned change, or a figure near the double limit)', () => {
    expect(percentOfTarget(inc(0, 1e-320, 5))).toBeNull();
    expect(percentOfTarget(inc(null, 1e-320, -5))).toBeNull();
    expect(percentOfTarget(inc(-1.7e308, 1.7e308, 1e308))).toBeNull();
    expect(progressStatus(inc(0, 1e-320, -5))).toBe('off_track');
  });

  it('accepts domain numbers only: finite, within ±1e15, 0 or at least 1e-9', () => {
    const n = domainNumber();
    for (const ok of [0, -0, 1e-9, -2.5, 1e15]) expect(n.safeParse(ok).success).toBe(true);
    for (const bad of [1e-320, 5e-324, 1e-10, 1e16, Number.NaN, Number.POSITIVE_INFINITY, '1']) {
      expect(n.safeParse(bad).success).toBe(false);
    }
  });
});
