import type { Db } from './db/client';
import type { AccessPolicy } from './modules/auth/permissions';
import type { ThrottlePolicy } from './modules/auth/throttle';

/**
 * What every service is given by buildApp: the database, the clock (tests pass their own), the access and
 * session policies, the sign-in throttle and the password check. One context for the whole app; it was
 * named AuthContext when only the auth and users services took it.
 */
export interface ServiceContext {
  db: Db;
  now: () => Date;
  policy: AccessPolicy;
  session: { idleMs: number; absoluteMs: number };
  throttle: ThrottlePolicy;
  /** Checks a password against its argon2 hash (tests wrap it to count verifications). */
  verifyPassword: (passwordHash: string, password: string) => Promise<boolean>;
}
