import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { Database } from '../../../server/db/client';
import { putCrosswalk } from '../../../server/modules/rounds/crosswalk-service';
import { createRound } from '../../../server/modules/rounds/service';
import { allowPublishedWrite } from '../../../server/modules/visibility/published-write-repository';
import { openTestApp } from '../../setup/test-db';
import { makeUser, role, type Session, signIn, withCredential } from './auth';
import { openPdf, pageTexts } from './reports-pdf';
import { PUBLIC, SECRET, type TrustFixture, trustFixture } from './trust';
import { as } from './workflow';

/*
 * The walk of tests/server/visibility-walk-*.test.ts. One visibility rule on every read path: every
 * GET operation of the OpenAPI document, called with every parameter that can reach national data, as an anonymous visitor and as a signed-in user
 * without a role in the countries (PUBLIC_READ=true), must never show a value or a comment of a
 * period that is not approved — nor a return's reason — in JSON, CSV, XML, XLSX or PDF.
 */
let app: FastifyInstance;
let database: Database;
let fx: TrustFixture;
let outsider: Session;
let indicatorIds: number[] = [];
const WALK_ROUND = 'tracss-walk';

/**
 * The walk's world: the trust fixture (approved, draft, submitted and returned national data of
 * Jordan and Syria), Jordan's M&E profile drafts, an outsider, a second round with its crosswalk.
 * Returns what the tests use and how to close it.
 */
export async function openWalk() {
  const opened = await openTestApp();
  ({ app, database } = opened);
  await onlyRegionPublished(database);
  fx = await trustFixture(app, database);
  await makeUser(database, 'tr-outsider@example.org', [role('viewer', 'EGY')]);
  outsider = await signIn(app, 'tr-outsider@example.org');
  const rows = await database.rows<{ id: number }>(
    sql`select id from indicators where code in ('VW-NUM', 'SY-NUM') order by id`,
  );
  indicatorIds = rows.map((r) => r.id);
  await meProfileDrafts();
  // A second round and its crosswalk, so the change view and the crosswalk answer too.
  await createRound(
    database.db,
    {
      code: WALK_ROUND,
      name: 'Walk round',
      period: { code: '2021', label: '2021', startDate: '2021-01-01', endDate: '2021-12-31' },
      questions: [{ code: '4.1', name: 'Coordination', measureType: 'level' }],
    },
    new Date(),
  );
  await putCrosswalk(database.db, {
    from: 'tracss-2019-2020',
    to: WALK_ROUND,
    pairs: [{ from: '4.1', to: '4.1', comparability: 'comparable' }],
  });
  return { app, fx, outsider: () => outsider, close: opened.close };
}

/**
 * The published answers of countries outside Jordan's WHO region (EMR) removed, as an administrator's
 * re-import may (the database's guard allows it only so). They hold no secret to leak and the walk
 * still calls every path over every country. The whole-database exports, called once per parameter,
 * spent 57 s of the walk's 85 s on PGlite writing those 27,000 answers (with the exports' batching
 * of countries, server/modules/exports/batches.ts, the walk now takes 37 s).
 */
async function onlyRegionPublished(db: Database) {
  await db.db.transaction(async (tx) => {
    await allowPublishedWrite(tx);
    await tx.execute(sql`delete from indicator_values v using countries c
      where c.iso3 = v.country_iso3 and c.who_region is distinct from 'EMR'`);
  });
}

/**
 * Jordan's M&E profile with unapproved content in every draft state: an approved learning section
 * under a new draft, a returned section (its reason), a submitted one; the public must see none of it.
 */
