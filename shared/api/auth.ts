import { z } from 'zod';
import { PASSWORD_MAX_LENGTH } from '../constants/role';
import { EmailSchema, NewPasswordSchema, RoleAssignmentSchema, TokenScopeSchema } from '../domain/role';
import { CSRF_HEADER } from './headers';
import { LocaleSchema } from './i18n';

export { CSRF_HEADER };

export const SignInBodySchema = z.object({
  email: EmailSchema,
  password: z.string().min(1, 'is required').max(PASSWORD_MAX_LENGTH),
});
export type SignInBody = z.infer<typeof SignInBodySchema>;

export const MeSchema = z.object({
  id: z.number().int(),
  email: z.string(),
  displayName: z.string(),
  demo: z.boolean().describe('A demo account of the embedded database'),
  roles: z.array(RoleAssignmentSchema),
  locale: LocaleSchema.nullable()
    .default(null)
    .describe('Interface language the user picked; null: none yet'),
  emailReminders: z
    .boolean()
    .default(true)
    .describe('Gets the daily e-mail digest of what is due (when the server sends e-mail)'),
  via: z.enum(['session', 'token']),
  scope: TokenScopeSchema.describe('What this credential may do: read, or read and write'),
  csrfToken: z
    .string()
    .nullable()
    .describe(`Send it in the ${CSRF_HEADER} header on writes authenticated by the session cookie`),
  sessionExpiresAt: z
    .string()
    .nullable()
    .default(null)
    .describe(
      'When the session ends at the latest (sign-in + SESSION_MAX_HOURS); null for a token. What the browser keeps for working offline expires with it',
    ),
});
export type Me = z.infer<typeof MeSchema>;

export const SetRemindersBodySchema = z.object({
  enabled: z.boolean().describe('true: get the daily e-mail digest of what is due; false: none'),
});
export type SetRemindersBody = z.infer<typeof SetRemindersBodySchema>;

/** A password link by e-mail, asked for on the sign-in page. */
export const ForgotPasswordBodySchema = z.object({ email: EmailSchema });
export type ForgotPasswordBody = z.infer<typeof ForgotPasswordBodySchema>;

export const ChangePasswordBodySchema = z.object({
  currentPassword: z.string().min(1, 'is required').max(256),
  newPassword: NewPasswordSchema,
});
export type ChangePasswordBody = z.infer<typeof ChangePasswordBodySchema>;

/** A one-time link to set a new password, made by an administrator for one account. */
export const ResetLinkSchema = z.object({
  token: z.string().describe('The one-time secret; it is not shown again'),
  path: z
    .string()
    .describe('The page that sets the new password, with the secret after # (never sent to a server)'),
  expiresAt: z.string(),
});
export type ResetLink = z.infer<typeof ResetLinkSchema>;

export const ResetWithLinkBodySchema = z.object({
  token: z.string().trim().min(20, 'is not a valid link').max(100, 'is not a valid link'),
  newPassword: NewPasswordSchema,
});
export type ResetWithLinkBody = z.infer<typeof ResetWithLinkBodySchema>;
