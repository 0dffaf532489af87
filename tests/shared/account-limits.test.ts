import { describe, expect, it } from 'vitest';
import { SignInBodySchema } from '../../shared/api/auth';
import { CreateTokenBodySchema, CreateUserBodySchema } from '../../shared/api/users';
import {
  DISPLAY_NAME_MAX_LENGTH,
  EMAIL_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  TOKEN_NAME_MAX_LENGTH,
} from '../../shared/constants/role';
import { EmailSchema } from '../../shared/domain/role';

/** An address of exactly n characters. */
const emailOfLength = (n: number) => `${'a'.repeat(n - '@example.org'.length)}@example.org`;

const tooBig = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; code: string }[] } }) =>
  r.error?.issues.filter((i) => i.code === 'too_big').map((i) => i.path.join('.'));

// The sign-in, users and token forms give these constants as maxLength: the schemas must stop exactly there.
describe('account field limits', () => {
  it('email: takes EMAIL_MAX_LENGTH characters, refuses one more', () => {
    expect(emailOfLength(EMAIL_MAX_LENGTH)).toHaveLength(EMAIL_MAX_LENGTH);
    expect(EmailSchema.safeParse(emailOfLength(EMAIL_MAX_LENGTH)).success).toBe(true);
    expect(tooBig(EmailSchema.safeParse(emailOfLength(EMAIL_MAX_LENGTH + 1)))).toEqual(['']);
  });

  it('sign-in password: takes PASSWORD_MAX_LENGTH characters, refuses one more', () => {
    const body = (n: number) => ({ email: 'a@example.org', password: 'p'.repeat(n) });
    expect(SignInBodySchema.safeParse(body(PASSWORD_MAX_LENGTH)).success).toBe(true);
    expect(tooBig(SignInBodySchema.safeParse(body(PASSWORD_MAX_LENGTH + 1)))).toEqual(['password']);
  });

  it('display name: takes DISPLAY_NAME_MAX_LENGTH characters, refuses one more', () => {
    const body = (n: number) => ({
      email: 'a@example.org',
      displayName: 'n'.repeat(n),
      password: 'a long enough password',
      roles: [],
    });
    expect(CreateUserBodySchema.safeParse(body(DISPLAY_NAME_MAX_LENGTH)).success).toBe(true);
    expect(tooBig(CreateUserBodySchema.safeParse(body(DISPLAY_NAME_MAX_LENGTH + 1)))).toEqual([
      'displayName',
    ]);
  });

  it('token name: takes TOKEN_NAME_MAX_LENGTH characters, refuses one more', () => {
    const body = (n: number) => ({ name: 't'.repeat(n), scope: 'read' });
    expect(CreateTokenBodySchema.safeParse(body(TOKEN_NAME_MAX_LENGTH)).success).toBe(true);
    expect(tooBig(CreateTokenBodySchema.safeParse(body(TOKEN_NAME_MAX_LENGTH + 1)))).toEqual(['name']);
  });
});
