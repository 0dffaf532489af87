import { sql } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import type { Database } from '../../server/db/client';
import { listGroups } from '../../server/modules/peer-groups/service';
import { createRound } from '../../server/modules/rounds/service';
import { openTestDatabase } from '../setup/test-db';
import { type Credential, createToken, makeUser, role, signIn, withCredential } from './support/auth';
import { nationalFixture } from './support/national';
import {
  firstElements,
  freshActivity,
  freshObjective,
  freshPlanIndicator,
  jordanPlanId,
  makePlan,
  versionOf,
} from './support/plans';
import { uploadForm } from './support/upload';

/**
 * The role × endpoint matrix: every endpoint, every kind of caller, the status each must get, with
 * anonymous reads allowed (PUBLIC_READ=true, the default) and refused (false).
 */
const CALLERS = [
  'anonymous',
  'admin',
  'facilitator',
  'validatorJOR',
  'focalJOR',
  'viewerJOR',
  'adminReadToken',
  'focalWriteToken',
] as const;
type Caller = (typeof CALLERS)[number];
type Expect = Record<Caller, number>;

let database: Database;
let apps: { open: FastifyInstance; closed: FastifyInstance };
const creds = {} as Record<Caller, Credential>;
let targetUserId = 0;
let counter = 0;

const all = (status: number): Expect => Object.fromEntries(CALLERS.map((c) => [c, status])) as Expect;
const sessionsOnly = (ok: number): Expect => ({
  ...all(ok),
  anonymous: 401,
  adminReadToken: 403,
  focalWriteToken: 403,
});
const adminOnly = (ok: number, readTokenOk: boolean): Expect => ({
  ...all(403),
  anonymous: 401,
  admin: ok,
  adminReadToken: readTokenOk ? ok : 403,
});
/** Entering Jordan's data: admins and Jordan's focal point (session or write token). */
const writeJor: Expect = { ...all(403), anonymous: 401, admin: 200, focalJOR: 200, focalWriteToken: 200 };
/** A first write creates (201), the next ones change it (200): admins come first in CALLERS. */
const putJor: Expect = { ...writeJor, admin: 201 };
const putSyr: Expect = { ...all(403), anonymous: 401, admin: 201 };
const writeSyr: Expect = { ...all(403), anonymous: 401, admin: 200 };
const signedIn = (ok: number): Expect => ({ ...all(ok), anonymous: 401 });
const everyCountry: Expect = {
  ...all(403),
  anonymous: 401,
  admin: 200,
  facilitator: 200,
  adminReadToken: 200,
};
const jordanReaders: Expect = signedIn(200);
const briefingWrite = (ok: number): Expect => ({ ...all(403), anonymous: 401, admin: ok, facilitator: ok });
const briefing = { id: 0, packId: 0 };
const briefingBody = () => ({
  title: `Matrix session ${++counter}`,
  groupType: 'countries',
  group: 'JOR,EGY',
  topics: ['case_study', 'learning'],
});
const syriaReaders: Expect = everyCountry;
/** Editing Jordan's plan: admins and Jordan's focal point (session or write token). */
const writePlanJor = (ok: number): Expect => ({
  ...all(403),
  anonymous: 401,
  admin: ok,
  focalJOR: ok,
  focalWriteToken: ok,
});

/** The version of the country's national N-PCT value, so that allowed writes are fresh (not a 409). */
async function currentVersion(country: string): Promise<number | undefined> {
  const rows = await database.rows<{ version: number }>(sql`
    select v.version from indicator_values v join indicators i on i.id = v.indicator_id
    where v.country_iso3 = ${country} and i.framework_code = ${`national-${country.toLowerCase()}`}
      and i.code = 'N-PCT'`);
  return rows[0]?.version;
}

type Endpoint = {
  name: string;
  /** The OpenAPI operation it exercises. */
  op: string;
  request: () => Promise<InjectOptions> | InjectOptions;
  open: Expect;
  closed: Expect;
  /** Needs a fresh session per caller (the request ends it). */
  fresh?: boolean;
};

/** A national value (published data is read-only to everyone: values-write.test.ts). */
const put = (country: string) => async (): Promise<InjectOptions> => {
  const version = await currentVersion(country);
  return {
    method: 'PUT',
    url: `/api/values/${country}/national-${country.toLowerCase()}/N-PCT/2020`,
    payload: {
      status: 'reported',
      value: { type: 'percentage', percentage: 50 },
      ...(version ? { version } : {}),
    },
  };
};

