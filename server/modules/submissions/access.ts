import { mayManagePeriods } from '../../../shared/constants/plan-access';
import { forbidden, hasRole, type Principal, unauthenticated } from '../auth/permissions';

function writer(p: Principal | null): Principal {
  if (!p) throw unauthenticated();
  if (p.scope !== 'write') throw forbidden('token: this token is read-only');
  return p;
}

const holds = (p: Principal, role: 'focal_point' | 'validator', iso3: string) =>
  p.roles.some((r) => r.role === role && r.country === iso3);

/** Submitting a country's data for a period: its focal points (any sector) and administrators. */
export function assertCanSubmit(principal: Principal | null, iso3: string): void {
  const p = writer(principal);
  if (hasRole(p, 'admin') || holds(p, 'focal_point', iso3)) return;
  throw forbidden(`country: you may not submit the data of ${iso3}`);
}

/** Approving, returning and reopening: the country's validators and administrators. */
export function assertCanValidate(principal: Principal | null, iso3: string): void {
  const p = writer(principal);
  if (hasRole(p, 'admin') || holds(p, 'validator', iso3)) return;
  throw forbidden(`country: you may not validate the data of ${iso3}`);
}

/** Setting up reporting periods: administrators, the country's focal points and validators (the shared rule). */
export function assertCanManagePeriods(principal: Principal | null, iso3: string): void {
  const p = writer(principal);
  if (mayManagePeriods(p, iso3)) return;
  throw forbidden(`country: you may not set up reporting periods of ${iso3}`);
}
