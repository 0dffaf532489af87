import type { Db } from '../../db/client';
import type { AccessPolicy } from './permissions';
import type { ThrottlePolicy } from './throttle';

/** What the auth and users services need, injected by buildApp (tests pass their own clock). */
export interface AuthContext {
  db: Db;
  now: () => Date;
  policy: AccessPolicy;
  session: { idleMs: number; absoluteMs: number };
  throttle: ThrottlePolicy;
  /** Checks a password against its argon2 hash (tests wrap it to count verifications). */
  verifyPassword: (passwordHash: string, password: string) => Promise<boolean>;
}
