/**
 * Roles and password bounds without zod (the users page renders with these);
 * shared/domain/role.ts re-exports them next to their schemas.
 */

/** Roles, most powerful first. Admins and facilitators span every country; the others are per country. */
export const ROLES = ['admin', 'facilitator', 'validator', 'focal_point', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that span every country (no country of their own). */
export const GLOBAL_ROLES: readonly Role[] = ['admin', 'facilitator'];

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
