import { describe, expect, it } from 'vitest';
import { copyLine, generateFramework, generateValues, mulberry32 } from '../bench/generator';

const COUNTRIES = ['JOR', 'SYR', 'EGY'];

describe('bench data generator (tests/bench)', () => {
  it('gives the same values for the same seed and different ones for another seed', () => {
    const fw = generateFramework({ indicators: 12, levelIndicators: 3, periods: 4 });
    const a = [...generateValues(fw, COUNTRIES, 42)];
    const b = [...generateValues(fw, COUNTRIES, 42)];
    const c = [...generateValues(fw, COUNTRIES, 43)];
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(mulberry32(7)()).toBe(mulberry32(7)());
  });

  it('has the national shape: 150 indicators (20 A–E levels, mixed types), 10 yearly periods', () => {
    const fw = generateFramework();
    // A synthetic published round: comparisons read published data only.
    expect(fw.kind).toBe('tracss');
    expect(fw.indicators).toHaveLength(150);
    expect(fw.indicators.filter((i) => i.measureType === 'level')).toHaveLength(20);
    expect(new Set(fw.indicators.map((i) => i.measureType))).toEqual(
      new Set(['level', 'number', 'percentage', 'ratio', 'yes_no', 'text']),
    );
    expect(new Set(fw.indicators.map((i) => i.code)).size).toBe(150);
    expect(fw.periods.map((p) => p.code)).toEqual(Array.from({ length: 10 }, (_, i) => String(2015 + i)));
  });

  it('gives one value per country × indicator × period, with columns that fit the measure type', () => {
    const fw = generateFramework({ indicators: 30, levelIndicators: 5, periods: 3 });
    const values = [...generateValues(fw, COUNTRIES, 1)];
    expect(values).toHaveLength(3 * 30 * 3);
    expect(new Set(values.map((v) => `${v.country}|${v.indicator}|${v.period}`)).size).toBe(values.length);
    for (const v of values) {
      const type = fw.indicators[v.indicator]?.measureType;
      if (v.status !== 'reported') {
        expect([v.level, v.numericValue, v.textValue]).toEqual([null, null, null]);
      } else if (type === 'level') {
        expect(v.level).toMatch(/^[A-E]$/);
      } else if (type === 'ratio') {
        expect(v.denominator).toBeGreaterThan(0);
        expect(v.numericValue).toBeCloseTo((v.numerator ?? 0) / (v.denominator ?? 1));
      } else if (type === 'percentage') {
        expect(v.numericValue).toBeGreaterThanOrEqual(0);
        expect(v.numericValue).toBeLessThanOrEqual(100);
      } else {
        expect(v.level).toBeNull();
      }
    }
    const first = values[0];
    if (!first) throw new Error('no values');
    expect(copyLine(first, 11, 22).split('\t')).toHaveLength(9);
  });
});
