import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy, repeatedUnit } from '../../server/modules/auth/password-policy';

const refusal = async (password: string, email?: string) => {
  try {
    await checkPasswordPolicy(password, 'newPassword', email);
    return null;
  } catch (err) {
    return (err as Error & { statusCode: number }).statusCode === 400 ? (err as Error).message : err;
  }
};

const REPEATS = 'newPassword: repeats a short sequence of characters; choose another';
const COMMON = 'newPassword: is one of the most common passwords; choose another';
const PADDED = 'newPassword: is a common password with digits or symbols added; choose another';

describe('repeated patterns, counted in graphemes', () => {
  it('finds the shortest repeated unit', () => {
    expect(repeatedUnit('abcabcabcabc')).toBe(3);
    expect(repeatedUnit('abcabcab')).toBe(3);
    expect(repeatedUnit('🐱'.repeat(12))).toBe(1);
    // One family emoji is 7 code points (11 UTF-16 units) and one grapheme.
    expect(repeatedUnit('👨‍👩‍👧‍👦'.repeat(12))).toBe(1);
    expect(repeatedUnit('e\u0301'.repeat(12))).toBe(1);
    expect(repeatedUnit('a long test password')).toBe(20);
  });

  it.each([
    ['abcabcabcabc'],
    ['🐱'.repeat(12)],
    ['👨‍👩‍👧‍👦'.repeat(12)],
    ['é'.repeat(12)], // composed
    ['e\u0301'.repeat(12)], // e + combining accent
    ['passwordpassword'],
    ['Ab1!Ab1!Ab1!Ab1'],
    ['xyzXYZxyzXYZ'], // case-insensitive
  ])('refuses %s', async (password) => {
    expect(await refusal(password)).toBe(REPEATS);
  });

  it('accepts a unit as long as the minimum, repeated', async () => {
    expect(await refusal('a long phrase!a long phrase!')).toBeNull();
  });
});

describe('common passwords', () => {
  it('refuses passwords of the package’s list and of our additions, in any case', async () => {
    for (const p of ['qazwsxedcrfv', 'SonyEricsson', 'JustinBieber', 'qwertyuiop123'])
      expect(await refusal(p)).toBe(COMMON);
    for (const p of ['correct horse battery staple', 'P@ssword1234', 'TheQuickBrownFox'])
      expect(await refusal(p)).toBe(COMMON);
  });

  it('refuses a listed password padded with digits or symbols', async () => {
    for (const p of ['Password2024!', '!!dragon123456', 'sunshine 1999!!', 'Monkey_12345678'])
      expect(await refusal(p)).toBe(PADDED);
  });

  it('accepts passphrases and passwords that merely contain a common word', async () => {
    for (const p of [
      'a long test password 42',
      'Jordan2024!AMR',
      'dragon fruit salad 7',
      'كلمة سر طويلة جدا',
      'correct horse battery staple in Amman',
    ])
      expect(await refusal(p)).toBeNull();
  });

  it('still checks length and the email address, naming the field', async () => {
    expect(await refusal('short')).toBe('newPassword: must be at least 12 characters');
    expect(await refusal('Focal@Example.org', 'focal@example.org')).toBe(
      'newPassword: must not be the email address',
    );
  });
});
