/**
 * Levels without zod (components and charts use these on the first page);
 * shared/domain/level.ts re-exports them next to their schemas.
 */

/** TrACSS ordinal capacity levels: A (none) … E (sustained). */
export const LEVELS = ['A', 'B', 'C', 'D', 'E'] as const;
export type Level = (typeof LEVELS)[number];

/** A → 1 … E → 5. Scores make levels comparable with medians and quartiles. */
export function levelToScore(level: Level): number {
  return LEVELS.indexOf(level) + 1;
}

/**
 * Score → level. Integral scores 1–5 map to A–E; a fractional score (a median
 * between two levels) rounds down, so a group is never shown above what half
 * of it has reached.
 */
export function scoreToLevel(score: number): Level {
  if (!Number.isFinite(score) || score < 1 || score > 5) {
    throw new RangeError(`score must be between 1 and 5, got ${score}`);
  }
  return LEVELS[Math.floor(score) - 1] as Level;
}

/** Label of a score that may lie between two levels, e.g. 3.5 → "C–D". */
export function scoreLabel(score: number): string {
  const low = scoreToLevel(score);
  if (Number.isInteger(score)) return low;
  return `${low}–${scoreToLevel(Math.ceil(score))}`;
}

/** Parses a level from a TrACSS answer such as "D - Joint working on …". */
export function parseLevel(answer: string): Level | null {
  const m = /^\s*([A-E])(\s*[-–—:.)]|\s*$)/.exec(answer);
  return m ? (m[1] as Level) : null;
}
