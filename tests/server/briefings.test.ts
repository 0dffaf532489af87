import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import type { Database } from '../../server/db/client';
import { loadBriefingPackData } from '../../server/modules/briefings/pack-data';
import { BRIEFING_TOPICS, BriefingPackDataSchema, type BriefingSession } from '../../shared';
import { openTestDatabase } from '../setup/test-db';
import { makeUser, role, type Session, signIn, withCredential } from './support/auth';
import {
  DRAFT_MARK,
  EVALUATION,
  FIXTURE_LESSON,
  fakeReader,
  learningOf,
  NAP,
} from './support/briefing-fixtures';
import { openPdf, pageTexts } from './support/reports-pdf';

let database: Database;
let app: FastifyInstance;
const fake = fakeReader();
const s = {} as Record<'admin' | 'facilitator' | 'focal', Session>;
let peersGroupId: number;

beforeAll(async () => {
  database = await openTestDatabase();
  // The app takes the M&E profile reader as a dependency: here a fake answering from fixtures.
  app = await buildApp({ database, meProfileReader: fake.reader });
  await app.ready();
  await makeUser(database, 'b-admin@example.org', [role('admin')]);
  await makeUser(database, 'b-fac@example.org', [role('facilitator')]);
  await makeUser(database, 'b-focal@example.org', [role('focal_point', 'JOR')]);
  s.admin = await signIn(app, 'b-admin@example.org');
  s.facilitator = await signIn(app, 'b-fac@example.org');
  s.focal = await signIn(app, 'b-focal@example.org');
  const groups = (await as('facilitator', { url: '/api/peer-groups' })).json().items as {
    id: number;
    name: string;
  }[];
  peersGroupId = groups.find((g) => g.name === 'Jordan and its peers')?.id ?? 0;
}, 60_000);
afterAll(async () => {
  await app?.close();
  await database?.close();
});
beforeEach(() => {
  fake.calls.length = 0;
  delete fake.answers.learning;
});

const as = (who: keyof typeof s | null, opts: Parameters<typeof withCredential>[1]) =>
  app.inject(withCredential(who ? { session: s[who] } : null, opts));

const SESSION = {
  title: 'Governments Cluster: Jordan’s M&E system',
  date: '2026-03-12',
  groupType: 'saved',
  topics: [...BRIEFING_TOPICS],
  agenda: '1. Welcome\n2. Jordan’s M&E system\n3. Shared challenges',
};

