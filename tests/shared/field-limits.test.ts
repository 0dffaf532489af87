import { describe, expect, it } from 'vitest';
import { BriefingSessionInputSchema } from '../../shared/api/briefings';
import { CountryListQuerySchema } from '../../shared/api/countries';
import { MeReturnBodySchema } from '../../shared/api/me-profiles';
import { CreateSavedGroupBodySchema } from '../../shared/api/peer-groups';
import { ReasonBodySchema } from '../../shared/api/reporting';
import { SAVED_GROUP_NAME_MAX_LENGTH } from '../../shared/constants/compare';
import { COUNTRY_SEARCH_MAX_LENGTH } from '../../shared/constants/country';
import { BRIEFING_LIMITS } from '../../shared/constants/me-profile';
import { REASON_MAX_LENGTH } from '../../shared/constants/reporting';

interface Parsed {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; code: string }[] };
}
type Schema = { safeParse: (v: unknown) => Parsed };

const briefing = { title: 'Session', groupType: 'who_region', group: 'EMR', topics: ['case_study'] };

// Each zod-free limit a form gives as maxLength, the request it bounds, and the field's path.
const cases: [string, number, Schema, (s: string) => unknown, string][] = [
  ['return reason', REASON_MAX_LENGTH, ReasonBodySchema, (s) => ({ reason: s, version: 1 }), 'reason'],
  ['M&E return reason', REASON_MAX_LENGTH, MeReturnBodySchema, (s) => ({ reason: s, version: 1 }), 'reason'],
  ['countries search', COUNTRY_SEARCH_MAX_LENGTH, CountryListQuerySchema, (s) => ({ q: s }), 'q'],
  [
    'saved group name',
    SAVED_GROUP_NAME_MAX_LENGTH,
    CreateSavedGroupBodySchema,
    (s) => ({ name: s, members: ['JOR'] }),
    'name',
  ],
  [
    'briefing title',
    BRIEFING_LIMITS.title,
    BriefingSessionInputSchema,
    (s) => ({ ...briefing, title: s }),
    'title',
  ],
  [
    'briefing agenda',
    BRIEFING_LIMITS.agenda,
    BriefingSessionInputSchema,
    (s) => ({ ...briefing, agenda: s }),
    'agenda',
  ],
];

describe('field limits the forms share with the schemas', () => {
  it.each(cases)('%s: the schema takes the limit and refuses one more', (_name, max, schema, body, path) => {
    expect(schema.safeParse(body('x'.repeat(max)))).toMatchObject({ success: true });
    const over = schema.safeParse(body('x'.repeat(max + 1)));
    expect(over.success).toBe(false);
    expect(over.error?.issues.map((i) => [i.path.join('.'), i.code])).toEqual([[path, 'too_big']]);
  });
});
