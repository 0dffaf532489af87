import type { Me } from '../../../shared';

/** Mirrors the server's rules, only to hide controls it would refuse (the server decides). */
export const canEditPlan = (me: Me | null | undefined, iso3: string) =>
  !!me?.roles.some((r) => r.role === 'admin' || (r.role === 'focal_point' && r.country === iso3));

export const canManagePeriods = (me: Me | null | undefined, iso3: string) =>
  !!me?.roles.some(
    (r) => r.role === 'admin' || ((r.role === 'focal_point' || r.role === 'validator') && r.country === iso3),
  );
