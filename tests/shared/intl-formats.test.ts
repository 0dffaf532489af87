import { describe, expect, it } from 'vitest';
import { dateTimeFormat, numberFormat } from '../../shared/i18n/intl-formats';

describe('Intl formats kept per language and options', () => {
  it('gives the same format for the same language and options, another for other ones', () => {
    const fr = numberFormat('fr', { maximumFractionDigits: 2 });
    expect(numberFormat('fr', { maximumFractionDigits: 2 })).toBe(fr);
    expect(numberFormat('fr', { maximumFractionDigits: 1 })).not.toBe(fr);
    expect(numberFormat('es', { maximumFractionDigits: 2 })).not.toBe(fr);
    expect(dateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' })).toBe(
      dateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }),
    );
  });

  it('formats as a new format with the same language and options does', () => {
    expect(numberFormat('fr', { maximumFractionDigits: 2 }).format(1234.567)).toBe(
      new Intl.NumberFormat('fr', { maximumFractionDigits: 2 }).format(1234.567),
    );
    expect(numberFormat('ar', { style: 'percent', maximumFractionDigits: 1 }).format(0.467)).toBe(
      new Intl.NumberFormat('ar', { style: 'percent', maximumFractionDigits: 1 }).format(0.467),
    );
    const d = new Date('2026-12-05T00:00:00Z');
    expect(dateTimeFormat('es', { dateStyle: 'medium', timeZone: 'UTC' }).format(d)).toBe(
      new Intl.DateTimeFormat('es', { dateStyle: 'medium', timeZone: 'UTC' }).format(d),
    );
  });
});
