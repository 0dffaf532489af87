import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import type { Database } from '../../server/db/client';
import { createMeProfileReader } from '../../server/modules/me-profiles/reader';
import {
  ME_CHALLENGES,
  ME_FIELDS,
  ME_STEPS,
  ME_TRACSS_QUESTIONS,
  MeCompareSchema,
  MeLearningSchema,
} from '../../shared';
import { openTestDatabase } from '../setup/test-db';
import { makeUser, role, type Session, signIn } from './support/auth';
import { approveSection, governance, loadFixture, storedSection, url } from './support/me-profiles';
import { jordanPlanId, makePlan } from './support/plans';
import { as } from './support/workflow';

let database: Database;
let app: FastifyInstance;
const s = {} as Record<'focal' | 'validator' | 'focalSyr' | 'validatorSyr' | 'facilitator', Session>;
// Marks draft content: it must never reach a public view, whoever asks.
const SECRET = 'Unapproved draft marker';

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildApp({ database });
  await app.ready();
  const users = {
    focal: role('focal_point', 'JOR'),
    validator: role('validator', 'JOR'),
    focalSyr: role('focal_point', 'SYR'),
    validatorSyr: role('validator', 'SYR'),
    facilitator: role('facilitator'),
  };
  for (const [who, r] of Object.entries(users)) {
    await makeUser(database, `mev-${who}@example.org`, [r]);
    s[who as keyof typeof s] = await signIn(app, `mev-${who}@example.org`);
  }
  // Jordan: the fixture's published layer (governance, indicators, learning), then an approved governance.
  await loadFixture(database);
  await approveSection(app, { focal: s.focal, validator: s.validator }, 'JOR', 'governance', governance());
  // Syria: an approved plan without published rates, approved governance and learning, and drafts.
  await makePlan(database, 'SYR');
  const syr = { focal: s.focalSyr, validator: s.validatorSyr };
  await approveSection(app, syr, 'SYR', 'governance', {
    fields: { multisectoral_committee: { value: false } },
  });
  await approveSection(app, syr, 'SYR', 'learning', {
    challenges: [
      { code: 'me_funding', note: 'No budget line for M&E', sources: [1] },
      { code: 'data_quality' },
    ],
    lessons: [
      {
        challenge: 'data_quality',
        title: 'Quarterly data review',
        objectives: [2],
        sectors: ['human_health'],
      },
      { challenge: 'me_funding', title: 'Pooled donor funding', objectives: [5], sectors: ['environment'] },
    ],
    sources: [{ title: 'Syria workshop notes' }],
  });
  for (const [iso3, who] of [
    ['SYR', s.focalSyr],
    ['JOR', s.focal],
  ] as const) {
    const [row] = await database.rows<{ version: number }>(
      sql`select version from me_profile_sections where country_iso3 = ${iso3} and section = 'learning'`,
    );
    const res = await as(app, who, 'PUT', url(iso3, 'learning'), {
      content: { challenges: [{ code: 'reporting_burden', note: SECRET }], lessons: [{ title: SECRET }] },
      version: row?.version ?? 0,
    });
    expect(res.statusCode, res.body).toBe(200);
  }
  const indicators = await as(app, s.focal, 'PUT', url('JOR', 'indicators'), {
    content: { fields: { indicator_count: { value: 98765 } }, text: SECRET },
    version: 0,
  });
  expect(indicators.statusCode, indicators.body).toBe(200);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const compareUrl = '/api/me-profiles/compare?groupType=countries&group=SYR&case=JOR';
const learningUrl = (q = '') => `/api/me-profiles/learning?groupType=countries&group=SYR,JOR${q}`;
type Cell = { iso3: string; value: unknown; provenance: string | null; sources: { title: string }[] };
type Row = { section: string; field: string; cells: Cell[] };
const cell = (rows: Row[], field: string, iso3: string) =>
  rows.find((r) => r.field === field)?.cells.find((c) => c.iso3 === iso3);