const ENDPOINTS: Endpoint[] = [
  {
    name: 'GET /api/health',
    op: 'GET /api/health',
    request: () => ({ url: '/api/health' }),
    open: all(200),
    closed: all(200),
  },
  {
    name: 'GET /api/config',
    op: 'GET /api/config',
    request: () => ({ url: '/api/config' }),
    open: all(200),
    closed: all(200),
  },
  {
    name: 'GET /api/ready',
    op: 'GET /api/ready',
    request: () => ({ url: '/api/ready' }),
    open: all(200),
    closed: all(200),
  },
  {
    name: 'GET /api/countries',
    op: 'GET /api/countries',
    request: () => ({ url: '/api/countries' }),
    open: all(200),
    closed: signedIn(200),
  },
  {
    name: 'GET /api/countries/SYR',
    op: 'GET /api/countries/{iso3}',
    request: () => ({ url: '/api/countries/SYR' }),
    open: all(200),
    closed: signedIn(200),
  },
  {
    name: 'GET /api/global-targets',
    op: 'GET /api/global-targets',
    request: () => ({ url: '/api/global-targets' }),
    open: all(200),
    closed: signedIn(200),
  },
  {
    name: 'GET /api/frameworks',
    op: 'GET /api/frameworks',
    request: () => ({ url: '/api/frameworks' }),
    open: all(200),
    closed: signedIn(200),
  },
  {
    name: 'GET /api/frameworks/{code}',
    op: 'GET /api/frameworks/{code}',
    request: () => ({ url: '/api/frameworks/tracss-2019-2020' }),
    open: all(200),
    closed: signedIn(200),
  },
  {
    name: 'GET …/indicators',
    op: 'GET /api/frameworks/{code}/indicators',
    request: () => ({ url: '/api/frameworks/tracss-2019-2020/indicators' }),
    open: all(200),
    closed: signedIn(200),
  },
  {
    name: 'GET …/indicators/{code}',
    op: 'GET /api/frameworks/{code}/indicators/{indicatorCode}',
    request: () => ({ url: '/api/frameworks/tracss-2019-2020/indicators/4.1' }),
    open: all(200),
    closed: signedIn(200),
  },
  {
    name: 'GET /api/values (all)',
    op: 'GET /api/values',
    request: () => ({ url: '/api/values' }),
    open: all(200),
    closed: signedIn(200),
  },
  {
    name: 'GET /api/values?country=JOR',
    op: 'GET /api/values',
    request: () => ({ url: '/api/values?country=JOR' }),
    open: all(200),
    closed: jordanReaders,
  },
  {
    name: 'GET /api/values?country=SYR',
    op: 'GET /api/values',
    request: () => ({ url: '/api/values?country=SYR' }),
    open: all(200),
    closed: syriaReaders,
  },
  {
    name: 'GET /api/compare',
    op: 'GET /api/compare',
    request: () => ({ url: '/api/compare?framework=tracss-2019-2020&country=JOR' }),
    open: all(200),
    closed: everyCountry,
  },
  {
    name: 'GET /api/compare/heatmap',
    op: 'GET /api/compare/heatmap',
    request: () => ({
      url: '/api/compare/heatmap?framework=tracss-2019-2020&groupType=who_region&group=EMR',
    }),
    open: all(200),
    closed: everyCountry,
  },
  {
    name: 'GET /api/countries/JOR/national-reports',
    op: 'GET /api/countries/{iso3}/national-reports',
    request: () => ({ url: '/api/countries/JOR/national-reports?framework=tracss-2019-2020' }),
    open: all(200),
    closed: jordanReaders,
  },
  {
    name: 'GET /api/countries/JOR/trend',
    op: 'GET /api/countries/{iso3}/trend',
    request: () => ({ url: '/api/countries/JOR/trend' }),
    open: all(200),
    closed: jordanReaders,
  },
  {
    name: 'GET /api/countries/SYR/trend',
    op: 'GET /api/countries/{iso3}/trend',
    request: () => ({ url: '/api/countries/SYR/trend' }),
    open: all(200),
    closed: syriaReaders,
  },
  {
    name: 'PUT /api/values/JOR/…',
    op: 'PUT /api/values/{country}/{framework}/{indicator}/{period}',
    request: put('JOR'),
    open: putJor,
    closed: writeJor,
  },
  {
    name: 'PUT /api/values/SYR/…',
    op: 'PUT /api/values/{country}/{framework}/{indicator}/{period}',
    request: put('SYR'),
    open: putSyr,
    closed: writeSyr,
  },
  {
    name: 'POST /api/auth/sign-in (unknown account)',
    op: 'POST /api/auth/sign-in',
    request: () => ({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: `nobody${++counter}@example.org`, password: 'whatever-it-is' },
      remoteAddress: `10.9.0.${counter}`,
    }),
    open: all(401),
    closed: all(401),
  },
  {
    name: 'GET /api/auth/me',
    op: 'GET /api/auth/me',
    request: () => ({ url: '/api/auth/me' }),
    // Anonymous: 204, nobody signed in (not an error, so that every page may ask).
    open: { ...all(200), anonymous: 204 },
    closed: { ...all(200), anonymous: 204 },
  },
  {
    name: 'POST /api/auth/password (wrong current password)',
    op: 'POST /api/auth/password',
    request: () => ({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'not-it', newPassword: 'another long password 7' },
    }),
    open: sessionsOnly(400),
    closed: sessionsOnly(400),
  },
  {
    // Anyone may try a link (it is the secret); a made-up one is refused the same way for all.
    name: 'POST /api/auth/reset-password (unknown link)',
    op: 'POST /api/auth/reset-password',
    request: () => ({
      method: 'POST',
      url: '/api/auth/reset-password',
      payload: { token: `not-a-real-link-${++counter}-xxxxxxxxxxxx`, newPassword: 'another long password 7' },
    }),
    open: all(400),
    closed: all(400),
  },
  {
    // This deployment sends no e-mail: refused the same way for all (with e-mail: forgot-password.test.ts).
    name: 'POST /api/auth/forgot-password (no e-mail configured)',
    op: 'POST /api/auth/forgot-password',
    request: () => ({
      method: 'POST',
      url: '/api/auth/forgot-password',
      payload: { email: 'someone@example.org' },
    }),
    open: all(400),
    closed: all(400),
  },
  {
    name: 'POST /api/auth/sign-out',
    op: 'POST /api/auth/sign-out',
    request: () => ({ method: 'POST', url: '/api/auth/sign-out' }),
    open: sessionsOnly(204),
    closed: sessionsOnly(204),
    fresh: true,
  },
  {
    name: 'PUT /api/auth/me/locale',
    op: 'PUT /api/auth/me/locale',
    request: () => ({ method: 'PUT', url: '/api/auth/me/locale', payload: { locale: 'en' } }),
    open: { ...all(204), anonymous: 401, adminReadToken: 403 },
    closed: { ...all(204), anonymous: 401, adminReadToken: 403 },
  },
  {
    name: 'PUT /api/auth/me/reminders',
    op: 'PUT /api/auth/me/reminders',
    request: () => ({ method: 'PUT', url: '/api/auth/me/reminders', payload: { enabled: true } }),
    open: { ...all(204), anonymous: 401, adminReadToken: 403 },
    closed: { ...all(204), anonymous: 401, adminReadToken: 403 },
  },
  {
    name: 'GET /api/translations',
    op: 'GET /api/translations',
    request: () => ({ url: '/api/translations?entityType=indicator&ids=1&lang=fr' }),
    open: all(200),
    closed: signedIn(200),
  },
  {
    name: 'PUT /api/translations/{entityType}/{entityId}',
    op: 'PUT /api/translations/{entityType}/{entityId}',
    request: () => ({
      method: 'PUT',
      url: '/api/translations/indicator/1',
      payload: { locale: 'fr', fields: { name: `Nom ${++counter}` } },
    }),
    open: adminOnly(200, false),
    closed: adminOnly(200, false),
  },
  {
    name: 'GET /api/users',
    op: 'GET /api/users',
    request: () => ({ url: '/api/users' }),
    open: adminOnly(200, true),
    closed: adminOnly(200, true),
  },
  {
    name: 'POST /api/users',
    op: 'POST /api/users',
    request: () => ({
      method: 'POST',
      url: '/api/users',
      payload: {
        email: `new${++counter}@example.org`,
        displayName: 'New',
        password: 'a brand new password',
        roles: [],
      },
    }),
    open: adminOnly(201, false),
    closed: adminOnly(201, false),
  },
  {
    name: 'GET /api/users/{id}',
    op: 'GET /api/users/{id}',
    request: () => ({ url: `/api/users/${targetUserId}` }),
    open: adminOnly(200, true),
    closed: adminOnly(200, true),
  },
  {
    name: 'PATCH /api/users/{id}',
    op: 'PATCH /api/users/{id}',
    request: () => ({
      method: 'PATCH',
      url: `/api/users/${targetUserId}`,
      payload: { displayName: `Renamed ${++counter}` },
    }),
    open: adminOnly(200, false),
    closed: adminOnly(200, false),
  },
  {
    name: 'POST /api/users/{id}/password',
    op: 'POST /api/users/{id}/password',
    request: () => ({
      method: 'POST',
      url: `/api/users/${targetUserId}/password`,
      payload: { password: 'a reset password 99' },
    }),
    open: adminOnly(204, false),
    closed: adminOnly(204, false),
  },
  {
    name: 'POST /api/users/{id}/reset-link',
    op: 'POST /api/users/{id}/reset-link',
    request: () => ({ method: 'POST', url: `/api/users/${targetUserId}/reset-link` }),
    open: adminOnly(201, false),
    closed: adminOnly(201, false),
  },
  {
    name: 'GET /api/tokens',
    op: 'GET /api/tokens',
    request: () => ({ url: '/api/tokens' }),
    open: sessionsOnly(200),
    closed: sessionsOnly(200),
  },
  {
    name: 'POST /api/tokens',
    op: 'POST /api/tokens',
    request: () => ({
      method: 'POST',
      url: '/api/tokens',
      payload: { name: `m${++counter}`, scope: 'read' },
    }),
    open: sessionsOnly(201),
    closed: sessionsOnly(201),
  },
  {
    name: 'DELETE /api/tokens/{id} (not theirs)',
    op: 'DELETE /api/tokens/{id}',
    request: () => ({ method: 'DELETE', url: '/api/tokens/999999' }),
    open: sessionsOnly(404),
    closed: sessionsOnly(404),
  },
  // Another account's tokens: administrators, through a session only (tokens never manage tokens).
  {
    name: 'GET /api/users/{id}/tokens',
    op: 'GET /api/users/{id}/tokens',
    request: () => ({ url: `/api/users/${targetUserId}/tokens` }),
    open: adminOnly(200, false),
    closed: adminOnly(200, false),
  },
  {
    name: 'POST /api/users/{id}/tokens',
    op: 'POST /api/users/{id}/tokens',
    request: () => ({
      method: 'POST',
      url: `/api/users/${targetUserId}/tokens`,
      payload: { name: `a${++counter}`, scope: 'read' },
    }),
    open: adminOnly(201, false),
    closed: adminOnly(201, false),
  },
  {
    name: 'DELETE /api/users/{id}/tokens/{tokenId} (none)',
    op: 'DELETE /api/users/{id}/tokens/{tokenId}',
    request: () => ({ method: 'DELETE', url: `/api/users/${targetUserId}/tokens/999999` }),
    open: adminOnly(404, false),
    closed: adminOnly(404, false),
  },
  // Saved peer groups and TrACSS rounds
  {
    name: 'GET /api/peer-groups',
    op: 'GET /api/peer-groups',
    request: () => ({ url: '/api/peer-groups' }),
    open: all(200),
    closed: signedIn(200),
  },
  {
    name: 'GET /api/peer-groups/{id} (shared)',
    op: 'GET /api/peer-groups/{id}',
    request: () => ({ url: `/api/peer-groups/${sharedGroupId}` }),
    open: all(200),
    closed: signedIn(200),
  },
  {
    name: 'POST /api/peer-groups (private)',
    op: 'POST /api/peer-groups',
    request: () => ({
      method: 'POST',
      url: '/api/peer-groups',
      payload: { name: `Mine ${++counter}`, members: ['JOR', 'LBN'] },
    }),
    open: { ...all(201), anonymous: 401, adminReadToken: 403 },
    closed: { ...all(201), anonymous: 401, adminReadToken: 403 },
  },
  {
    name: 'PATCH /api/peer-groups/{id} (shared)',
    op: 'PATCH /api/peer-groups/{id}',
    request: () => ({
      method: 'PATCH',
      url: `/api/peer-groups/${sharedGroupId}`,
      payload: { description: `Described ${++counter}` },
    }),
    open: { ...all(403), anonymous: 401, admin: 200, facilitator: 200 },
    closed: { ...all(403), anonymous: 401, admin: 200, facilitator: 200 },
  },
  {
    name: 'DELETE /api/peer-groups/{id} (none)',
    op: 'DELETE /api/peer-groups/{id}',
    request: () => ({ method: 'DELETE', url: '/api/peer-groups/999999' }),
    open: { ...all(404), anonymous: 401, adminReadToken: 403 },
    closed: { ...all(404), anonymous: 401, adminReadToken: 403 },
  },
  {
    name: 'GET /api/compare/change',
    op: 'GET /api/compare/change',
    request: () => ({ url: `/api/compare/change?from=tracss-2019-2020&to=${MATRIX_ROUND}` }),
    open: all(200),
    closed: everyCountry,
  },
  // Shared indicators: `read`; each country's plans then follow the plans' own rule.
  {
    name: 'GET /api/compare/indicators',
    op: 'GET /api/compare/indicators',
    request: () => ({ url: '/api/compare/indicators' }),
    open: all(200),
    closed: signedIn(200),
  },
  {
    name: 'GET /api/compare/indicator (TrACSS 7.4)',
    op: 'GET /api/compare/indicator',
    request: async () => {
      const [row] = await database.rows<{ id: number }>(
        sql`select id from indicators where framework_code = 'tracss-2019-2020' and code = '7.4'`,
      );
      return { url: `/api/compare/indicator?indicatorId=${row?.id}` };
    },
    open: all(200),
    closed: signedIn(200),
  },
  {
    name: 'GET /api/rounds',
    op: 'GET /api/rounds',
    request: () => ({ url: '/api/rounds' }),
    open: all(200),
    closed: signedIn(200),
  },
  {
    name: 'POST /api/rounds',
    op: 'POST /api/rounds',
    request: () => ({ method: 'POST', url: '/api/rounds', payload: roundBody(`tracss-m-${++counter}`) }),
    open: adminOnly(201, false),
    closed: adminOnly(201, false),
  },
  {
    name: 'PUT /api/rounds/{code}/mapping',
    op: 'PUT /api/rounds/{code}/mapping',
    request: () => ({ method: 'PUT', url: `/api/rounds/${MATRIX_ROUND}/mapping`, payload: { headerRow: 2 } }),
    open: adminOnly(200, false),
    closed: adminOnly(200, false),
  },
  {
    name: 'POST /api/rounds/{code}/import (not a workbook)',
    op: 'POST /api/rounds/{code}/import',
    request: () => ({
      method: 'POST',
      url: `/api/rounds/${MATRIX_ROUND}/import`,
      payload: { fileName: 'x.xlsx', data: Buffer.from('not a workbook').toString('base64') },
    }),
    open: adminOnly(400, false),
    closed: adminOnly(400, false),
  },
  {
    name: 'GET /api/crosswalk',
    op: 'GET /api/crosswalk',
    request: () => ({ url: `/api/crosswalk?from=tracss-2019-2020&to=${MATRIX_ROUND}` }),
    open: all(200),
    closed: signedIn(200),
  },
  {
    name: 'PUT /api/crosswalk',
    op: 'PUT /api/crosswalk',
    request: () => ({
      method: 'PUT',
      url: '/api/crosswalk',
      payload: { from: 'tracss-2019-2020', to: MATRIX_ROUND, pairs: [] },
    }),
    open: adminOnly(200, false),
    closed: adminOnly(200, false),
  },
  // National action plans: reads follow the country; writes are Jordan's focal point and admins.
  {
    name: 'GET /api/countries/JOR/plans',
    op: 'GET /api/countries/{iso3}/plans',
    request: () => ({ url: '/api/countries/JOR/plans' }),
    open: all(200),
    closed: jordanReaders,
  },
  {
    name: 'GET /api/countries/SYR/plans',
    op: 'GET /api/countries/{iso3}/plans',
    request: () => ({ url: '/api/countries/SYR/plans' }),
    open: all(200),
    closed: syriaReaders,
  },
  {
    name: 'GET /api/plans/{planId} (Jordan)',
    op: 'GET /api/plans/{planId}',
    request: () => ({ url: `/api/plans/${plan.jor}` }),
    open: all(200),
    closed: jordanReaders,
  },
  {
    name: 'POST …/objectives',
    op: 'POST /api/plans/{planId}/objectives',
    request: () => ({
      method: 'POST',
      url: `/api/plans/${plan.jor}/objectives`,
      payload: { code: `M${++counter}`, title: 'Matrix objective' },
    }),
    open: writePlanJor(201),
    closed: writePlanJor(201),
  },
  {
    name: 'PATCH …/objectives/{objectiveId}',
    op: 'PATCH /api/plans/{planId}/objectives/{objectiveId}',
    request: async () => ({
      method: 'PATCH',
      url: `/api/plans/${plan.jor}/objectives/${plan.first.objective}`,
      payload: { sortOrder: 1, version: await versionOf(database, 'plan_objectives', plan.first.objective) },
    }),
    open: writePlanJor(200),
    closed: writePlanJor(200),
  },
  {
    name: 'DELETE …/objectives/{objectiveId}',
    op: 'DELETE /api/plans/{planId}/objectives/{objectiveId}',
    request: async () => {
      const o = await freshObjective(database, plan.jor, `D${++counter}`);
      return { method: 'DELETE', url: `/api/plans/${plan.jor}/objectives/${o.id}?version=${o.version}` };
    },
    open: writePlanJor(200),
    closed: writePlanJor(200),
  },
  {
    name: 'POST …/activities',
    op: 'POST /api/plans/{planId}/activities',
    request: () => ({
      method: 'POST',
      url: `/api/plans/${plan.jor}/activities`,
      payload: { objectiveId: plan.first.objective, code: `M${++counter}`, title: 'Matrix activity' },
    }),
    open: writePlanJor(201),
    closed: writePlanJor(201),
  },
  {
    name: 'PATCH …/activities/{activityId} (Jordan)',
    op: 'PATCH /api/plans/{planId}/activities/{activityId}',
    request: async () => ({
      method: 'PATCH',
      url: `/api/plans/${plan.jor}/activities/${plan.first.activity}`,
      payload: {
        leadAgency: 'Ministry',
        version: await versionOf(database, 'plan_activities', plan.first.activity),
      },
    }),
    open: writePlanJor(200),
    closed: writePlanJor(200),
  },
  {
    name: 'PATCH …/activities/{activityId} (Syria)',
    op: 'PATCH /api/plans/{planId}/activities/{activityId}',
    request: async () => ({
      method: 'PATCH',
      url: `/api/plans/${plan.syr.planId}/activities/${plan.syr.activityId}`,
      payload: {
        leadAgency: 'Ministry',
        version: await versionOf(database, 'plan_activities', plan.syr.activityId),
      },
    }),
    open: writeSyr,
    closed: writeSyr,
  },
  {
    name: 'DELETE …/activities/{activityId}',
    op: 'DELETE /api/plans/{planId}/activities/{activityId}',
    request: async () => {
      const a = await freshActivity(database, plan.first.objective, `D${++counter}`);
      return { method: 'DELETE', url: `/api/plans/${plan.jor}/activities/${a.id}?version=${a.version}` };
    },
    open: writePlanJor(200),
    closed: writePlanJor(200),
  },
  {
    name: 'POST …/indicators (national)',
    op: 'POST /api/plans/{planId}/indicators',
    request: () => ({
      method: 'POST',
      url: `/api/plans/${plan.jor}/indicators`,
      payload: {
        indicator: {
          kind: 'national',
          code: `M-${++counter}`,
          name: 'Matrix indicator',
          measureType: 'number',
        },
        direction: 'decrease',
      },
    }),
    open: writePlanJor(201),
    closed: writePlanJor(201),
  },
  {
    name: 'PATCH …/indicators/{planIndicatorId}',
    op: 'PATCH /api/plans/{planId}/indicators/{planIndicatorId}',
    request: async () => ({
      method: 'PATCH',
      url: `/api/plans/${plan.jor}/indicators/${plan.first.indicator}`,
      payload: { sortOrder: 1, version: await versionOf(database, 'plan_indicators', plan.first.indicator) },
    }),
    open: writePlanJor(200),
    closed: writePlanJor(200),
  },
  {
    name: 'PUT …/indicators/{planIndicatorId}/targets',
    op: 'PUT /api/plans/{planId}/indicators/{planIndicatorId}/targets',
    request: async () => ({
      method: 'PUT',
      url: `/api/plans/${plan.jor}/indicators/${plan.first.indicator}/targets`,
      payload: {
        // The plan's first indicator (of its M&E plan, a percentage).
        targets: [{ year: 2022, value: 90 }],
        version: await versionOf(database, 'plan_indicators', plan.first.indicator),
      },
    }),
    open: writePlanJor(200),
    closed: writePlanJor(200),
  },
  {
    name: 'DELETE …/indicators/{planIndicatorId}',
    op: 'DELETE /api/plans/{planId}/indicators/{planIndicatorId}',
    request: async () => {
      const i = await freshPlanIndicator(database, plan.jor);
      return { method: 'DELETE', url: `/api/plans/${plan.jor}/indicators/${i.id}?version=${i.version}` };
    },
    open: writePlanJor(200),
    closed: writePlanJor(200),
  },
  {
    name: 'POST /api/countries/JOR/plans (the next generation)',
    op: 'POST /api/countries/{iso3}/plans',
    request: () => ({
      method: 'POST',
      url: '/api/countries/JOR/plans',
      payload: { title: 'Matrix plan', periodStart: 2030, periodEnd: 2034 },
    }),
    open: writePlanJor(201),
    closed: writePlanJor(201),
  },
  {
    name: 'PATCH /api/plans/{planId} (Jordan)',
    op: 'PATCH /api/plans/{planId}',
    request: async () => {
      const [row] = await database.rows<{ version: number }>(
        sql`select version from plans where id = ${plan.jor}`,
      );
      return {
        method: 'PATCH',
        url: `/api/plans/${plan.jor}`,
        payload: { sourceNote: `matrix ${++counter}`, version: row?.version },
      };
    },
    open: writePlanJor(200),
    closed: writePlanJor(200),
  },
  {
    name: 'GET /api/plans/{planId}/indicators/{planIndicatorId}/values (Jordan)',
    op: 'GET /api/plans/{planId}/indicators/{planIndicatorId}/values',
    request: () => ({ url: `/api/plans/${plan.jor}/indicators/${plan.first.indicator}/values` }),
    open: all(200),
    closed: jordanReaders,
  },
  {
    name: 'GET /api/plans/{planId}/history (Jordan)',
    op: 'GET /api/plans/{planId}/history',
    request: () => ({ url: `/api/plans/${plan.jor}/history` }),
    open: all(200),
    closed: jordanReaders,
  },
  {
    name: 'GET /api/periods/{periodId}/history (Jordan)',
    op: 'GET /api/periods/{periodId}/history',
    request: () => ({ url: `/api/periods/${plan.period}/history` }),
    // Unapproved values, their history and return reasons: the country's roles only.
    open: jordanReaders,
    closed: jordanReaders,
  },
  {
    name: 'GET /api/periods/{periodId}/rows/{planIndicatorId}/history (Jordan)',
    op: 'GET /api/periods/{periodId}/rows/{planIndicatorId}/history',
    request: () => ({ url: `/api/periods/${plan.period}/rows/${plan.first.indicator}/history` }),
    // Unapproved values, their history and return reasons: the country's roles only.
    open: jordanReaders,
    closed: jordanReaders,
  },
  // Reporting periods and the workflow. Transitions send a stale version: allowed callers
  // get 409 (permission is checked first), so the matrix never moves the period's state.
  {
    name: 'GET /api/plans/{planId}/periods (Jordan)',
    op: 'GET /api/plans/{planId}/periods',
    request: () => ({ url: `/api/plans/${plan.jor}/periods` }),
    open: all(200),
    closed: jordanReaders,
  },
  {
    name: 'POST /api/plans/{planId}/periods (Jordan, next free quarter)',
    op: 'POST /api/plans/{planId}/periods',
    request: async () => {
      const [row] = await database.rows<{ n: number }>(
        sql`select count(*)::int as n from plan_periods where plan_id = ${plan.jor} and kind = 'quarter'`,
      );
      const n = row?.n ?? 0;
      const year = 2018 + Math.floor(n / 4);
      return {
        method: 'POST',
        url: `/api/plans/${plan.jor}/periods`,
        payload: { kind: 'quarter', year, quarter: (n % 4) + 1, dueDate: `${year + 1}-01-31` },
      };
    },
    open: { ...writePlanJor(201), validatorJOR: 201 },
    closed: { ...writePlanJor(201), validatorJOR: 201 },
  },
  {
    name: 'GET /api/periods/{periodId}/entry (Jordan)',
    op: 'GET /api/periods/{periodId}/entry',
    request: () => ({ url: `/api/periods/${plan.period}/entry` }),
    open: all(200),
    closed: jordanReaders,
  },
  {
    name: 'GET /api/periods/{periodId}/template.xlsx (Jordan)',
    op: 'GET /api/periods/{periodId}/template.xlsx',
    request: () => ({ url: `/api/periods/${plan.period}/template.xlsx` }),
    // Unapproved values, their history and return reasons: the country's roles only.
    open: jordanReaders,
    closed: jordanReaders,
  },
  {
    name: 'POST /api/periods/{periodId}/import (dry run, header only)',
    op: 'POST /api/periods/{periodId}/import',
    request: () => ({
      method: 'POST',
      url: `/api/periods/${plan.period}/import?dryRun=true`,
      payload: uploadForm({ name: 'values.csv', data: Buffer.from('framework,indicator\n') }),
    }),
    open: writeJor,
    closed: writeJor,
  },
  ...(['submit', 'approve', 'return', 'reopen'] as const).map(
    (t): Endpoint => ({
      name: `POST /api/periods/{periodId}/${t} (stale version)`,
      op: `POST /api/periods/{periodId}/${t}`,
      request: () => ({
        method: 'POST',
        url: `/api/periods/${plan.period}/${t}`,
        payload: { version: 999_999, reason: 'matrix' },
      }),
      open:
        t === 'submit' ? writePlanJor(409) : { ...all(403), anonymous: 401, admin: 409, validatorJOR: 409 },
      closed:
        t === 'submit' ? writePlanJor(409) : { ...all(403), anonymous: 401, admin: 409, validatorJOR: 409 },
    }),
  ),
  {
    // The matrix's period is a draft: allowed callers get 409 (permission is checked first).
    name: 'POST /api/periods/{periodId}/rows/{planIndicatorId}/validator-comment (draft period)',
    op: 'POST /api/periods/{periodId}/rows/{planIndicatorId}/validator-comment',
    request: () => ({
      method: 'POST',
      url: `/api/periods/${plan.period}/rows/${plan.first.indicator}/validator-comment`,
      payload: { comment: 'matrix' },
    }),
    open: { ...all(403), anonymous: 401, admin: 409, validatorJOR: 409 },
    closed: { ...all(403), anonymous: 401, admin: 409, validatorJOR: 409 },
  },
  {
    name: 'GET /api/due',
    op: 'GET /api/due',
    request: () => ({ url: '/api/due' }),
    open: signedIn(200),
    closed: signedIn(200),
  },
  {
    name: 'GET /api/notifications',
    op: 'GET /api/notifications',
    request: () => ({ url: '/api/notifications' }),
    open: signedIn(200),
    closed: signedIn(200),
  },
  {
    name: 'POST /api/notifications/{notificationId}/read (none)',
    op: 'POST /api/notifications/{notificationId}/read',
    request: () => ({ method: 'POST', url: '/api/notifications/999999/read' }),
    open: { ...all(404), anonymous: 401, adminReadToken: 403 },
    closed: { ...all(404), anonymous: 401, adminReadToken: 403 },
  },
  // Reports: the country report reads as the plan pages, the comparison report as the comparisons.
  {
    name: 'GET /api/reports/country/JOR',
    op: 'GET /api/reports/country/{iso3}',
    request: () => ({ url: '/api/reports/country/JOR' }),
    open: all(200),
    closed: jordanReaders,
  },
  {
    name: 'GET /api/reports/comparison?format=xlsx',
    op: 'GET /api/reports/comparison',
    request: () => ({
      url: '/api/reports/comparison?format=xlsx&framework=tracss-2019-2020&groupType=who_region&group=EMR',
    }),
    open: all(200),
    closed: everyCountry,
  },
  // Data exports: the same permissions as the values they hold.
  {
    name: 'GET /api/exports/values?countries=JOR',
    op: 'GET /api/exports/values',
    request: () => ({ url: '/api/exports/values?countries=JOR&format=json&status=all' }),
    open: all(200),
    closed: jordanReaders,
  },
  {
    name: 'GET /api/exports/values?countries=SYR',
    op: 'GET /api/exports/values',
    request: () => ({ url: '/api/exports/values?countries=SYR&format=csv' }),
    open: all(200),
    closed: syriaReaders,
  },
  {
    name: 'GET /api/exports/adx?countries=JOR',
    op: 'GET /api/exports/adx',
    request: () => ({ url: '/api/exports/adx?countries=JOR&framework=tracss-2019-2020' }),
    open: all(200),
    closed: jordanReaders,
  },
  {
    name: 'GET /api/exports/adx-mapping',
    op: 'GET /api/exports/adx-mapping',
    request: () => ({ url: '/api/exports/adx-mapping' }),
    open: adminOnly(200, true),
    closed: adminOnly(200, true),
  },
  {
    name: 'PUT /api/exports/adx-mapping',
    op: 'PUT /api/exports/adx-mapping',
    request: async () => {
      const rows = await database.rows<{ version: number }>(sql`select version from adx_mappings`);
      return {
        method: 'PUT',
        url: '/api/exports/adx-mapping',
        payload: { mapping: {}, version: rows[0]?.version ?? 0 },
      };
    },
    open: adminOnly(200, false),
    closed: adminOnly(200, false),
  },
  // Country M&E system profiles: reads as the country's data (drafts inside for its roles only), writes
  // by its focal points, approvals by its validators; the side-by-side and learning views hold public
  // layers only and leave out the countries a caller may not read.
  // Briefing sessions are facilitators' working records: facilitators and administrators only,
  // whatever PUBLIC_READ says; a read token reads them, writes need a session or a write token.
  {
    name: 'GET /api/briefing-sessions',
    op: 'GET /api/briefing-sessions',
    request: () => ({ url: '/api/briefing-sessions' }),
    open: everyCountry,
    closed: everyCountry,
  },
  {
    name: 'POST /api/briefing-sessions',
    op: 'POST /api/briefing-sessions',
    request: () => ({ method: 'POST', url: '/api/briefing-sessions', payload: briefingBody() }),
    open: briefingWrite(201),
    closed: briefingWrite(201),
  },
  {
    name: 'GET /api/briefing-sessions/{id}',
    op: 'GET /api/briefing-sessions/{id}',
    request: () => ({ url: `/api/briefing-sessions/${briefing.id}` }),
    open: everyCountry,
    closed: everyCountry,
  },
  {
    // A stale version: who may write gets 409 (access is checked first), the others 403/401.
    name: 'PUT /api/briefing-sessions/{id} (stale version)',
    op: 'PUT /api/briefing-sessions/{id}',
    request: () => ({
      method: 'PUT',
      url: `/api/briefing-sessions/${briefing.id}`,
      payload: { ...briefingBody(), version: 999 },
    }),
    open: briefingWrite(409),
    closed: briefingWrite(409),
  },
  {
    name: 'POST /api/briefing-sessions/{id}/packs',
    op: 'POST /api/briefing-sessions/{id}/packs',
    request: () => ({ method: 'POST', url: `/api/briefing-sessions/${briefing.id}/packs?format=xlsx` }),
    open: briefingWrite(201),
    closed: briefingWrite(201),
  },
  {
    name: 'GET /api/briefing-sessions/{id}/packs/{packId}',
    op: 'GET /api/briefing-sessions/{id}/packs/{packId}',
    request: () => ({ url: `/api/briefing-sessions/${briefing.id}/packs/${briefing.packId}` }),
    open: everyCountry,
    closed: everyCountry,
  },
  {
    name: 'GET /api/countries/JOR/me-profile',
    op: 'GET /api/countries/{iso3}/me-profile',
    request: () => ({ url: '/api/countries/JOR/me-profile' }),
    open: all(200),
    closed: jordanReaders,
  },
  {
    name: 'GET /api/countries/SYR/me-profile',
    op: 'GET /api/countries/{iso3}/me-profile',
    request: () => ({ url: '/api/countries/SYR/me-profile' }),
    open: all(200),
    closed: syriaReaders,
  },
  {
    name: 'GET /api/countries/JOR/me-profile/history',
    op: 'GET /api/countries/{iso3}/me-profile/history',
    request: () => ({ url: '/api/countries/JOR/me-profile/history' }),
    // Drafts, their authors and return reasons: the country's roles only.
    open: jordanReaders,
    closed: jordanReaders,
  },
  {
    name: 'PUT /api/countries/JOR/me-profile/audience',
    op: 'PUT /api/countries/{iso3}/me-profile/{section}',
    request: async () => {
      const rows = await database.rows<{ version: number }>(
        sql`select version from me_profile_sections where country_iso3 = 'JOR' and section = 'audience'`,
      );
      return {
        method: 'PUT',
        url: '/api/countries/JOR/me-profile/audience',
        payload: {
          content: { fields: { audiences: { value: ['public'] } } },
          version: rows[0]?.version ?? 0,
        },
      };
    },
    open: writePlanJor(200),
    closed: writePlanJor(200),
  },
  // Steps send a stale version: allowed callers get 409 (permission is checked first).
  ...(['submit', 'approve', 'return'] as const).map(
    (t): Endpoint => ({
      name: `POST /api/countries/JOR/me-profile/audience/${t} (stale version)`,
      op: `POST /api/countries/{iso3}/me-profile/{section}/${t}`,
      request: () => ({
        method: 'POST',
        url: `/api/countries/JOR/me-profile/audience/${t}`,
        payload: { version: 999_999, reason: 'matrix' },
      }),
      open:
        t === 'submit' ? writePlanJor(409) : { ...all(403), anonymous: 401, admin: 409, validatorJOR: 409 },
      closed:
        t === 'submit' ? writePlanJor(409) : { ...all(403), anonymous: 401, admin: 409, validatorJOR: 409 },
    }),
  ),
  {
    name: 'GET /api/me-profiles/compare',
    op: 'GET /api/me-profiles/compare',
    request: () => ({ url: '/api/me-profiles/compare?groupType=countries&group=SYR,LBN&case=JOR' }),
    open: all(200),
    closed: signedIn(200),
  },
  {
    name: 'GET /api/me-profiles/learning',
    op: 'GET /api/me-profiles/learning',
    request: () => ({ url: '/api/me-profiles/learning?groupType=who_region' }),
    open: all(200),
    closed: signedIn(200),
  },
];

