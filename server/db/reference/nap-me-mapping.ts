import type { MeasureType } from '../../../shared';

/*
 * How a published M&E plan's own words map onto NAP Tracker's model. Only unambiguous wordings map;
 * everything else keeps the plan's text and takes the neutral choice (a text milestone, no result
 * level), so that nothing is read into the plan that it does not say.
 */

const squash = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * "Value (calculation)" → measure type: Percentage → percentage; Yes/No → yes_no; Number ("No. of …",
 * "Number of …") → number; anything else (Quantitative, Qualitative, One, a date …) → text.
 */
export function measureTypeOf(calculation: string | null): MeasureType {
  const c = squash(calculation ?? '');
  if (/^percentages?\b/.test(c)) return 'percentage';
  if (/^(qualitative )?(yes|y) ?[/\\] ?(no|n)$/.test(c)) return 'yes_no';
  if (/^(number|no\.?)( of .+)?$/.test(c)) return 'number';
  return 'text';
}

const RESULT_LEVELS = new Map([
  ['input', 'input'],
  ['inputs', 'input'],
  ['process', 'process'],
  ['output', 'output'],
  ['outputs', 'output'],
  ['outcome', 'outcome'],
  ['outcomes', 'outcome'],
] as const);

/** "Type and purpose" → result level when it is one of input / process / output / outcome, else null. */
export function resultLevelOf(type: string | null): 'input' | 'process' | 'output' | 'outcome' | null {
  return RESULT_LEVELS.get(squash(type ?? '') as never) ?? null;
}

/** Text compared for equality: case, spacing, quotes and dashes aside. */
export function normalizedText(s: string): string {
  return squash(s)
    .replace(/[‘’`]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[‐-―]/g, '-')
    .replace(/[.;:,]+$/, '');
}

const words = (s: string) =>
  new Set(
    normalizedText(s)
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .split(' ')
      .filter((w) => w.length > 2),
  );

/** How alike two wordings of the same thing are: the Dice coefficient of their words (0–1). */
export function wordingSimilarity(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  if (x.size === 0 || y.size === 0) return 0;
  let both = 0;
  for (const w of x) if (y.has(w)) both += 1;
  return (2 * both) / (x.size + y.size);
}

/**
 * The candidate a wording names, when one stands out: the most similar, at least `min` alike and
 * clearly ahead of the next (the plan words the same element slightly differently from page to page).
 */
export function closestWording<T>(
  text: string,
  candidates: readonly T[],
  wordingOf: (c: T) => string,
  min = 0.6,
) {
  const scored = candidates
    .map((c) => ({ c, score: wordingSimilarity(text, wordingOf(c)) }))
    .sort((a, b) => b.score - a.score);
  const [best, next] = scored;
  if (!best || best.score < min || (next && best.score - next.score < 0.15)) return null;
  return best;
}
