import { describe, expect, it } from 'vitest';
import {
  type ActivityProgress,
  activityImplementation,
  implementationRate,
  implementationRateBy,
  implementationRateBySector,
  type Sector,
} from '../../shared';

const a = (
  status: ActivityProgress['status'],
  percentComplete: number | null = null,
  extra: { objective?: string; sectors?: Sector[] } = {},
) => ({ status, percentComplete, objective: extra.objective ?? 'O1', sectors: extra.sectors ?? [] });

describe('activity implementation, as Jordan’s end-term evaluation scores it', () => {
  it('counts completed 100, ongoing its % complete, not started 0; leaves cancelled out', () => {
    expect(activityImplementation(a('completed', 40))).toBe(100);
    expect(activityImplementation(a('ongoing', 40))).toBe(40);
    expect(activityImplementation(a('ongoing', null))).toBe(0);
    expect(activityImplementation(a('not_started', 30))).toBe(0);
    expect(activityImplementation(a('cancelled', 100))).toBeNull();
    // A status nobody reported is not 0 %: it is left out, as a cancelled one is.
    expect(activityImplementation(a('not_reported'))).toBeNull();
  });

  it('averages the counted activities without weights', () => {
    const r = implementationRate([
      a('completed'),
      a('ongoing', 50),
      a('not_started'),
      a('cancelled'),
      a('not_reported'),
      a('not_reported'),
    ]);
    expect(r).toEqual({
      rate: 50,
      counted: 3,
      completed: 1,
      ongoing: 1,
      notStarted: 1,
      cancelled: 1,
      notReported: 2,
      source: null,
    });
    expect(implementationRate([a('completed'), a('ongoing', 7), a('not_started')]).rate).toBe(35.7);
  });

  it('is illustrative when any counted activity is; a cancelled one does not count', () => {
    const src = (source: 'illustrative' | 'national_approved') => ({ source });
    const rate = (xs: ReturnType<typeof a>[]) => implementationRate(xs).source;
    expect(rate([{ ...a('completed'), ...src('national_approved') }])).toBe('national_approved');
    expect(
      rate([
        { ...a('completed'), ...src('national_approved') },
        { ...a('ongoing', 20), ...src('illustrative') },
      ]),
    ).toBe('illustrative');
    expect(
      rate([
        { ...a('completed'), ...src('national_approved') },
        { ...a('cancelled'), ...src('illustrative') },
      ]),
    ).toBe('national_approved');
  });

  it('has no rate without counted activities', () => {
    expect(implementationRate([]).rate).toBeNull();
    expect(implementationRate([a('cancelled')])).toMatchObject({ rate: null, counted: 0, cancelled: 1 });
    // A plan whose activities all have no reported status has no computed rate (and no source).
    expect(implementationRate([a('not_reported'), a('not_reported')])).toMatchObject({
      rate: null,
      counted: 0,
      notReported: 2,
      source: null,
    });
  });

  it('groups by objective and by sector (an activity counts in each of its sectors)', () => {
    const list = [
      a('completed', null, { objective: 'O1', sectors: ['human_health', 'environment'] }),
      a('not_started', null, { objective: 'O1', sectors: ['human_health'] }),
      a('ongoing', 30, { objective: 'O2', sectors: ['environment', 'environment'] }),
    ];
    const byObjective = implementationRateBy(list, (x) => x.objective);
    expect(byObjective.get('O1')?.rate).toBe(50);
    expect(byObjective.get('O2')?.rate).toBe(30);
    const bySector = implementationRateBySector(list);
    expect(bySector.get('human_health')?.rate).toBe(50);
    expect(bySector.get('environment')).toMatchObject({ rate: 65, counted: 2 });
    expect(bySector.has('plant_health')).toBe(false);
  });
});
