import { describe, expect, it } from 'vitest';
import { formatRange, formatRank, formatScore } from '../../client/features/compare/format';
import { hasLevelAnswers, toProfileRows } from '../../client/features/values/profile-rows';
import { makeT } from '../../client/i18n/context';
import { en } from '../../client/i18n/locales/en';
import {
  buildIndicator,
  buildNationalReport,
  compareRow41,
  compareRow62,
  i74,
  indicators,
  jordanValues,
} from './support/fixtures';

describe('toProfileRows', () => {
  it('gives one row per level indicator with the level and its wording', () => {
    const rows = toProfileRows(indicators, jordanValues);
    expect(rows.map((r) => [r.code, r.level])).toEqual([
      ['4.1', 'B'],
      ['6.2', null],
      ['7.4', 'E'],
    ]);
    expect(rows[0]?.wording).toBe(
      'Multi-sectoral working group(s) or coordination committee on AMR established with Government leadership.',
    );
    expect(rows[1]?.wording).toBeNull();
  });

  it('follows the framework order and skips non-level indicators', () => {
    const yesNo = buildIndicator({
      id: 9,
      code: '4.2',
      name: 'Sector involved',
      measureType: 'yes_no',
      levels: null,
      sortOrder: 0,
    });
    const first = buildIndicator({ id: 8, code: '3.0', name: 'First', sortOrder: -1 });
    const rows = toProfileRows([...indicators, yesNo, first], jordanValues);
    expect(rows.map((r) => r.code)).toEqual(['3.0', '4.1', '6.2', '7.4']);
  });

  it("puts the country's newest national report on a question beside its published answer", () => {
    const reports = [
      buildNationalReport(i74, { periodCode: '2021', level: 'D', source: 'national_draft' }),
      buildNationalReport(i74, { periodCode: '2020', level: 'C' }),
    ];
    const rows = toProfileRows(indicators, jordanValues, reports);
    expect(
      rows.map((r) => [r.code, r.level, r.national?.level ?? null, r.national?.periodCode ?? null]),
    ).toEqual([
      ['4.1', 'B', null, null],
      ['6.2', null, null, null],
      ['7.4', 'E', 'D', '2021'],
    ]);
    expect(rows[2]?.national?.source).toBe('national_draft');
  });
});

describe('hasLevelAnswers', () => {
  it('is false without any reported level', () => {
    expect(hasLevelAnswers([])).toBe(false);
    expect(hasLevelAnswers(jordanValues.filter((v) => v.level === null))).toBe(false);
    expect(hasLevelAnswers(jordanValues)).toBe(true);
  });
});

describe('compare formatting', () => {
  it('formats scores, ranges and ranks in letters', () => {
    expect(formatScore(3.5)).toBe('C–D');
    expect(formatScore(null)).toBe('—');
    const t = makeT('en', en);
    expect(formatRange(2, 4, t)).toBe('B to D');
    expect(formatRange(3, 3, t)).toBe('C');
    expect(formatRange(null, 3, t)).toBe('—');
    expect(formatRank(compareRow41, t)).toBe('15 of 21');
    expect(formatRank(compareRow62, t)).toBe('—');
  });
});
