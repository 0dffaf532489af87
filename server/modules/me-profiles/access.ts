import { type AccessPolicy, forbidden, hasRole, type Principal, unauthenticated } from '../auth/permissions';
import { mayReadCountry, mayReadDrafts, type ReadScope, readScope } from '../visibility/scope';

const holds = (p: Principal, role: 'focal_point' | 'validator', iso3: string) =>
  p.roles.some((r) => r.role === role && r.country === iso3);

const writes = (p: Principal | null): p is Principal => !!p && p.scope === 'write';

/**
 * Saving and submitting a section: the country's focal points (of any sector: the profile describes
 * the national M&E system as a whole) and administrators, with a credential that may write.
 */
export function mayEditProfile(p: Principal | null, iso3: string): boolean {
  return writes(p) && (hasRole(p, 'admin') || holds(p, 'focal_point', iso3));
}

/** Approving and returning a section: the country's validators and administrators. */
export function mayValidateProfile(p: Principal | null, iso3: string): boolean {
  return writes(p) && (hasRole(p, 'admin') || holds(p, 'validator', iso3));
}

function refuse(p: Principal | null, why: string): never {
  if (!p) throw unauthenticated();
  if (p.scope !== 'write') throw forbidden('token: this token is read-only');
  throw forbidden(why);
}

export function assertCanEditProfile(p: Principal | null, iso3: string): void {
  if (!mayEditProfile(p, iso3))
    refuse(p, `country: only ${iso3}'s focal points and administrators may edit its M&E profile`);
}

export function assertCanValidateProfile(p: Principal | null, iso3: string): void {
  if (!mayValidateProfile(p, iso3))
    refuse(p, `country: only ${iso3}'s validators and administrators may approve or return its M&E profile`);
}

/**
 * What the caller may read of a country's profile: its public layers wherever the country is
 * readable (401 for the anonymous when data is not public, as every read), and its drafts only with a
 * role in the country, or as a facilitator or administrator (server/modules/visibility).
 */
export function profileReadScope(policy: AccessPolicy, p: Principal | null, iso3: string): ReadScope {
  const scope = readScope(policy, p);
  if (!mayReadCountry(scope, iso3)) throw forbidden(`country: you may not read the data of ${iso3}`);
  return scope;
}

/** The profile's history holds drafts, their authors and return reasons: not for the public. */
export function assertMayReadProfileHistory(policy: AccessPolicy, p: Principal | null, iso3: string): void {
  if (mayReadDrafts(profileReadScope(policy, p, iso3), iso3)) return;
  if (!p) throw unauthenticated();
  throw forbidden(
    `history: only ${iso3}'s focal points, validators and viewers, facilitators and administrators may see it`,
  );
}
