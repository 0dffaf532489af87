import { describe, expect, it } from 'vitest';
import { meanScore } from '../../shared';

describe('meanScore', () => {
  it('averages A = 1 … E = 5 over the given levels, to 2 decimals', () => {
    expect(meanScore(['A', 'E'])).toBe(3);
    expect(meanScore(['B', 'C', 'C'])).toBe(2.67);
    expect(meanScore(['E'])).toBe(5);
  });

  it('is null without levels, never 0', () => {
    expect(meanScore([])).toBeNull();
  });
});