async function meProfileDrafts() {
  const put = async (section: string, content: object) => {
    const [row] = await database.rows<{ version: number }>(
      sql`select version from me_profile_sections where country_iso3 = 'JOR' and section = ${section}`,
    );
    const res = await as(app, fx.focal, 'PUT', `/api/countries/JOR/me-profile/${section}`, {
      content,
      version: row?.version ?? 0,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().version as number;
  };
  const step = async (who: Session, section: string, t: string, body: object) => {
    const res = await as(app, who, 'POST', `/api/countries/JOR/me-profile/${section}/${t}`, body);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().version as number;
  };
  let v = await put('learning', { lessons: [{ title: 'An approved lesson', objectives: [1] }] });
  v = await step(fx.focal, 'learning', 'submit', { version: v });
  await step(fx.validator, 'learning', 'approve', { version: v });
  await put('learning', {
    challenges: [{ code: 'me_funding', note: 'SECRET-DRAFT-MARK' }],
    lessons: [{ title: 'SECRET-TEXT-MARK', objectives: [1] }],
  });
  v = await put('audience', { fields: { primary_user: { value: 'SECRET-RETURNED-MARK' } } });
  v = await step(fx.focal, 'audience', 'submit', { version: v });
  await step(fx.validator, 'audience', 'return', { version: v, reason: 'SECRET-REASON-MARK' });
  v = await put('governance', { fields: { coordinating_body: { value: 'SECRET-SUBMITTED-MARK' } } });
  await step(fx.focal, 'governance', 'submit', { version: v });
}

interface Param {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: { enum?: string[] };
}

/** Values that reach national data, for every parameter name the API uses. */
function candidates(name: string, path: string): string[] {
  // Two rounds for the change view and the crosswalk; years elsewhere (exports, reports).
  if (/change|crosswalk/.test(path) && (name === 'from' || name === 'to'))
    return [name === 'from' ? 'tracss-2019-2020' : WALK_ROUND];
  const table: Record<string, string[]> = {
    iso3: ['JOR', 'SYR'],
    country: ['JOR', 'SYR'],
    countries: ['JOR,SYR'],
    planId: [String(fx.jordanPlan), String(fx.syriaPlan)],
    plan: [String(fx.jordanPlan), String(fx.syriaPlan)],
    periodId: Object.values(fx.periods).map(String),
    planIndicatorId: fx.planIndicators.map(String),
    code: ['tracss-2019-2020', 'national-jor', 'national-syr'],
    framework: ['tracss-2019-2020', 'national-jor', 'national-syr'],
    indicatorCode: ['VW-NUM', 'VW-PCT'],
    indicator: ['VW-NUM'],
    indicatorId: indicatorIds.map(String),
    status: ['all'],
    source: ['national'],
    groupType: ['all', 'countries'],
    group: ['JOR,SYR'],
    format: ['csv', 'json', 'ndjson', 'xlsx', 'pdf'],
    lang: ['en'],
    entityType: ['plan_indicator', 'indicator'],
    ids: indicatorIds.map(String),
    id: ['1'],
    limit: ['1000'],
  };
  return table[name] ?? [];
}

/** Every URL to try for an operation: each value of each parameter, on top of the required ones. */
function urls(path: string, params: Param[]): string[] {
  const pathParams = params.filter((p) => p.in === 'path');
  const query = params.filter((p) => p.in === 'query');
  const values = (p: Param) => {
    const wanted = candidates(p.name, path);
    if (!p.schema?.enum) return wanted;
    const allowed = p.schema.enum.filter((v) => wanted.includes(v));
    return allowed.length ? allowed : p.schema.enum;
  };
  const base = Object.fromEntries(query.filter((p) => p.required).map((p) => [p.name, values(p)[0] ?? '1']));
  // Each value of each parameter that can reach national data, on top of the required ones; the
  // other optional parameters keep their defaults.
  const variants: Record<string, string>[] = [base];
  for (const p of query)
    for (const v of values(p)) if (base[p.name] !== v) variants.push({ ...base, [p.name]: v });
  let paths = [path];
  for (const p of pathParams) {
    const vs = candidates(p.name, path);
    paths = paths.flatMap((x) =>
      (vs.length ? vs : ['1']).map((v) => x.replace(`{${p.name}}`, encodeURIComponent(v))),
    );
  }
  return paths.flatMap((x) =>
    variants.map((q) => `${x}${Object.keys(q).length ? `?${new URLSearchParams(q)}` : ''}`),
  );
}

/** The answer as text, whatever its format. */
async function textOf(res: { headers: Record<string, unknown>; rawPayload: Buffer; body: string }) {
  const type = String(res.headers['content-type'] ?? '');
  if (type.includes('pdf')) return (await pageTexts(await openPdf(res.rawPayload))).join('\n');
  if (type.includes('spreadsheetml')) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    return wb.worksheets.map((ws) => JSON.stringify(ws.getSheetValues())).join('\n');
  }
  return res.body;
}

/** Grouping separators out, so that 22,222.5 and 22 222,5 read as 22222.5 and 22222,5. */
const normalised = (text: string) => text.replace(/(\d)[,\s\u00a0\u202f](?=\d{3}\b)/g, '$1');

function leaks(text: string): string[] {
  const t = normalised(text);
  return [
    ...SECRET.texts.filter((s) => t.includes(s)),
    ...SECRET.numbers.filter((n) => t.includes(n) || t.includes(n.replace('.', ','))),
  ];
}

/**
 * Every GET operation of the OpenAPI document, with every parameter value that can reach national
 * data, as this caller (null: anonymous): no unapproved value, comment or reason in any answer.
 */
export async function walkEveryReadPath(session: () => Session | null) {
  const doc = (await app.inject({ url: '/api/openapi.json' })).json();
  const found: string[] = [];
  const answered = new Map<string, number[]>();
  let control = false;
  for (const [path, ops] of Object.entries(
    doc.paths as Record<string, Record<string, { parameters?: Param[] }>>,
  )) {
    const get = ops.get;
    if (!get || path === '/api/openapi.json') continue;
    for (const url of urls(path, get.parameters ?? [])) {
      const s = session();
      const res = await app.inject(withCredential(s ? { session: s } : null, { url }));
      answered.set(path, [...(answered.get(path) ?? []), res.statusCode]);
      expect(res.statusCode, `${url} ${res.body.slice(0, 200)}`).toBeLessThan(500);
      if (res.statusCode !== 200) continue;
      const text = await textOf(res);
      for (const l of leaks(text)) found.push(`${url}: ${l}`);
      if (normalised(text).includes(PUBLIC.number)) control = true;
    }
  }
  expect(found).toEqual([]);
  // The walk did see national data: the approved period's value is public.
  expect(control).toBe(true);
  // Every GET operation was called, and answered 200 at least once but for those of a signed-in
  // user's own account, of administrators and facilitators (users, briefing sessions), and of
  // unapproved data (history, the entry template).
  const never200 = [...answered].filter(([, codes]) => !codes.includes(200)).map(([p]) => p);
  const own = ['/api/auth/me', '/api/due', '/api/notifications', '/api/tokens'];
  expect(never200.sort()).toEqual(
    [
      ...(session() ? [] : own),
      '/api/briefing-sessions',
      '/api/briefing-sessions/{id}',
      '/api/briefing-sessions/{id}/packs/{packId}',
      '/api/countries/{iso3}/me-profile/history',
      '/api/exports/adx-mapping',
      '/api/periods/{periodId}/history',
      '/api/periods/{periodId}/rows/{planIndicatorId}/history',
      '/api/periods/{periodId}/template.xlsx',
      '/api/users',
      '/api/users/{id}',
      '/api/users/{id}/tokens',
    ].sort(),
  );
}
