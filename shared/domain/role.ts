import { z } from 'zod';
import {
  EMAIL_MAX_LENGTH,
  GLOBAL_ROLES,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  ROLES,
  type Role,
} from '../constants/role';
import { Iso3Schema } from './country';
import { SectorSchema } from './indicator';

export * from '../constants/role';

export const RoleSchema = z.enum(ROLES);

export const ROLE_NAMES: Record<Role, string> = {
  admin: 'Administrator',
  facilitator: 'Cluster facilitator',
  validator: 'Validator',
  focal_point: 'Focal point',
  viewer: 'Viewer',
};

export const RoleAssignmentSchema = z
  .object({
    role: RoleSchema,
    country: Iso3Schema.nullable().default(null).describe('ISO3; null for admin and facilitator'),
    sectors: z
      .array(SectorSchema)
      .max(7)
      .default([])
      .describe('Focal points only: One Health sectors they may enter; empty = every sector'),
  })
  .superRefine((a, ctx) => {
    const global = GLOBAL_ROLES.includes(a.role);
    if (global && a.country !== null) {
      ctx.addIssue({
        code: 'custom',
        path: ['country'],
        message: `a ${a.role} spans every country: no country`,
        params: { code: 'absent_when', field: 'role', value: a.role },
      });
    }
    if (!global && a.country === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['country'],
        message: `a ${a.role} needs a country`,
        params: { code: 'needs_country', role: a.role },
      });
    }
    if (a.role !== 'focal_point' && a.sectors.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['sectors'],
        message: 'only focal points are scoped to sectors',
        params: { code: 'only_focal_sectors' },
      });
    }
  });
export type RoleAssignment = z.output<typeof RoleAssignmentSchema>;

export const TOKEN_SCOPES = ['read', 'write'] as const;
export const TokenScopeSchema = z.enum(TOKEN_SCOPES);
export type TokenScope = z.infer<typeof TokenScopeSchema>;

/** Length bounds only: the common-password check needs the server's list. */
export const NewPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`);

export const EmailSchema = z.string().trim().max(EMAIL_MAX_LENGTH).pipe(z.email('must be an email address'));