const plan = {
  period: 0,
  jor: 0,
  syr: { planId: 0, objectiveId: 0, activityId: 0 },
  first: { objective: 0, activity: 0, indicator: 0 },
};

const MATRIX_ROUND = 'tracss-matrix';
let sharedGroupId = 0;
const roundBody = (code: string) => ({
  code,
  name: code,
  period: { code: '2021', label: '2021', startDate: '2021-01-01', endDate: '2021-12-31' },
  questions: [{ code: '1.1', name: 'A question', measureType: 'level' as const }],
});

const EMAILS: Partial<Record<Caller, string>> = {
  admin: 'm-admin@example.org',
  facilitator: 'm-fac@example.org',
  validatorJOR: 'm-val@example.org',
  focalJOR: 'm-focal@example.org',
  viewerJOR: 'm-viewer@example.org',
};

beforeAll(async () => {
  database = await openTestDatabase();
  const open = await buildApp({ database, publicRead: true });
  const closed = await buildApp({ database, publicRead: false });
  await Promise.all([open.ready(), closed.ready()]);
  apps = { open, closed };
  await makeUser(database, EMAILS.admin as string, [role('admin')]);
  await makeUser(database, EMAILS.facilitator as string, [role('facilitator')]);
  await makeUser(database, EMAILS.validatorJOR as string, [role('validator', 'JOR')]);
  await makeUser(database, EMAILS.focalJOR as string, [role('focal_point', 'JOR')]);
  await makeUser(database, EMAILS.viewerJOR as string, [role('viewer', 'JOR')]);
  targetUserId = (await makeUser(database, 'm-target@example.org', [role('viewer', 'EGY')])).id;
  await createRound(database.db, roundBody(MATRIX_ROUND), new Date());
  sharedGroupId = (await listGroups(database.db, null)).items[0]?.id ?? 0;
  plan.jor = await jordanPlanId(database);
  await nationalFixture(database, 'JOR');
  await nationalFixture(database, 'SYR');
  plan.syr = await makePlan(database, 'SYR');
  plan.first = await firstElements(database, plan.jor);
  creds.anonymous = null;
  for (const [caller, email] of Object.entries(EMAILS))
    creds[caller as Caller] = { session: await signIn(open, email) };
  const adminSession = (creds.admin as { session: never }).session;
  const focalSession = (creds.focalJOR as { session: never }).session;
  creds.adminReadToken = { token: (await createToken(open, adminSession, 'read')).token };
  creds.focalWriteToken = { token: (await createToken(open, focalSession, 'write')).token };
  const period = await open.inject(
    withCredential(creds.admin, {
      method: 'POST',
      url: `/api/plans/${plan.jor}/periods`,
      payload: { kind: 'year', year: 2021, dueDate: '2022-03-31' },
    }),
  );
  plan.period = period.json().id;
  const session = await open.inject(
    withCredential(creds.admin, { method: 'POST', url: '/api/briefing-sessions', payload: briefingBody() }),
  );
  briefing.id = session.json().id;
  const pack = await open.inject(
    withCredential(creds.admin, {
      method: 'POST',
      url: `/api/briefing-sessions/${briefing.id}/packs?format=xlsx`,
    }),
  );
  briefing.packId = pack.json().id;
});

