/**
 * Okabe–Ito palette: distinguishable with the common colour-vision deficiencies.
 * https://jfly.uni-koeln.de/color/
 */
export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

/** Hex colour with an alpha channel, e.g. withAlpha('#56B4E9', 0.35). */
export function withAlpha(hex: string, alpha: number): string {
  const a = Math.round(Math.min(1, Math.max(0, alpha)) * 255)
    .toString(16)
    .padStart(2, '0');
  return `${hex}${a}`;
}

/**
 * Fill and text colour of each TrACSS level: one hue from light (A) to dark (E), the same as
 * the level badges (styles.css). Ordered by lightness, so the order survives every common
 * colour-vision deficiency and greyscale printing; charts also print the letter.
 */
export const LEVEL_COLOURS = {
  A: { fill: '#f4f1e4', ink: '#3d3a2c' },
  B: { fill: '#d6ebf7', ink: '#0b3d5c' },
  C: { fill: '#8cc8eb', ink: '#072a40' },
  D: { fill: '#2f8fcc', ink: '#ffffff' },
  E: { fill: '#0b3d5c', ink: '#ffffff' },
} as const;

/** Map fills for countries without a level: a member that did not answer, and a non-member. */
export const NO_ANSWER_FILL = '#9aa5b1';
export const OUTSIDE_GROUP_FILL = '#eceff2';
