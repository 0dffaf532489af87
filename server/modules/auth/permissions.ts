import type { Role, RoleAssignment, Sector, TokenScope } from '../../../shared';
import { AppError } from '../../lib/errors';

/** Who is asking: a signed-in user (through a session cookie or an API token). Anonymous = null. */
export interface Principal {
  userId: number;
  email: string;
  displayName: string;
  demo: boolean;
  /** Interface language the user picked. */
  locale?: string | null;
  /** Gets the daily e-mail digest (default true). */
  emailReminders?: boolean;
  roles: RoleAssignment[];
  via: 'session' | 'token';
  /** The API token's name, for a request authenticated by one (the audit records it as the channel). */
  tokenName?: string | null;
  /** Sessions may write; tokens carry their own scope. */
  scope: TokenScope;
  csrfToken: string | null;
  sessionHash: string | null;
  /** A session's absolute end (sign-in + SESSION_MAX_HOURS); null for a token. */
  sessionExpiresAt?: Date | null;
}

/** Deployment-wide rules that permissions depend on. */
export interface AccessPolicy {
  /** Anonymous visitors may read approved data (config PUBLIC_READ). */
  publicRead: boolean;
  /**
   * Four eyes (config APPROVAL_FOUR_EYES, default on): who submitted a period, or last changed one of
   * its values, may not approve it. Off allows a single-person workflow for small teams; the audit
   * of each approval records the setting and whether the approver approved their own data.
   */
  fourEyes?: boolean;
}

/**
 * What a route needs, checked before the handler (plugins/auth.ts). Services then check the
 * resource itself (which country, which sector) with the helpers below.
 * - public: anyone, always (health, sign-in)
 * - read: anyone when data is public, else a signed-in user
 * - read-all: anyone when data is public, else a role that reads every country (comparisons)
 * - user: any signed-in user (session or token)
 * - session: a signed-in user through the session cookie (tokens cannot manage credentials)
 * - write: a signed-in user whose credential may write
 * - admin: an administrator
 * - admin-session: an administrator through the session cookie (managing other users' credentials)
 */
export type Access =
  | 'public'
  | 'read'
  | 'read-all'
  | 'user'
  | 'session'
  | 'write'
  | 'admin'
  | 'admin-session';

/**
 * Four eyes on an approval: `self` says how the approver had a hand in what they approve (false: no
 * hand), refused unless the deployment allows single-person approval.
 */
export function assertFourEyes(policy: AccessPolicy, self: string | false): void {
  if (self && policy.fourEyes !== false)
    throw new AppError(
      403,
      `approve: you ${self}; another validator must approve it (four eyes). ` +
        'A deployment may allow single-person approval (APPROVAL_FOUR_EYES=false).',
    );
}

export const unauthenticated = () => new AppError(401, 'authentication: sign in, or send a valid API token');
export const forbidden = (why: string) => new AppError(403, why);

export function hasRole(p: Principal | null, role: Role): boolean {
  return !!p?.roles.some((r) => r.role === role);
}

export function readsEveryCountry(p: Principal | null): boolean {
  return hasRole(p, 'admin') || hasRole(p, 'facilitator');
}

export function requireAdmin(p: Principal | null): Principal {
  if (!p) throw unauthenticated();
  if (!hasRole(p, 'admin')) throw forbidden('role: administrators only');
  return p;
}

/** Countries whose values the principal may read: 'all', or a list (possibly empty). */
export function readableCountries(policy: AccessPolicy, p: Principal | null): 'all' | string[] {
  if (policy.publicRead || readsEveryCountry(p)) return 'all';
  if (!p) throw unauthenticated();
  return [...new Set(p.roles.flatMap((r) => (r.country ? [r.country] : [])))];
}

export function assertCanReadCountry(policy: AccessPolicy, p: Principal | null, iso3: string): void {
  const readable = readableCountries(policy, p);
  if (readable !== 'all' && !readable.includes(iso3)) {
    throw forbidden(`country: you may not read the data of ${iso3}`);
  }
}

/**
 * Entering a value: administrators anywhere; focal points of that country, and of one of the
 * indicator's sectors when their assignment is limited to sectors.
 */
export function assertCanWriteValue(p: Principal | null, iso3: string, indicatorSectors: readonly Sector[]) {
  if (!p) throw unauthenticated();
  if (p.scope !== 'write') throw forbidden('token: this token is read-only');
  if (hasRole(p, 'admin')) return;
  const focal = p.roles.filter((r) => r.role === 'focal_point' && r.country === iso3);
  if (focal.length === 0) throw forbidden(`country: you may not enter data for ${iso3}`);
  const sectorOk = focal.some(
    (r) => r.sectors.length === 0 || r.sectors.some((s) => indicatorSectors.includes(s)),
  );
  if (!sectorOk) throw forbidden(`sector: this indicator is outside your One Health sectors in ${iso3}`);
}