async function createSession(body: Record<string, unknown> = {}, who: keyof typeof s = 'facilitator') {
  const res = await as(who, {
    method: 'POST',
    url: '/api/briefing-sessions',
    payload: { ...SESSION, group: String(peersGroupId), ...body },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as BriefingSession;
}

async function makePack(id: number, format: 'pdf' | 'xlsx') {
  const res = await as('facilitator', {
    method: 'POST',
    url: `/api/briefing-sessions/${id}/packs?format=${format}`,
  });
  expect(res.statusCode, res.body).toBe(201);
  const ref = res.json() as BriefingSession['packs'][number];
  const file = await as('facilitator', { url: `/api/briefing-sessions/${id}/packs/${ref.id}` });
  expect(file.statusCode).toBe(200);
  return { ref, file, bytes: file.rawPayload };
}

const pdfText = async (bytes: Buffer) =>
  (await pageTexts(await openPdf(bytes))).join('\n').replace(/[ \t]+/g, ' ');

const audit = (entity: string) =>
  database.rows<{ entity_id: string; action: string; new: Record<string, unknown>; old: unknown }>(
    sql`select entity_id, action, new, old from audit_log where entity_type = ${entity} order by id`,
  );

describe('briefing sessions: who', () => {
  it('anonymous gets 401 and a focal point 403 on every route; a facilitator and an administrator get in', async () => {
    const session = await createSession();
    const routes = [
      { method: 'GET', url: '/api/briefing-sessions' },
      { method: 'POST', url: '/api/briefing-sessions', payload: { ...SESSION, group: String(peersGroupId) } },
      { method: 'GET', url: `/api/briefing-sessions/${session.id}` },
      {
        method: 'PUT',
        url: `/api/briefing-sessions/${session.id}`,
        payload: { ...SESSION, group: String(peersGroupId), version: 1 },
      },
      { method: 'POST', url: `/api/briefing-sessions/${session.id}/packs?format=pdf` },
      { method: 'GET', url: `/api/briefing-sessions/${session.id}/packs/1` },
    ] as const;
    for (const r of routes) {
      expect((await as(null, r)).statusCode, `${r.method} ${r.url}`).toBe(401);
      const focal = await as('focal', r);
      expect(focal.statusCode, `${r.method} ${r.url}`).toBe(403);
      expect(focal.json().message).toMatch(/^role:/);
    }
    expect(fake.calls).toEqual([]);
    expect((await as('admin', { url: `/api/briefing-sessions/${session.id}` })).statusCode).toBe(200);
    const list = await as('facilitator', { url: '/api/briefing-sessions' });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((x: BriefingSession) => x.id)).toContain(session.id);
  });
});

describe('briefing sessions: documented', () => {
  it('every route is in the OpenAPI document with its schemas', async () => {
    const doc = (await app.inject({ url: '/api/openapi.json' })).json();
    const ops = Object.entries(doc.paths as Record<string, object>)
      .filter(([path]) => path.startsWith('/api/briefing-sessions'))
      .flatMap(([path, o]) => Object.keys(o).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    expect(ops).toEqual([
      'GET /api/briefing-sessions',
      'GET /api/briefing-sessions/{id}',
      'GET /api/briefing-sessions/{id}/packs/{packId}',
      'POST /api/briefing-sessions',
      'POST /api/briefing-sessions/{id}/packs',
      'PUT /api/briefing-sessions/{id}',
    ]);
    const post = doc.paths['/api/briefing-sessions'].post;
    expect(Object.keys(post.requestBody.content['application/json'].schema.properties)).toContain('agenda');
  });
});

describe('briefing sessions: records', () => {
  it('a facilitator records a session: its group resolved to countries by name, defaults filled, audited', async () => {
    const session = await createSession();
    const group = (await as('facilitator', { url: `/api/peer-groups/${peersGroupId}` })).json();
    expect(session).toMatchObject({
      title: SESSION.title,
      date: '2026-03-12',
      groupType: 'saved',
      group: String(peersGroupId),
      caseStudy: 'JOR',
      lang: 'en',
      startedFrom: null,
      version: 1,
      createdBy: { name: 'b-fac' },
      packs: [],
    });
    expect(session.countries.map((c) => c.iso3).sort()).toEqual([...group.members].sort());
    const names = session.countries.map((c) => c.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
    expect(names).toContain('Jordan');
    const rows = (await audit('briefing_session')).filter((r) => r.entity_id === String(session.id));
    expect(rows).toEqual([
      expect.objectContaining({
        action: 'create',
        old: null,
        new: expect.objectContaining({ title: SESSION.title }),
      }),
    ]);
    expect(rows[0]?.new.countries).toEqual(session.countries.map((c) => c.iso3));
  });

  it('an administrator changes it and continues it in a new session; a stale version gets 409 with the current one', async () => {
    const first = await createSession();
    const put = (version: number, body: Record<string, unknown>) =>
      as('admin', {
        method: 'PUT',
        url: `/api/briefing-sessions/${first.id}`,
        payload: { ...SESSION, version, ...body },
      });
    const changed = await put(1, { groupType: 'countries', group: 'JOR,LBN', lang: 'fr', caseStudy: null });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({
      version: 2,
      lang: 'fr',
      caseStudy: null,
      countries: [
        { iso3: 'JOR', name: 'Jordan' },
        { iso3: 'LBN', name: 'Lebanon' },
      ],
    });
    const stale = await put(1, { groupType: 'countries', group: 'JOR', title: 'Overwrite' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toMatch(/^version: stale/);
    expect(stale.json().current).toMatchObject({ id: first.id, version: 2, lang: 'fr' });
    const read = (await as('facilitator', { url: `/api/briefing-sessions/${first.id}` })).json();
    expect(read).toMatchObject({ title: SESSION.title, version: 2 });

    const next = await createSession({ title: 'Follow-up', startedFrom: first.id });
    expect(next.startedFrom).toBe(first.id);
    const self = await as('facilitator', {
      method: 'PUT',
      url: `/api/briefing-sessions/${next.id}`,
      payload: { ...SESSION, group: String(peersGroupId), startedFrom: next.id, version: 1 },
    });
    expect(self.statusCode).toBe(400);
    expect(self.json().issues).toEqual([expect.objectContaining({ path: 'startedFrom' })]);
    const updates = (await audit('briefing_session')).filter(
      (r) => r.entity_id === String(first.id) && r.action === 'update',
    );
    expect(updates).toHaveLength(1);
    expect(updates[0]?.old).toMatchObject({ lang: 'en' });
    expect(updates[0]?.new).toMatchObject({ lang: 'fr', countries: ['JOR', 'LBN'] });
    expect((await as('facilitator', { url: '/api/briefing-sessions/999999' })).statusCode).toBe(404);
  });

  it('bounds every input: 400 naming the field', async () => {
    const post = (body: Record<string, unknown>) =>
      as('facilitator', {
        method: 'POST',
        url: '/api/briefing-sessions',
        payload: { ...SESSION, group: String(peersGroupId), ...body },
      });
    const cases: [Record<string, unknown>, string][] = [
      [{ agenda: 'x'.repeat(4001) }, 'agenda'],
      [{ title: '' }, 'title'],
      [{ topics: [] }, 'topics'],
      [{ topics: ['tracss', 'tracss'] }, 'topics'],
      [{ lang: 'de' }, 'lang'],
      [{ groupType: 'all', group: null }, 'group'],
      [{ caseStudy: 'ZZZ' }, 'caseStudy'],
      [{ startedFrom: 999_999 }, 'startedFrom'],
    ];
    for (const [body, field] of cases) {
      const res = await post(body);
      expect(res.statusCode, field).toBe(400);
      // Schema errors name the field under body (body.agenda), the service's rules name it alone.
      expect(res.json().message, field).toMatch(new RegExp(`^(body\\.)?${field}\\b`));
    }
    const big = await post({ groupType: 'all', group: null });
    expect(big.json().message).toMatch(/at most 60 countries/);
    expect(big.json().issues).toEqual([expect.objectContaining({ path: 'group' })]);
    expect((await post({ agenda: 'x'.repeat(4000) })).statusCode).toBe(201);
  });
});

describe('briefing packs', () => {
  it('a PDF pack is made now from the session’s countries, kept, listed, and downloaded byte for byte', async () => {
    const session = await createSession();
    const { ref, file, bytes } = await makePack(session.id, 'pdf');
    expect(ref).toMatchObject({
      format: 'pdf',
      lang: 'en',
      bytes: bytes.length,
      createdBy: { name: 'b-fac' },
    });
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(ref.sha256);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toBe(
      'attachment; filename="briefing-2026-03-12-governments-cluster-jordan-s-m-e-system.pdf"',
    );
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const read = (await as('facilitator', { url: `/api/briefing-sessions/${session.id}` })).json();
    expect(read.packs).toEqual([ref]);
    // The reader was asked about the countries saved with the session, the case study first.
    const codes = session.countries.map((c) => c.iso3).join(',');
    expect(fake.calls).toEqual(
      expect.arrayContaining([
        { method: 'publicProfile', query: 'JOR' },
        { method: 'compare', query: { groupType: 'countries', group: codes, case: 'JOR' } },
        { method: 'learning', query: { groupType: 'countries', group: codes, case: 'JOR' } },
      ]),
    );
    const rows = (await audit('briefing_pack')).filter((r) => r.entity_id === String(ref.id));
    expect(rows).toEqual([
      expect.objectContaining({
        action: 'create',
        new: expect.objectContaining({ sha256: ref.sha256, format: 'pdf' }),
      }),
    ]);
    expect(
      (await as('facilitator', { url: `/api/briefing-sessions/${session.id}/packs/999999` })).statusCode,
    ).toBe(404);
  });

  it('holds the data of its time: a later pack shows what changed, the first stays as it was sent', async () => {
    const session = await createSession({ groupType: 'countries', group: 'JOR,EGY', topics: ['learning'] });
    const first = await makePack(session.id, 'pdf');
    const later = learningOf(session.countries);
    const [lesson] = later.lessons;
    if (!lesson) throw new Error('the fixture has a lesson');
    later.lessons.push({ ...lesson, title: 'A lesson recorded after the first pack' });
    fake.answers.learning = later;
    const second = await makePack(session.id, 'pdf');
    expect(second.ref.sha256).not.toBe(first.ref.sha256);
    expect(await pdfText(second.bytes)).toContain('A lesson recorded after the first pack');
    const again = await as('facilitator', {
      url: `/api/briefing-sessions/${session.id}/packs/${first.ref.id}`,
    });
    expect(createHash('sha256').update(again.rawPayload).digest('hex')).toBe(first.ref.sha256);
    expect(await pdfText(again.rawPayload)).not.toContain('A lesson recorded after the first pack');
    const read = (await as('facilitator', { url: `/api/briefing-sessions/${session.id}` })).json();
    expect(read.packs.map((p: { id: number }) => p.id)).toEqual([second.ref.id, first.ref.id]);
  });

  it('reads back in English: the case study’s steps, yes/no as words, challenges, sources; no draft', async () => {
    const session = await createSession();
    const text = await pdfText((await makePack(session.id, 'pdf')).bytes);
    for (const want of [
      'Briefing pack',
      SESSION.title,
      'Public data only: published sources and approved national content',
      'Agenda',
      'Case study profile — Jordan',
      '1. M&E audience',
      '6. The M&E plan',
      '8. Periodic reviews',
      'A chapter of the NAP [',
      'Total NAP budget (US dollars)',
      '$7,594,700',
      'Yes [',
      'Side by side',
      'Digital systems',
      'Laboratory capacity',
      FIXTURE_LESSON,
      'TrACSS levels on M&E questions',
      'Implementation by objective',
      'Sources',
      NAP.title,
      EVALUATION.title,
      'TrACSS 2019–2020: the Tracking AMR Country Self-assessment Survey',
      'Published source',
      'National, approved',
      'Page 1 of',
    ])
      expect(text, want).toContain(want);
    expect(text).not.toContain(DRAFT_MARK);
    expect(text).not.toMatch(/[✓✗]/);
  });

  it('reads back in French: the same parts in French, country names in French', async () => {
    const session = await createSession({ lang: 'fr' });
    const text = await pdfText((await makePack(session.id, 'pdf')).bytes);
    for (const want of [
      'Dossier de séance',
      'Données publiques uniquement',
      'Ordre du jour',
      'Profil de l’étude de cas — Jordanie',
      '6. Le plan de S&E',
      'Un chapitre du PAN [',
      'Oui [',
      'Côte à côte',
      'Égypte',
      'Systèmes numériques',
      'Sources',
      NAP.title,
      'Mise en œuvre par objectif',
      'Page 1 sur',
    ])
      expect(text, want).toContain(want);
    expect(text).not.toContain('Case study profile');
  });

  it('names once the countries of a large group with no public profile, and leaves them out of the tables', async () => {
    const session = await createSession({ groupType: 'who_region', group: 'EMR', topics: ['governance'] });
    const n = session.countries.length;
    expect(n).toBeGreaterThan(10);
    const text = await pdfText((await makePack(session.id, 'pdf')).bytes);
    const { packs: _, ...fields } = session;
    const data = await loadBriefingPackData(fields, fake.reader);
    const answered = new Set(
      data.compare.rows.flatMap((r) => r.cells.filter((c) => c.value !== null).map((c) => c.iso3)),
    );
    const shown = data.compare.countries.filter((c) => answered.has(c.iso3) || c.iso3 === 'JOR');
    const left = data.compare.countries.filter((c) => !shown.some((s) => s.iso3 === c.iso3));
    expect(left.length).toBeGreaterThan(0);
    expect(text).toContain('No public M&E profile yet, left out of the tables below:');
    expect(text).toContain(left[0]?.name);
    if (shown.length > 5) {
      const per = Math.ceil(shown.length / Math.ceil(shown.length / 5));
      expect(text).toContain(`Countries 1–${per} of ${shown.length}`);
    } else expect(text).not.toContain(`of ${n}`);
  });

  it('is a workbook too: a sheet per part, header rows frozen, the answers in cells; right to left in Arabic', async () => {
    const session = await createSession();
    const { ref, file, bytes } = await makePack(session.id, 'xlsx');
    expect(ref.format).toBe('xlsx');
    expect(file.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(file.headers['content-disposition']).toMatch(/filename="briefing-2026-03-12-.*\.xlsx"/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Session',
      'Profile',
      'Side by side',
      'TrACSS',
      'Implementation',
      'Challenges',
      'Lessons',
      'Sources',
    ]);
    const profile = wb.getWorksheet('Profile');
    expect(profile?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const budget = profile
      ?.getRows(1, profile.rowCount)
      ?.find((r) => r.getCell(2).value === 'Total NAP budget (US dollars)');
    expect(budget?.getCell(3).value).toBe(7_594_700);
    const jordan = wb
      .getWorksheet('TrACSS')
      ?.getRows(2, 20)
      ?.find((r) => r.getCell(2).value === 'JOR');
    expect(jordan?.getCell(3).value).toBe('B');
    const sources = wb.getWorksheet('Sources');
    expect(sources?.getColumn(2).values).toContain(NAP.title);

    const arabic = await createSession({ lang: 'ar' });
    const ar = new ExcelJS.Workbook();
    await ar.xlsx.load((await makePack(arabic.id, 'xlsx')).bytes as never);
    expect(ar.worksheets[0]?.name).toBe('الجلسة');
    for (const ws of ar.worksheets) expect(ws.views[0]?.rightToLeft, ws.name).toBe(true);
  });

  it('says so when the session has no case study', async () => {
    const session = await createSession({ caseStudy: null, topics: ['case_study', 'audience'] });
    const text = await pdfText((await makePack(session.id, 'pdf')).bytes);
    expect(fake.calls.map((c) => c.method)).not.toContain('publicProfile');
    expect(fake.calls).toContainEqual(
      expect.objectContaining({ query: expect.objectContaining({ case: 'none' }) }),
    );
    expect(text).toContain('Case study None');
  });
});

describe('briefing pack data', () => {
  it('is valid pack data with nothing unapproved, even when a reader hands a draft over', async () => {
    const session = await createSession({ groupType: 'countries', group: 'EGY,JOR' });
    const { packs: _, ...fields } = session;
    const data = await loadBriefingPackData(fields, fake.reader, new Date('2026-03-02T10:00:00Z'));
    expect(BriefingPackDataSchema.parse(data)).toEqual(data);
    expect(data.generatedAt).toBe('2026-03-02T10:00:00.000Z');
    expect(data.compare.countries.map((c) => c.iso3)).toEqual(['JOR', 'EGY']);
    // The fixture's profile has a draft of "timelines"; the pack keeps public layers only.
    expect((await fake.reader.publicProfile('JOR'))?.sections.some((x) => x.draft)).toBe(true);
    expect(data.caseStudy?.sections.every((x) => x.draft === null)).toBe(true);
    expect(JSON.stringify(data)).not.toContain(DRAFT_MARK);
  });
});
