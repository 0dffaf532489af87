import type { Role } from './role';

/**
 * Who may change a country's plan and its reporting periods, written once for both sides: the server's
 * checks (server/modules/plans/access.ts, submissions/access.ts) refuse what these refuse, and the client
 * hides what the server would refuse. Zod-free (shared/constants) because the plan pages ask while
 * rendering, before any schema loads.
 */

/** What both sides know of the caller: the server's principal and the client's /auth/me answer fit it. */
export interface PlanActor {
  roles: readonly { role: Role; country: string | null }[];
  /** Sessions write; an API token may be read-only, and a read-only token changes nothing. */
  scope: 'read' | 'write';
}

const holds = (a: PlanActor, roles: readonly Role[], iso3: string) =>
  a.roles.some((r) => r.role === 'admin' || (roles.includes(r.role) && r.country === iso3));

/** Editing a plan's objectives, activities, indicators and targets: admins and the country's focal points. */
export function mayEditPlan(a: PlanActor | null | undefined, iso3: string): boolean {
  return a?.scope === 'write' && holds(a, ['focal_point'], iso3);
}

/** Approving a plan or withdrawing its approval, the national validator's act: admins and its validators. */
export function mayApprovePlan(a: PlanActor | null | undefined, iso3: string): boolean {
  return a?.scope === 'write' && holds(a, ['validator'], iso3);
}

/** Setting up a country's reporting periods: admins, and its focal points and validators. */
export function mayManagePeriods(a: PlanActor | null | undefined, iso3: string): boolean {
  return a?.scope === 'write' && holds(a, ['focal_point', 'validator'], iso3);
}
