import { z } from 'zod';
import { DISPLAY_NAME_MAX_LENGTH, TOKEN_NAME_MAX_LENGTH } from '../constants/role';
import { EmailSchema, NewPasswordSchema, RoleAssignmentSchema, TokenScopeSchema } from '../domain/role';
import { listOf } from './common';

const DisplayNameSchema = z.string().trim().min(1, 'is required').max(DISPLAY_NAME_MAX_LENGTH);
const RolesSchema = z.array(RoleAssignmentSchema).max(50);

export const UserSchema = z.object({
  id: z.number().int(),
  email: z.string(),
  displayName: z.string(),
  active: z.boolean(),
  demo: z.boolean(),
  roles: z.array(RoleAssignmentSchema),
  createdAt: z.string().describe('ISO 8601'),
  updatedAt: z.string().describe('ISO 8601'),
});
export type User = z.infer<typeof UserSchema>;
export const UserListSchema = listOf(UserSchema);

export const UserParamsSchema = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });

export const CreateUserBodySchema = z.object({
  email: EmailSchema,
  displayName: DisplayNameSchema,
  password: NewPasswordSchema,
  roles: RolesSchema.default([]),
});
export type CreateUserBody = z.input<typeof CreateUserBodySchema>;

export const UpdateUserBodySchema = z
  .object({
    displayName: DisplayNameSchema.optional(),
    active: z.boolean().optional(),
    roles: RolesSchema.optional().describe('Replaces every role assignment of the user'),
  })
  .refine((b) => Object.keys(b).length > 0, {
    message: 'nothing to change',
    params: { code: 'nothing_to_change' },
  });
export type UpdateUserBody = z.input<typeof UpdateUserBodySchema>;

export const ResetPasswordBodySchema = z.object({ password: NewPasswordSchema });

export const ApiTokenSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  prefix: z.string().describe('First characters of the token'),
  scope: TokenScopeSchema,
  createdAt: z.string(),
  createdBy: z
    .object({ id: z.number().int(), displayName: z.string() })
    .nullable()
    .describe('Who created it: the owner, or an administrator for them (null when that account is gone)'),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof ApiTokenSchema>;
export const ApiTokenListSchema = listOf(ApiTokenSchema);

export const CreateTokenBodySchema = z.object({
  name: z.string().trim().min(1, 'is required').max(TOKEN_NAME_MAX_LENGTH),
  scope: TokenScopeSchema,
});
export type CreateTokenBody = z.infer<typeof CreateTokenBodySchema>;
export const CreatedTokenSchema = ApiTokenSchema.extend({
  token: z.string().describe('The secret, shown this once: send it as Authorization: Bearer <token>'),
});
export type CreatedToken = z.infer<typeof CreatedTokenSchema>;
export const TokenParamsSchema = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });
export const UserTokenParamsSchema = z.object({
  id: z.coerce.number().int().min(1).max(2_147_483_647),
  tokenId: z.coerce.number().int().min(1).max(2_147_483_647),
});
