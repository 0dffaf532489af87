import { z } from 'zod';

/**
 * The numbers of this domain (indicator values, baselines, targets): counts, rates and percentages
 * entered by people. Beyond ±1e15 nothing is meaningful, and a non-zero magnitude below 1e-9 is
 * noise that only breaks arithmetic (1e-320 is a subnormal double: dividing by it overflows to
 * Infinity, and the progress toward such a target cannot be shown).
 */
export const MAX_MAGNITUDE = 1e15;
export const MIN_NONZERO_MAGNITUDE = 1e-9;

/** A finite number in [min, max] (default ±1e15) that is 0 or at least 1e-9 in absolute value. */
export function domainNumber(range: { min?: number; max?: number } = {}) {
  return z
    .number()
    .finite()
    .min(range.min ?? -MAX_MAGNITUDE)
    .max(range.max ?? MAX_MAGNITUDE)
    .refine((x) => x === 0 || Math.abs(x) >= MIN_NONZERO_MAGNITUDE, {
      message: `must be 0 or at least ${MIN_NONZERO_MAGNITUDE} in absolute value`,
    });
}

// Numbers as typed in an interface language (zod-free, for the client's first page too).
export {
  asciiDigits,
  DECIMAL_SEPARATOR,
  formatInputNumber,
  type NumberProblem,
  type ParsedNumber,
  parseLocaleNumber,
} from '../i18n/number';
