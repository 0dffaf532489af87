import { describe, expect, it } from 'vitest';
import { formatInputNumber, LOCALES, parseLocaleNumber, ValueInputSchema } from '../../shared';

const value = (text: string, locale: (typeof LOCALES)[number]) => {
  const r = parseLocaleNumber(text, locale);
  return r.ok ? r.value : r.problem;
};

describe('numbers as people type them', () => {
  it('reads the decimal comma and the space thousands of French and Spanish', () => {
    expect(value('45,5', 'fr')).toBe(45.5);
    expect(value('1 234,5', 'fr')).toBe(1234.5);
    // The narrow no-break space Intl writes in French, and the no-break space.
    expect(value('1\u202F234\u202F567,25', 'fr')).toBe(1234567.25);
    expect(value('1\u00A0234', 'es')).toBe(1234);
    expect(value('1.234,5', 'es')).toBe(1234.5);
    expect(value('1.234.567', 'fr')).toBe(1234567);
    expect(value(',5', 'fr')).toBe(0.5);
  });

  it('reads a point in French and Spanish as a decimal point when it cannot group thousands', () => {
    // A CSV export writes 40.5: only one reading is possible.
    expect(value('40.5', 'fr')).toBe(40.5);
    expect(value('-12.25', 'es')).toBe(-12.25);
    expect(value('0.125', 'fr')).toBe(0.125);
    expect(value('1 234.5', 'fr')).toBe(1234.5);
  });

  it('reads English with a decimal point and comma thousands', () => {
    expect(value('1,234.5', 'en')).toBe(1234.5);
    expect(value('1,234', 'en')).toBe(1234);
    expect(value('.5', 'en')).toBe(0.5);
    expect(value('1 234 567', 'en')).toBe(1234567);
  });

  it('reads Arabic-Indic and Eastern Arabic-Indic digits, the Arabic separators, and "." or "," in Arabic', () => {
    expect(value('٤٥٫٥', 'ar')).toBe(45.5);
    expect(value('١٬٢٣٤٫٥', 'ar')).toBe(1234.5);
    expect(value('۱۲۳', 'ar')).toBe(123);
    expect(value('45.5', 'ar')).toBe(45.5);
    expect(value('45,5', 'ar')).toBe(45.5);
    expect(value('1,234,567.5', 'ar')).toBe(1234567.5);
    expect(value('1.234,5', 'ar')).toBe(1234.5);
    // Digits are digits in every language.
    expect(value('٤٥', 'fr')).toBe(45);
  });

  it('takes a leading minus, the minus sign U+2212, and the direction marks Intl writes in Arabic', () => {
    expect(value('-3', 'en')).toBe(-3);
    expect(value('\u22123,5', 'fr')).toBe(-3.5);
    expect(value('\u200E-1,234,567.5', 'ar')).toBe(-1234567.5);
    expect(Object.is(value('-0', 'en'), 0)).toBe(true);
  });

  it('refuses what is not a number, naming the problem', () => {
    expect(value('abc', 'fr')).toBe('not_a_number');
    expect(value('', 'fr')).toBe('empty');
    expect(value('   ', 'en')).toBe('empty');
    expect(value('1e5', 'en')).toBe('not_a_number');
    expect(value('5,', 'fr')).toBe('not_a_number');
    expect(value('1  234', 'fr')).toBe('not_a_number');
    expect(value('--5', 'en')).toBe('not_a_number');
    expect(value('12 %', 'en')).toBe('not_a_number');
  });

  it('refuses several decimal separators and malformed thousands', () => {
    expect(value('1,2,3', 'fr')).toBe('several_decimals');
    expect(parseLocaleNumber('1,2,3', 'fr')).toMatchObject({
      message: '"1,2,3" has more than one decimal separator',
    });
    expect(value('1 23', 'fr')).toBe('grouping');
    expect(value('1,234 567', 'en')).toBe('grouping');
    expect(value('1,23,456', 'en')).toBe('grouping');
  });

  it('refuses what reads as two numbers, with both readings', () => {
    expect(parseLocaleNumber('1.234', 'fr')).toEqual({
      ok: false,
      problem: 'ambiguous',
      message: '"1.234" is ambiguous: write 1234 for the whole number, or 1,234',
      params: { text: '1.234', decimal: ',', suggestion: '1234', alternative: '1,234' },
    });
    expect(value('1.234', 'es')).toBe('ambiguous');
    expect(value('1,234', 'ar')).toBe('ambiguous');
    expect(value('-1.500', 'fr')).toBe('ambiguous');
  });

  it('says which decimal separator English takes', () => {
    expect(parseLocaleNumber('45,5', 'en')).toMatchObject({
      ok: false,
      problem: 'decimal_separator',
      message: '"45,5": in English the decimal separator is "." (45.5)',
      params: { suggestion: '45.5' },
    });
  });

  it('shows a number for editing in each language so that it reads back the same', () => {
    expect(formatInputNumber(45.5, 'fr')).toBe('45,5');
    expect(formatInputNumber(1234567.25, 'es')).toBe('1234567,25');
    expect(formatInputNumber(1234.5, 'en')).toBe('1234.5');
    expect(formatInputNumber(-0, 'en')).toBe('0');
    for (const locale of LOCALES)
      for (const x of [0, 45.5, -1234567.5, 0.1 + 0.2, 1e-9, 1e15, 7]) {
        const shown = formatInputNumber(x, locale);
        expect(value(shown, locale), `${x} in ${locale}: "${shown}"`).toBe(x);
      }
  });
});

describe('natural bounds of values', () => {
  const issue = (input: object) => {
    const r = ValueInputSchema.safeParse(input);
    return r.success ? null : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('takes a count whole and not negative', () => {
    expect(issue({ type: 'count', count: 12 })).toBeNull();
    expect(issue({ type: 'count', count: 0 })).toBeNull();
    expect(issue({ type: 'count', count: -3 })).toEqual(['count: must not be negative']);
    expect(issue({ type: 'count', count: 2.5 })).toEqual(['count: must be a whole number']);
  });

  it('takes a percentage between 0 and 100', () => {
    expect(issue({ type: 'percentage', percentage: 100 })).toBeNull();
    expect(issue({ type: 'percentage', percentage: 101 })).toEqual(['percentage: must be between 0 and 100']);
    expect(issue({ type: 'percentage', percentage: -0.5 })).toEqual([
      'percentage: must be between 0 and 100',
    ]);
  });

  it('takes a ratio of counts: numerator ≥ 0, denominator > 0', () => {
    expect(issue({ type: 'ratio', numerator: 0, denominator: 4 })).toBeNull();
    expect(issue({ type: 'ratio', numerator: -1, denominator: 4 })).toEqual([
      'numerator: must not be negative',
    ]);
    expect(issue({ type: 'ratio', numerator: 1, denominator: 0 })).toEqual(['denominator: must not be 0']);
    expect(issue({ type: 'ratio', numerator: 1, denominator: -2 })).toEqual([
      'denominator: must not be negative',
    ]);
  });

  it('leaves a plain number signed, and takes a text milestone of at most 500 characters', () => {
    expect(issue({ type: 'number', number: -12.25 })).toBeNull();
    expect(issue({ type: 'text', text: 'Law adopted' })).toBeNull();
    expect(issue({ type: 'text', text: 'x'.repeat(501) })).toEqual(['text: must be at most 500 characters']);
    expect(issue({ type: 'text', text: '  ' })).toEqual(['text: is required']);
  });
});
