import { describe, expect, it } from 'vitest';
import { CreatePlanSchema } from '../../shared/api/plan-edit';
import { CreatePlanIndicatorSchema } from '../../shared/api/plan-indicators';
import { CreateActivitySchema, CreateObjectiveSchema } from '../../shared/api/plans';
import { PLAN_LIMITS } from '../../shared/constants/plan';

type Limit = keyof typeof PLAN_LIMITS;
const plan = { title: 'NAP', periodStart: 2024, periodEnd: 2028 };
const objective = { code: 'O1', title: 'Awareness' };
const activity = { objectiveId: 1, code: 'A1', title: 'Train' };
const national = { kind: 'national', code: 'N1', name: 'Share', measureType: 'percentage' };
const indicator = (ref: object, extra: object = {}) => ({ indicator: ref, direction: 'increase', ...extra });

// Each limit, the request it bounds with the field at a given length, and where the field's issue is.
const cases: [Limit, (s: string) => unknown, { safeParse: (v: unknown) => unknown }, string][] = [
  ['planTitle', (s) => ({ ...plan, title: s }), CreatePlanSchema, 'title'],
  ['sourceNote', (s) => ({ ...plan, sourceNote: s }), CreatePlanSchema, 'sourceNote'],
  ['objectiveCode', (s) => ({ ...objective, code: s }), CreateObjectiveSchema, 'code'],
  ['objectiveTitle', (s) => ({ ...objective, title: s }), CreateObjectiveSchema, 'title'],
  ['activityCode', (s) => ({ ...activity, code: s }), CreateActivitySchema, 'code'],
  ['activityTitle', (s) => ({ ...activity, title: s }), CreateActivitySchema, 'title'],
  ['leadAgency', (s) => ({ ...activity, leadAgency: s }), CreateActivitySchema, 'leadAgency'],
  ['timeline', (s) => ({ ...activity, timeline: s }), CreateActivitySchema, 'timeline'],
  [
    'frameworkCode',
    (s) => indicator({ kind: 'framework', framework: s, code: '4.1' }),
    CreatePlanIndicatorSchema,
    'indicator.framework',
  ],
  ['indicatorCode', (s) => indicator({ ...national, code: s }), CreatePlanIndicatorSchema, 'indicator.code'],
  ['indicatorName', (s) => indicator({ ...national, name: s }), CreatePlanIndicatorSchema, 'indicator.name'],
  ['unit', (s) => indicator({ ...national, unit: s }), CreatePlanIndicatorSchema, 'indicator.unit'],
  [
    'definition',
    (s) => indicator({ ...national, definition: s }),
    CreatePlanIndicatorSchema,
    'indicator.definition',
  ],
  ['targetText', (s) => indicator(national, { targetText: s }), CreatePlanIndicatorSchema, 'targetText'],
  [
    'baselineSource',
    (s) => indicator(national, { baseline: { year: 2020, value: 1, source: s } }),
    CreatePlanIndicatorSchema,
    'baseline.source',
  ],
];

// The plan forms give these limits as maxLength: the schemas must refuse exactly past them.
describe('PLAN_LIMITS', () => {
  it('has a case for every limit', () => {
    expect(cases.map(([limit]) => limit).sort()).toEqual(Object.keys(PLAN_LIMITS).sort());
  });

  it.each(cases)('%s: the schema takes the limit and refuses one more', (limit, body, schema, path) => {
    const max = PLAN_LIMITS[limit];
    expect(schema.safeParse(body('x'.repeat(max)))).toMatchObject({ success: true });
    const over = schema.safeParse(body('x'.repeat(max + 1))) as {
      success: boolean;
      error?: { issues: { path: PropertyKey[]; code: string }[] };
    };
    expect(over.success).toBe(false);
    expect(over.error?.issues.map((i) => [i.path.join('.'), i.code])).toEqual([[path, 'too_big']]);
  });
});
