import { describe, expect, it } from 'vitest';
import { CHANGE_KINDS, ChangeKindSchema } from '../../shared/api/change';
import { PEER_GROUP_TYPES, PeerGroupTypeSchema } from '../../shared/api/compare';
import {
  INCOME_GROUPS as LISTED_INCOME,
  WHO_REGIONS as LISTED_WHO,
  parseIso3,
} from '../../shared/constants/country';
import { isOneOf } from '../../shared/constants/guard';
import { LEVELS as LISTED_LEVELS } from '../../shared/constants/level';
import { INCOME_GROUPS, Iso3Schema, WHO_REGIONS, WhoRegionSchema } from '../../shared/domain/country';
import { LEVELS, LevelSchema } from '../../shared/domain/level';

// The client checks URL parameters against the zod-free lists (docs/decisions/lazy-response-schemas.md); they
// must be the schemas' lists.
describe('zod-free shared lists', () => {
  it('are the very lists the schemas enumerate, re-exported rather than copied', () => {
    expect(LEVELS).toBe(LISTED_LEVELS);
    expect(WHO_REGIONS).toBe(LISTED_WHO);
    expect(INCOME_GROUPS).toBe(LISTED_INCOME);
    expect(LevelSchema.options).toEqual([...LEVELS]);
    expect(WhoRegionSchema.options).toEqual([...WHO_REGIONS]);
    expect(PeerGroupTypeSchema.options).toEqual([...PEER_GROUP_TYPES]);
    expect(ChangeKindSchema.options).toEqual([...CHANGE_KINDS]);
  });

  it('isOneOf accepts exactly what the enum schema accepts', () => {
    for (const v of ['EMR', 'emr', 'EMR ', '', null, undefined, 3, 'WPR', 'toString']) {
      expect(isOneOf(WHO_REGIONS, v), String(v)).toBe(WhoRegionSchema.safeParse(v).success);
    }
  });

  it('parseIso3 reads a code as Iso3Schema does', () => {
    for (const v of ['JOR', ' jor ', 'jo', 'JORD', 'J0R', '', 'syr']) {
      const parsed = Iso3Schema.safeParse(v);
      expect(parseIso3(v), v).toBe(parsed.success ? parsed.data : null);
    }
    expect(parseIso3(null)).toBeNull();
    expect(parseIso3(undefined)).toBeNull();
  });
});
