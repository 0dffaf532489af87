import { describe, expect, it } from 'vitest';
import { LEVELS, levelToScore, parseLevel, scoreLabel, scoreToLevel } from '../../shared';

describe('A–E levels and scores', () => {
  it('maps every level to its score and back', () => {
    expect(LEVELS.map(levelToScore)).toEqual([1, 2, 3, 4, 5]);
    for (const l of LEVELS) expect(scoreToLevel(levelToScore(l))).toBe(l);
  });

  it('rounds a score between two levels down, and labels it with both', () => {
    expect(scoreToLevel(2.5)).toBe('B');
    expect(scoreToLevel(4.75)).toBe('D');
    expect(scoreLabel(2.5)).toBe('B–C');
    expect(scoreLabel(3)).toBe('C');
    expect(scoreLabel(4.25)).toBe('D–E');
  });

  it('refuses scores outside 1–5', () => {
    expect(() => scoreToLevel(0)).toThrow(RangeError);
    expect(() => scoreToLevel(5.5)).toThrow(/between 1 and 5/);
    expect(() => scoreToLevel(Number.NaN)).toThrow(RangeError);
  });

  it('parses the level of a TrACSS answer', () => {
    expect(parseLevel('D - Joint working on issues including agreement on common objectives.')).toBe('D');
    expect(parseLevel('A')).toBe('A');
    expect(parseLevel(' C – some wording')).toBe('C');
    expect(parseLevel('Don’t know')).toBeNull();
    expect(parseLevel('F - nothing')).toBeNull();
    expect(parseLevel('')).toBeNull();
    expect(parseLevel('Annual report')).toBeNull();
  });
});
