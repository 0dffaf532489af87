import { readFileSync } from 'node:fs';
import { hash, verify } from '@node-rs/argon2';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../../shared';
import { AppError } from '../../lib/errors';

// argon2id with the library's defaults (m = 19 MiB, t = 2, p = 1): the OWASP Password Storage
// Cheat Sheet's first recommended configuration.
// (Algorithm.Argon2id is a const enum, unusable under verbatimModuleSyntax: its value is 2.)
const OPTIONS = { algorithm: 2 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/**
 * A hash to verify against when the email is unknown, so that an unknown account costs the same
 * argon2 work as a wrong password (no account enumeration by timing).
 */
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(`dummy-${crypto.randomUUID()}`);
  return dummyHash;
}

const COMMON = new Set(
  readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((l) => l.trim().toLowerCase())
    .filter(Boolean),
);

/**
 * The password policy (NIST SP 800-63B): length, and not a commonly used password. `field` names
 * the field in the error message.
 */
export function checkPasswordPolicy(password: string, field: string, email?: string): void {
  if (password.length < PASSWORD_MIN_LENGTH) {
    throw new AppError(400, `${field}: must be at least ${PASSWORD_MIN_LENGTH} characters`);
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    throw new AppError(400, `${field}: must be at most ${PASSWORD_MAX_LENGTH} characters`);
  }
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || /^(.)\1*$/.test(password)) {
    throw new AppError(400, `${field}: is one of the most common passwords; choose another`);
  }
  if (email && lower === email.trim().toLowerCase()) {
    throw new AppError(400, `${field}: must not be the email address`);
  }
}
