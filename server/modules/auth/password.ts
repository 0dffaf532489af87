import { hash, verify } from '@node-rs/argon2';

/**
 * The argon2id cost of every new hash (passwords and the anti-enumeration dummy alike): 64 MiB,
 * 3 passes, 1 lane — above the OWASP Password Storage Cheat Sheet's minimum (19 MiB, t = 2, p = 1)
 * and the memory and passes of RFC 9106's second recommended option. Measured on the 2-core
 * reference machine: ~48 ms per hash or verify (the library's defaults took ~7 ms).
 * Older hashes keep verifying (argon2 stores its parameters in the hash) and are upgraded at the
 * next successful sign-in (`needsRehash`).
 * (Algorithm.Argon2id is a const enum, unusable under verbatimModuleSyntax: its value is 2.)
 */
export const ARGON2_OPTIONS = {
  algorithm: 2,
  memoryCost: 64 * 1024, // KiB
  timeCost: 3,
  parallelism: 1,
} as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Whether a stored hash was made with other parameters than ARGON2_OPTIONS (or another algorithm). */
export function needsRehash(passwordHash: string): boolean {
  const m = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(passwordHash);
  return (
    !m ||
    Number(m[1]) !== ARGON2_OPTIONS.memoryCost ||
    Number(m[2]) !== ARGON2_OPTIONS.timeCost ||
    Number(m[3]) !== ARGON2_OPTIONS.parallelism
  );
}

let dummyHash: Promise<string> | undefined;
/**
 * A hash to verify against when the email is unknown, so that an unknown account costs the same
 * argon2 work as a wrong password (no account enumeration by timing). Made with ARGON2_OPTIONS
 * through hashPassword, so it always costs what a real account's hash costs; computed once per
 * process (the auth routes start it when the app is ready, so that the first unknown email is not slower
 * than the next).
 */
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(`dummy-${crypto.randomUUID()}`).catch((err: unknown) => {
    // A failed hash is not kept: the next sign-in tries again.
    dummyHash = undefined;
    throw err;
  });
  return dummyHash;
}
