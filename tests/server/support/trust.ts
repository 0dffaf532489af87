import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { Database } from '../../../server/db/client';
import { makeUser, role, type Session, signIn } from './auth';
import { jordanPlanId, makePlan } from './plans';
import { addPeriod, as } from './workflow';

/**
 * Marks that must never reach the public: values and comments of periods not approved (submitted,
 * returned, draft), a return's reason, and a draft plan's value. The approved period's value and
 * comment are public (the positive control: a walk that never shows them proves nothing).
 */
export const SECRET = {
  numbers: ['22222.5', '33333.5', '44444.5', '55555.5'],
  texts: [
    'SECRET-SUBMITTED-MARK',
    'SECRET-RETURNED-MARK',
    'SECRET-REASON-MARK',
    'SECRET-DRAFT-MARK',
    'SECRET-TEXT-MARK',
    'SECRET-NODATA-MARK',
    'SECRET-SYR-MARK',
  ],
};
export const PUBLIC = { number: '111.25', comment: 'APPROVED-COMMENT-MARK' };

export interface TrustFixture {
  focal: Session;
  validator: Session;
  admin: Session;
  jordanPlan: number;
  syriaPlan: number;
  periods: Record<'approved' | 'submitted' | 'returned' | 'draft' | 'syria', number>;
  planIndicators: number[];
}

/**
 * Jordan's plan with two national indicators and four reporting periods, one in each workflow
 * state, walked through the real API by a focal point and a validator; Syria's draft plan with a
 * returned period.
 */
export async function trustFixture(app: FastifyInstance, database: Database): Promise<TrustFixture> {
  await makeUser(database, 'tr-focal@example.org', [role('focal_point', 'JOR')]);
  await makeUser(database, 'tr-val@example.org', [role('validator', 'JOR')]);
  await makeUser(database, 'tr-admin@example.org', [role('admin')]);
  const focal = await signIn(app, 'tr-focal@example.org');
  const validator = await signIn(app, 'tr-val@example.org');
  const admin = await signIn(app, 'tr-admin@example.org');
  const jordanPlan = await jordanPlanId(database);
  const syriaPlan = (await makePlan(database, 'SYR', 'draft')).planId;
  const ok = async (p: ReturnType<typeof as>, status = 200) => {
    const res = await p;
    expect(res.statusCode, res.body).toBe(status);
    return res.json() as { indicators: { id: number; indicator: { code: string } }[] };
  };
  for (const [code, measureType] of [
    ['VW-NUM', 'number'],
    ['VW-PCT', 'percentage'],
  ])
    await ok(
      as(app, focal, 'POST', `/api/plans/${jordanPlan}/indicators`, {
        indicator: { kind: 'national', code, name: `Walk ${measureType}`, measureType },
        direction: 'increase',
      }),
      201,
    );
  const plan = await ok(as(app, focal, 'GET', `/api/plans/${jordanPlan}`));
  const planIndicators = plan.indicators.filter((i) => i.indicator.code.startsWith('VW-')).map((i) => i.id);
  const enter = (year: number, number: string, comment: string, text?: object) =>
    Promise.all([
      ok(
        as(app, focal, 'PUT', `/api/values/JOR/national-jor/VW-NUM/${year}`, {
          status: 'reported',
          value: { type: 'number', number: Number(number) },
          comment,
        }),
        201,
      ),
      ok(
        as(
          app,
          focal,
          'PUT',
          `/api/values/JOR/national-jor/VW-PCT/${year}`,
          text ?? {
            status: 'reported',
            value: { type: 'percentage', percentage: 12 },
          },
        ),
        201,
      ),
    ]);
  const step = async (who: Session, periodId: number, t: string, extra: object = {}) => {
    const grid = (await as(app, who, 'GET', `/api/periods/${periodId}/entry`)).json();
    const version = grid.period.submission.version;
    return ok(as(app, who, 'POST', `/api/periods/${periodId}/${t}`, { version, ...extra }));
  };
  const periods = {} as TrustFixture['periods'];
  periods.approved = (await addPeriod(app, focal, jordanPlan, 2019, '2020-03-31')).id;
  await enter(2019, PUBLIC.number, PUBLIC.comment);
  await step(focal, periods.approved, 'submit');
  await step(validator, periods.approved, 'approve');
  periods.submitted = (await addPeriod(app, focal, jordanPlan, 2020, '2021-03-31')).id;
  await enter(2020, SECRET.numbers[0] as string, 'SECRET-SUBMITTED-MARK');
  await step(focal, periods.submitted, 'submit');
  periods.returned = (await addPeriod(app, focal, jordanPlan, 2021, '2022-03-31')).id;
  await enter(2021, SECRET.numbers[1] as string, 'SECRET-RETURNED-MARK', {
    status: 'no_data',
    reason: 'SECRET-NODATA-MARK',
  });
  await step(focal, periods.returned, 'submit');
  await step(validator, periods.returned, 'return', { reason: 'SECRET-REASON-MARK' });
  periods.draft = (await addPeriod(app, focal, jordanPlan, 2022, '2023-03-31')).id;
  await enter(2022, SECRET.numbers[2] as string, 'SECRET-DRAFT-MARK', {
    status: 'not_applicable',
    reason: 'SECRET-TEXT-MARK',
  });
  // Syria's draft plan: a returned period with a value.
  await ok(
    as(app, admin, 'POST', `/api/plans/${syriaPlan}/indicators`, {
      indicator: { kind: 'national', code: 'SY-NUM', name: 'Syria number', measureType: 'number' },
      direction: 'increase',
    }),
    201,
  );
  periods.syria = (await addPeriod(app, admin, syriaPlan, 2021, '2022-03-31')).id;
  await ok(
    as(app, admin, 'PUT', '/api/values/SYR/national-syr/SY-NUM/2021', {
      status: 'reported',
      value: { type: 'number', number: Number(SECRET.numbers[3]) },
      comment: 'SECRET-SYR-MARK',
    }),
    201,
  );
  await step(admin, periods.syria, 'submit');
  await step(admin, periods.syria, 'return', { reason: 'SECRET-REASON-MARK' });
  return { focal, validator, admin, jordanPlan, syriaPlan, periods, planIndicators };
}