describe('the published layer', () => {
  it('is loaded from its file and shown as published where nothing is approved', async () => {
    const profile = (await app.inject({ url: url('JOR') })).json();
    const indicators = profile.sections.find((x: { section: string }) => x.section === 'indicators');
    expect(indicators.published).toMatchObject({
      dataset: 'test-me-profile',
      content: { fields: { indicator_count: { value: 12, sources: [1] } } },
    });
    // The draft saved over it is the country's own layer: the public does not see it.
    expect(indicators.draft).toBeNull();
    expect(indicators.approved).toBeNull();
  });

  it('is never written by a save or an approval, and the loader never writes the other layers', async () => {
    const before = await storedSection(database, 'JOR', 'governance');
    expect(before?.published_dataset).toBe('test-me-profile');
    expect(before?.approved_content).not.toBeNull();
    const v = before?.version as number;
    const saved = await as(app, s.focal, 'PUT', url('JOR', 'governance'), {
      content: governance('Edited'),
      version: v,
    });
    expect(saved.statusCode).toBe(200);
    const afterSave = await storedSection(database, 'JOR', 'governance');
    expect(afterSave?.published_content).toEqual(before?.published_content);
    expect(afterSave?.published_loaded_at).toEqual(before?.published_loaded_at);

    // A re-import of an unchanged file changes nothing at all.
    expect(await loadFixture(database)).toEqual({ loaded: 0, removed: 0 });
    expect(await storedSection(database, 'JOR', 'governance')).toEqual(afterSave);
  });

  it('drops a section its file no longer has, keeping the national layers, and audits the load', async () => {
    const { readFile, writeFile, mkdtemp } = await import('node:fs/promises');
    const os = await import('node:os');
    const path = await import('node:path');
    const { FIXTURE } = await import('./support/me-profiles');
    const json = JSON.parse(await readFile(FIXTURE.file, 'utf8'));
    delete json.sections.governance;
    json.sections.indicators.fields.indicator_count.value = 13;
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'me-profile-')), 'profile.json');
    await writeFile(file, JSON.stringify(json));
    const before = await storedSection(database, 'JOR', 'governance');
    const indicatorsBefore = await storedSection(database, 'JOR', 'indicators');

    expect(await loadFixture(database, [{ ...FIXTURE, file }])).toEqual({ loaded: 1, removed: 1 });
    const governanceAfter = await storedSection(database, 'JOR', 'governance');
    expect(governanceAfter).toMatchObject({ published_content: null, published_dataset: null });
    expect(governanceAfter?.approved_content).toEqual(before?.approved_content);
    expect(governanceAfter?.draft_content).toEqual(before?.draft_content);
    expect(governanceAfter?.version).toBe(before?.version);
    const indicatorsAfter = await storedSection(database, 'JOR', 'indicators');
    expect(indicatorsAfter?.published_content).toMatchObject({ fields: { indicator_count: { value: 13 } } });
    expect(indicatorsAfter?.draft_content).toEqual(indicatorsBefore?.draft_content);
    expect(indicatorsAfter?.version).toBe(indicatorsBefore?.version);
    const audit = await database.rows<{ entity_id: string; action: string; user_id: number | null }>(sql`
      select entity_id, action, user_id from audit_log
      where entity_type = 'me_profile_section' and action in ('publish', 'unpublish') order by id`);
    expect(audit.slice(-2)).toEqual([
      { entity_id: 'JOR:governance', action: 'unpublish', user_id: null },
      { entity_id: 'JOR:indicators', action: 'publish', user_id: null },
    ]);
    // Back to the fixture as shipped to the other tests.
    expect(await loadFixture(database)).toEqual({ loaded: 2, removed: 0 });
  });

  it('skips an absent file quietly, and fails loudly naming the file and the path of bad content', async () => {
    const { writeFile, mkdtemp } = await import('node:fs/promises');
    const os = await import('node:os');
    const path = await import('node:path');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'me-profile-'));
    const absent = { dataset: 'nothing-here', file: path.join(dir, 'absent.json') };
    expect(await loadFixture(database, [absent])).toEqual({ loaded: 0, removed: 0 });
    const bad = path.join(dir, 'bad.json');
    await writeFile(
      bad,
      JSON.stringify({
        dataset: 'bad',
        country: 'JOR',
        sections: { indicators: { fields: { indicator_count: { value: -2 } } } },
      }),
    );
    await expect(loadFixture(database, [{ dataset: 'bad', file: bad }])).rejects.toThrow(
      `M&E profile ${bad}: sections.indicators.fields.indicator_count.value:`,
    );
    await expect(loadFixture(database, [{ dataset: 'other', file: bad }])).rejects.toThrow(
      /dataset: is "bad"/,
    );
  });
});

