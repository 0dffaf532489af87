import { readFileSync } from 'node:fs';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../../shared';
import { AppError } from '../../lib/errors';

/**
 * The password policy (NIST SP 800-63B §5.1.1.2): a length, and not a value "known to be
 * commonly-used, expected, or compromised". Where the list comes from: COMMON-PASSWORDS.md.
 */

/** Compared case-insensitively, in one Unicode form (a composed é and e + accent are one password). */
const normalize = (s: string) => s.normalize('NFKC').toLowerCase();

let common: Promise<Set<string>> | undefined;
/**
 * The deny-list: ~49,000 passwords of @zxcvbn-ts/language-common and our own additions. Loaded
 * with the first check, not at start-up (decompressing the package's list takes ~150 ms).
 */
function commonPasswords(): Promise<Set<string>> {
  common ??= import('@zxcvbn-ts/language-common').then(({ dictionary }) => {
    const ours = readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8').split('\n');
    return new Set(
      [...dictionary['passwords-common'], ...ours].map((l) => normalize(l.trim())).filter(Boolean),
    );
  });
  return common;
}

/** Made with the first check: creating it (ICU's break rules) took 8–13 ms of every start. */
let segmenter: Intl.Segmenter | undefined;
/** User-perceived characters: an emoji with modifiers or a letter with its accents counts once. */
export const graphemes = (s: string) => {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  return Array.from(segmenter.segment(s), (g) => g.segment);
};

/**
 * The shortest unit the password repeats (`abcabcabcabc` → 3, twelve 🐱 → 1, `abcabcab` → 3), in
 * graphemes; its own length when it repeats nothing. A password is no stronger than its unit, so
 * a unit shorter than the minimum length is refused however often it is repeated.
 */
export function repeatedUnit(password: string): number {
  const g = graphemes(normalize(password));
  for (let unit = 1; unit <= g.length / 2; unit++) {
    let repeats = true;
    for (let i = unit; i < g.length && repeats; i++) repeats = g[i] === g[i - unit];
    if (repeats) return unit;
  }
  return g.length;
}

/** Letters and marks inside whatever digits, punctuation and spaces pad the password's ends. */
const core = (s: string) => s.replace(/^[^\p{L}\p{M}]+|[^\p{L}\p{M}]+$/gu, '');

/** Throws a 400 naming `field` when the password breaks the policy. */
export async function checkPasswordPolicy(password: string, field: string, email?: string): Promise<void> {
  if (password.length < PASSWORD_MIN_LENGTH) {
    throw new AppError(400, `${field}: must be at least ${PASSWORD_MIN_LENGTH} characters`, {
      issue: 'password_too_short',
      issueParams: { min: PASSWORD_MIN_LENGTH },
    });
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    throw new AppError(400, `${field}: must be at most ${PASSWORD_MAX_LENGTH} characters`, {
      issue: 'password_too_long',
      issueParams: { max: PASSWORD_MAX_LENGTH },
    });
  }
  const unit = repeatedUnit(password);
  if (unit < PASSWORD_MIN_LENGTH && unit < graphemes(normalize(password)).length) {
    throw new AppError(400, `${field}: repeats a short sequence of characters; choose another`, {
      issue: 'password_repetitive',
    });
  }
  const list = await commonPasswords();
  const lower = normalize(password);
  if (list.has(lower)) {
    throw new AppError(400, `${field}: is one of the most common passwords; choose another`, {
      issue: 'password_common',
    });
  }
  // Lists hold mostly short passwords; the usual way to reach 12 characters is to pad one of them
  // (`Password2024!`, `!!dragon123456`): those are guessed as early as the word itself.
  const word = core(lower);
  if (word !== lower && graphemes(word).length >= 4 && list.has(word)) {
    throw new AppError(400, `${field}: is a common password with digits or symbols added; choose another`, {
      issue: 'password_common',
    });
  }
  if (email && lower === normalize(email.trim())) {
    throw new AppError(400, `${field}: must not be the email address`, { issue: 'password_is_email' });
  }
}