afterAll(async () => {
  await apps?.open.close();
  await apps?.closed.close();
  await database?.close();
});

describe.each([
  ['PUBLIC_READ=true', 'open'],
  ['PUBLIC_READ=false', 'closed'],
] as const)('role × endpoint matrix, %s', (_label, mode) => {
  it.each(ENDPOINTS.map((e) => [e.name, e] as const))('%s', async (_name, endpoint) => {
    const app = apps[mode];
    const got = {} as Record<Caller, number>;
    for (const caller of CALLERS) {
      let cred = creds[caller];
      if (endpoint.fresh && cred && 'session' in cred)
        cred = { session: await signIn(app, EMAILS[caller] as string) };
      const res = await app.inject(withCredential(cred, await endpoint.request()));
      got[caller] = res.statusCode;
    }
    expect(got).toEqual(endpoint[mode]);
  });
});

describe('the matrix covers every endpoint', () => {
  it('lists every operation of the OpenAPI document', async () => {
    const doc = (await apps.open.inject({ url: '/api/openapi.json' })).json();
    const operations = Object.entries(doc.paths as Record<string, object>).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const covered = new Set(ENDPOINTS.map((e) => e.op));
    expect(operations.filter((op) => !covered.has(op))).toEqual([]);
  });
});

describe('reads restricted to assigned countries (PUBLIC_READ=false)', () => {
  it('a Jordan viewer listing every value sees only Jordan', async () => {
    const res = await apps.closed.inject(withCredential(creds.viewerJOR, { url: '/api/values?limit=1000' }));
    expect(res.statusCode).toBe(200);
    const countries = new Set(res.json().items.map((v: { countryIso3: string }) => v.countryIso3));
    expect([...countries]).toEqual(['JOR']);
    // Jordan's published TrACSS answers (77 in 2019–2020, 103 in 2025), and its national N-PCT value of
    // the matrix (a draft, which a Jordan viewer may see).
    expect(res.json().total).toBe(77 + 103 + 1);
  });

  it('anonymous reads get 401 with the envelope naming authentication', async () => {
    const res = await apps.closed.inject({ url: '/api/countries' });
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toMatch(/^authentication:/);
  });
});