describe('side by side', () => {
  it('puts the case study first and gives every comparable field one cell per country, public layers only', async () => {
    const res = await app.inject({ url: compareUrl });
    expect(res.statusCode, res.body).toBe(200);
    const body = MeCompareSchema.parse(res.json());
    expect(body.countries.map((c) => c.iso3)).toEqual(['JOR', 'SYR']);
    const fields = ME_STEPS.flatMap((step) =>
      ME_FIELDS[step].filter((f) => f.compare).map((f) => `${step}.${f.key}`),
    );
    expect(body.rows.map((r) => `${r.section}.${r.field}`)).toEqual(fields);
    for (const r of body.rows) expect(r.cells.map((c) => c.iso3)).toEqual(['JOR', 'SYR']);

    // Jordan's approved governance wins over its published one; its indicators are the published layer.
    expect(cell(body.rows, 'multisectoral_committee', 'JOR')).toEqual({
      iso3: 'JOR',
      value: true,
      provenance: 'national_approved',
      sources: [{ title: 'NAP 2018–2022', locator: 'ch. 4', url: null }],
    });
    expect(cell(body.rows, 'indicator_count', 'JOR')).toEqual({
      iso3: 'JOR',
      value: 12,
      provenance: 'published',
      sources: [
        { title: 'Another invented test document', locator: null, url: 'https://example.org/fixture' },
      ],
    });
    expect(cell(body.rows, 'multisectoral_committee', 'SYR')).toMatchObject({
      value: false,
      provenance: 'national_approved',
    });
    expect(cell(body.rows, 'indicator_count', 'SYR')).toEqual({
      iso3: 'SYR',
      value: null,
      provenance: null,
      sources: [],
    });
    expect(JSON.stringify(body)).not.toContain('98765');
  });

  it('shows the M&E questions of the latest TrACSS round and the published implementation rates', async () => {
    const body = MeCompareSchema.parse((await app.inject({ url: compareUrl })).json());
    expect(body.tracss?.framework).toBe('tracss-2025');
    expect(body.tracss?.questions.map((q) => q.code)).toEqual(ME_TRACSS_QUESTIONS['tracss-2025']);
    const levels = await database.rows<{ code: string; country_iso3: string; level: string }>(sql`
      select i.code, v.country_iso3, v.level from indicator_values v join indicators i on i.id = v.indicator_id
      where i.framework_code = 'tracss-2025' and v.country_iso3 in ('JOR', 'SYR')`);
    for (const q of body.tracss?.questions ?? [])
      for (const l of q.levels)
        expect(l.level).toBe(
          levels.find((x) => x.code === q.code && x.country_iso3 === l.iso3)?.level ?? null,
        );
    expect(body.tracss?.questions.some((q) => q.levels[0]?.level !== null)).toBe(true);

    const jordan = body.implementation.find((i) => i.iso3 === 'JOR');
    const rates = await database.rows<{ title: string; published_rate: number | null }>(sql`
      select title, published_rate from plan_objectives where plan_id = ${await jordanPlanId(database)}
      order by sort_order`);
    expect(jordan?.objectives).toEqual(
      rates.map((r, i) => ({
        number: i + 1,
        title: r.title,
        rate: r.published_rate === null ? null : Number(r.published_rate),
        provenance: 'published',
      })),
    );
    expect(jordan?.objectives.map((o) => o.rate)).toEqual([47, 56, 63, 69, null]);
    expect(body.implementation.find((i) => i.iso3 === 'SYR')).toEqual({
      iso3: 'SYR',
      planName: 'SYR NAP',
      objectives: [],
    });
  });

  it('refuses a group too large to read side by side, and an unknown case study', async () => {
    const all = await app.inject({ url: '/api/me-profiles/compare?groupType=all' });
    expect(all.statusCode).toBe(400);
    expect(all.json().message).toMatch(/^group: at most 60 countries side by side/);
    expect((await app.inject({ url: '/api/me-profiles/compare?case=XXX' })).statusCode).toBe(404);
    const alone = (await app.inject({ url: '/api/me-profiles/compare' })).json();
    expect(alone.countries).toEqual([{ iso3: 'JOR', name: 'Jordan' }]);
  });

  it('takes the case study’s own WHO region as the default group', async () => {
    const res = await app.inject({ url: '/api/me-profiles/compare?groupType=who_region' });
    expect(res.statusCode, res.body).toBe(200);
    const iso3s = res.json().countries.map((c: { iso3: string }) => c.iso3);
    expect(iso3s[0]).toBe('JOR');
    expect(iso3s).toContain('SYR');
  });
});

