/**
 * Roles and the bounds of account fields without zod (the users, sign-in and token pages render with
 * these: the forms' maxLength); shared/domain/role.ts re-exports them next to their schemas, and the
 * schemas bound their fields with them, so a form stops where the API would refuse.
 */

/** Roles, most powerful first. Admins and facilitators span every country; the others are per country. */
export const ROLES = ['admin', 'facilitator', 'validator', 'focal_point', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that span every country (no country of their own). */
export const GLOBAL_ROLES: readonly Role[] = ['admin', 'facilitator'];

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
/** The longest address SMTP carries (RFC 5321: a 256-octet path less its angle brackets). */
export const EMAIL_MAX_LENGTH = 254;
export const DISPLAY_NAME_MAX_LENGTH = 120;
export const TOKEN_NAME_MAX_LENGTH = 100;
