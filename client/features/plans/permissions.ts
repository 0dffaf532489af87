import type { Me, PlanStatus } from '../../../shared';
import { changesApproval } from '../../../shared/constants/plan';

/** Mirrors the server's rules, only to hide controls it would refuse (the server decides). */
export const canEditPlan = (me: Me | null | undefined, iso3: string) =>
  !!me?.roles.some((r) => r.role === 'admin' || (r.role === 'focal_point' && r.country === iso3));

export const canManagePeriods = (me: Me | null | undefined, iso3: string) =>
  !!me?.roles.some(
    (r) => r.role === 'admin' || ((r.role === 'focal_point' || r.role === 'validator') && r.country === iso3),
  );

/** The statuses the plan form offers: all to those who may approve, else those that are no approval act. */
export function planStatusAllowed(from: PlanStatus | null, to: PlanStatus, mayApprove: boolean): boolean {
  return mayApprove || !changesApproval(from, to);
}
