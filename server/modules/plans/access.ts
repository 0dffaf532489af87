import { mayApprovePlan, mayEditPlan } from '../../../shared/constants/plan-access';
import {
  type AccessPolicy,
  forbidden,
  type Principal,
  readsEveryCountry,
  unauthenticated,
} from '../auth/permissions';

/**
 * Who sees which plans of a country: admins and facilitators every plan; users with a role in the
 * country (focal points, validators, viewers) every plan of it, drafts included; anyone else only
 * plans past approval (approved, implementing, closed), and only when data is public (PUBLIC_READ).
 */
export function planVisibility(policy: AccessPolicy, p: Principal | null, iso3: string): 'all' | 'approved' {
  const reach = planReach(policy, p, iso3);
  if (reach !== 'none') return reach;
  if (!p) throw unauthenticated();
  throw forbidden(`country: you may not read the plans of ${iso3}`);
}

/** The same rule without refusing: views over many countries leave out those the caller may not read. */
export function planReach(
  policy: AccessPolicy,
  p: Principal | null,
  iso3: string,
): 'all' | 'approved' | 'none' {
  if (readsEveryCountry(p)) return 'all';
  if (p?.roles.some((r) => r.country === iso3)) return 'all';
  if (policy.publicRead) return 'approved';
  return 'none';
}

// The rules are the shared predicates the client hides its controls by; these add why, as a 401 or a 403.

/** Approving a plan (or withdrawing its approval) is the national validator's act: admins and the country's validators. */
export function assertCanApprovePlan(p: Principal | null, iso3: string): void {
  if (!p) throw unauthenticated();
  if (p.scope !== 'write') throw forbidden('token: this token is read-only');
  if (mayApprovePlan(p, iso3)) return;
  throw forbidden(
    `status: only a validator of ${iso3} or an administrator may approve a plan or withdraw its approval`,
  );
}

/** Editing a plan's objectives, activities, indicators and targets: admins, and the country's focal points. */
export function assertCanEditPlan(p: Principal | null, iso3: string): void {
  if (!p) throw unauthenticated();
  if (p.scope !== 'write') throw forbidden('token: this token is read-only');
  if (mayEditPlan(p, iso3)) return;
  throw forbidden(`country: you may not edit the plan of ${iso3}`);
}
