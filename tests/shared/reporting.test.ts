import { describe, expect, it } from 'vitest';
import { dueStateOf, isFarOutsideHistory, matchFrameworkPeriod, periodBounds } from '../../shared';

describe('reporting periods', () => {
  it('derives codes and dates of years and quarters (leap years too)', () => {
    expect(periodBounds('year', 2024)).toEqual({
      code: '2024',
      startDate: '2024-01-01',
      endDate: '2024-12-31',
    });
    expect(periodBounds('quarter', 2024, 1)).toEqual({
      code: '2024-Q1',
      startDate: '2024-01-01',
      endDate: '2024-03-31',
    });
    expect(periodBounds('quarter', 2023, 4).endDate).toBe('2023-12-31');
    expect(periodBounds('quarter', 2024, 2).endDate).toBe('2024-06-30');
  });

  it('stores a report in the framework period with its code, else the one holding its end', () => {
    const round = { code: '2019-2020', startDate: '2019-01-01', endDate: '2020-12-31' };
    const y2020 = { code: '2020', startDate: '2020-01-01', endDate: '2020-12-31' };
    expect(matchFrameworkPeriod(periodBounds('year', 2020), [round, y2020])).toBe(y2020);
    expect(matchFrameworkPeriod(periodBounds('year', 2020), [round])).toBe(round);
    expect(matchFrameworkPeriod(periodBounds('year', 2022), [round])).toBeNull();
  });

  it('splits draft into due and overdue by the due date; other states pass through', () => {
    expect(dueStateOf('draft', '2025-03-31', '2025-03-31')).toBe('due');
    expect(dueStateOf('draft', '2025-03-31', '2025-04-01')).toBe('overdue');
    expect(dueStateOf('returned', '2025-03-31', '2026-01-01')).toBe('returned');
  });

  it('warns for values far outside the history, not for ordinary ones or without history', () => {
    expect(isFarOutsideHistory(55, [40, 50, 60])).toBe(false);
    expect(isFarOutsideHistory(400, [40, 50, 60])).toBe(true);
    expect(isFarOutsideHistory(400, [40])).toBe(false);
    expect(isFarOutsideHistory(10, [50, 50])).toBe(true); // flat history: 10% of 50 is the spread
    expect(isFarOutsideHistory(52, [50, 50])).toBe(false);
  });
});