describe('challenges and lessons', () => {
  it('lists every challenge, most shared first, with the countries that tag it and their cited sources', async () => {
    const res = await app.inject({ url: learningUrl() });
    expect(res.statusCode, res.body).toBe(200);
    const body = MeLearningSchema.parse(res.json());
    expect(body.countries.map((c) => c.iso3)).toEqual(['JOR', 'SYR']);
    expect(body.challenges.map((c) => c.code).sort()).toEqual([...ME_CHALLENGES].sort());
    expect(body.challenges[0]).toEqual({
      code: 'me_funding',
      countries: [
        {
          iso3: 'JOR',
          name: 'Jordan',
          note: 'Fixture note on funding',
          provenance: 'published',
          sources: [{ title: 'Invented test evaluation', locator: null, url: null }],
        },
        {
          iso3: 'SYR',
          name: 'Syrian Arab Republic',
          note: 'No budget line for M&E',
          provenance: 'national_approved',
          sources: [{ title: 'Syria workshop notes', locator: null, url: null }],
        },
      ],
      lessonCount: 2,
    });
    const counts = body.challenges.map((c) => c.countries.length);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(body.challenges.find((c) => c.code === 'reporting_burden')?.countries).toEqual([]);
    expect(body.lessons.map((l) => [l.country.iso3, l.title])).toEqual([
      ['JOR', 'Fixture lesson on a costed M&E plan'],
      ['SYR', 'Quarterly data review'],
      ['SYR', 'Pooled donor funding'],
    ]);
  });

  it('filters lessons by GAP objective, sector and challenge', async () => {
    const titles = async (q: string) =>
      (await app.inject({ url: learningUrl(q) })).json().lessons.map((l: { title: string }) => l.title);
    expect(await titles('&objective=5')).toEqual([
      'Fixture lesson on a costed M&E plan',
      'Pooled donor funding',
    ]);
    expect(await titles('&sector=human_health')).toEqual([
      'Fixture lesson on a costed M&E plan',
      'Quarterly data review',
    ]);
    expect(await titles('&challenge=data_quality')).toEqual(['Quarterly data review']);
    expect(await titles('&objective=5&sector=environment')).toEqual(['Pooled donor funding']);
    const filtered = (await app.inject({ url: learningUrl('&objective=2') })).json();
    expect(filtered.challenges.find((c: { code: string }) => c.code === 'data_quality').lessonCount).toBe(1);
    expect(filtered.challenges.find((c: { code: string }) => c.code === 'me_funding').lessonCount).toBe(0);
    expect((await app.inject({ url: learningUrl('&objective=7') })).statusCode).toBe(400);
  });
});

describe('drafts stay out of every public view', () => {
  it('keeps drafts out of the profile, the comparison and the learning view, whoever asks', async () => {
    const pub = await app.inject({ url: url('JOR') });
    expect(pub.body).not.toContain(SECRET);
    // The facilitator may read drafts on the profile page, never in views meant for other countries.
    const own = await as(app, s.facilitator, 'GET', url('SYR'));
    expect(own.body).toContain(SECRET);
    for (const u of [compareUrl, learningUrl(), `${learningUrl()}&challenge=reporting_burden`]) {
      for (const res of [
        await app.inject({ url: u }),
        await as(app, s.facilitator, 'GET', u),
        await as(app, s.focal, 'GET', u),
      ]) {
        expect(res.statusCode, res.body).toBe(200);
        expect(res.body).not.toContain(SECRET);
      }
    }
  });

  it('gives briefing packs the same public reads', async () => {
    const reader = createMeProfileReader(database);
    const profile = await reader.publicProfile('JOR');
    expect(profile?.can).toEqual({ edit: false, validate: false });
    expect(profile?.sections.every((x) => x.draft === null)).toBe(true);
    expect(JSON.stringify(profile)).not.toContain(SECRET);
    expect(await reader.publicProfile('XXX')).toBeNull();
    const q = { groupType: 'countries' as const, group: 'SYR', case: 'JOR' };
    expect(await reader.compare(q)).toEqual((await app.inject({ url: compareUrl })).json());
    expect(await reader.learning({ ...q, group: 'SYR,JOR' })).toEqual(
      (await app.inject({ url: learningUrl() })).json(),
    );
  });

  it('leaves out the countries a caller may not read when data is not public', async () => {
    const closed = await buildApp({ database, publicRead: false });
    await closed.ready();
    try {
      expect((await closed.inject({ url: compareUrl })).statusCode).toBe(401);
      const focal = await signIn(closed, 'mev-focal@example.org');
      const res = await as(closed, focal, 'GET', compareUrl);
      expect(res.json().countries).toEqual([{ iso3: 'JOR', name: 'Jordan' }]);
      const learning = (await as(closed, focal, 'GET', learningUrl())).json();
      expect(learning.countries.map((c: { iso3: string }) => c.iso3)).toEqual(['JOR']);
    } finally {
      await closed.close();
    }
  });
});

describe('the TrACSS questions named for M&E', () => {
  it('exist as A–E questions of their rounds', async () => {
    for (const [framework, codes] of Object.entries(ME_TRACSS_QUESTIONS)) {
      const rows = await database.rows<{ code: string; measure_type: string }>(sql`
        select code, measure_type from indicators where framework_code = ${framework}`);
      for (const code of codes)
        expect(rows.find((r) => r.code === code)?.measure_type, `${framework} ${code}`).toBe('level');
    }
  });
});
