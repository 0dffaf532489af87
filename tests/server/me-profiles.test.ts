import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import type { Database } from '../../server/db/client';
import { ME_SECTIONS } from '../../shared';
import { openTestDatabase } from '../setup/test-db';
import { createToken, makeUser, role, type Session, signIn, withCredential } from './support/auth';
import { governance, sectionVersion, storedSection, url } from './support/me-profiles';
import { makePlan } from './support/plans';
import { as, auditRows } from './support/workflow';

let database: Database;
let app: FastifyInstance;
const USERS = {
  admin: [role('admin')],
  focal: [role('focal_point', 'JOR', ['human_health'])],
  validator: [role('validator', 'JOR')],
  validator2: [role('validator', 'JOR')],
  viewer: [role('viewer', 'JOR')],
  focalSyr: [role('focal_point', 'SYR')],
  facilitator: [role('facilitator')],
} as const;
type Who = keyof typeof USERS;
const s = {} as Record<Who, Session>;
const ids = {} as Record<Who, number>;

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildApp({ database });
  await app.ready();
  for (const [who, roles] of Object.entries(USERS)) {
    ids[who as Who] = (await makeUser(database, `mep-${who}@example.org`, [...roles])).id;
    s[who as Who] = await signIn(app, `mep-${who}@example.org`);
  }
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const anon = (u: string) => app.inject({ url: u });
type View = { section: string; version: number; [layer: string]: unknown };
const section = (profile: { sections: View[] }, name: string) =>
  profile.sections.find((x) => x.section === name) as View;

describe('a section from empty to approved, with a return', () => {
  it('walks save → submit → return → save → submit → approve, and the public sees only the approved content', async () => {
    const empty = (await as(app, s.focal, 'GET', url('JOR'))).json();
    expect(empty.sections.map((x: { section: string }) => x.section)).toEqual([...ME_SECTIONS]);
    // Nothing national yet (a published layer, when the reference data has one, is not the country's).
    expect(section(empty, 'governance')).toMatchObject({
      section: 'governance',
      version: 0,
      approved: null,
      draft: null,
    });
    // A focal point limited to one sector still edits the whole profile; validating is not theirs.
    expect(empty.can).toEqual({ edit: true, validate: false });

    const saved = await as(app, s.focal, 'PUT', url('JOR', 'governance'), {
      content: governance(),
      version: 0,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      version: 1,
      approved: null,
      draft: { state: 'draft', reason: null, updated: { by: { id: ids.focal } }, submitted: null },
    });
    expect(saved.json().draft.content.sources).toEqual([
      { title: 'NAP 2018–2022', locator: 'ch. 4', url: null },
    ]);

    const submitted = await as(app, s.focal, 'POST', url('JOR', 'governance', 'submit'), { version: 1 });
    expect(submitted.json()).toMatchObject({
      version: 2,
      draft: { state: 'submitted', submitted: { by: { id: ids.focal } } },
    });
    // Submitted: waiting for a validator, no more edits.
    const locked = await as(app, s.focal, 'PUT', url('JOR', 'governance'), {
      content: governance('X'),
      version: 2,
    });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().message).toMatch(/^state: the section is submitted/);
    expect(locked.json().current).toMatchObject({ version: 2, draft: { state: 'submitted' } });

    const returned = await as(app, s.validator, 'POST', url('JOR', 'governance', 'return'), {
      version: 2,
      reason: 'Name the committee’s decree',
    });
    expect(returned.json()).toMatchObject({
      version: 3,
      draft: { state: 'returned', reason: 'Name the committee’s decree' },
    });

    const fixed = await as(app, s.focal, 'PUT', url('JOR', 'governance'), {
      content: governance('National AMR committee (decree 12/2017)'),
      version: 3,
    });
    // A returned section becomes a draft again; the reason stays until it is submitted again.
    expect(fixed.json()).toMatchObject({
      version: 4,
      draft: { state: 'draft', reason: 'Name the committee’s decree' },
    });
    const again = await as(app, s.focal, 'POST', url('JOR', 'governance', 'submit'), { version: 4 });
    expect(again.json()).toMatchObject({ version: 5, draft: { state: 'submitted', reason: null } });

    const approved = await as(app, s.validator, 'POST', url('JOR', 'governance', 'approve'), { version: 5 });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({
      version: 6,
      draft: null,
      approved: { approved: { by: { id: ids.validator } } },
    });
    expect(approved.json().approved.content.fields.coordinating_body.value).toBe(
      'National AMR committee (decree 12/2017)',
    );

    const pub = (await anon(url('JOR'))).json();
    expect(pub.can).toEqual({ edit: false, validate: false });
    expect(section(pub, 'governance')).toMatchObject({ version: 6, draft: null });
    expect(section(pub, 'governance').approved).toEqual(approved.json().approved);

    // A new draft over approved content: the public keeps reading the approved one.
    const next = await as(app, s.focal, 'PUT', url('JOR', 'governance'), {
      content: governance('Changed-draft-7731'),
      version: 6,
    });
    expect(next.json()).toMatchObject({ version: 7, draft: { state: 'draft' } });
    expect(next.json().approved.content.fields.coordinating_body.value).toBe(
      'National AMR committee (decree 12/2017)',
    );
    const after = (await anon(url('JOR'))).json();
    expect(section(after, 'governance').draft).toBeNull();
    expect(JSON.stringify(after)).not.toContain('Changed-draft-7731');
  });

  it('audits every save and step, old → new, and serves them as the profile history', async () => {
    // Users' changes (loads of a shipped published layer, if any, have no user).
    const rows = (await auditRows(database, 'me_profile_section', 'JOR:governance')).filter(
      (r) => r.user_id !== null,
    );
    expect(rows.map((r) => r.action)).toEqual([
      'save',
      'submit',
      'return',
      'save',
      'submit',
      'approve',
      'save',
    ]);
    expect(rows.map((r) => r.user_id)).toEqual([
      ids.focal,
      ids.focal,
      ids.validator,
      ids.focal,
      ids.focal,
      ids.validator,
      ids.focal,
    ]);
    const approve = rows[5];
    expect(approve?.old).toMatchObject({
      section: 'governance',
      version: 5,
      state: 'submitted',
      approved: null,
    });
    expect(approve?.new).toMatchObject({
      version: 6,
      state: null,
      draft: null,
      fourEyes: true,
      selfApproved: false,
    });
    expect(rows[0]?.old?.draft ?? null).toBeNull();
    expect(rows[0]?.new).toMatchObject({ version: 1, state: 'draft', draft: { text: null } });

    const history = await as(app, s.viewer, 'GET', url('JOR', 'history'));
    expect(history.statusCode, history.body).toBe(200);
    const items = history.json().items.filter((i: { user: unknown }) => i.user !== null);
    expect(items.map((i: { action: string }) => i.action)).toEqual(
      ['save', 'submit', 'return', 'save', 'submit', 'approve', 'save'].reverse(),
    );
    expect(items[1]).toMatchObject({ action: 'approve', user: { id: ids.validator, name: 'mep-validator' } });
    // Each entry says where it came from: these were made in the app (signed-in sessions).
    expect(new Set(items.map((i: { channel: unknown }) => JSON.stringify(i.channel)))).toEqual(
      new Set([JSON.stringify({ kind: 'web', detail: null })]),
    );
    // The shipped profile's loads were imports, each naming its file.
    const loads = history.json().items.filter((i: { user: unknown }) => i.user === null);
    expect(loads.length).toBeGreaterThan(0);
    for (const l of loads) expect(l.channel).toMatchObject({ kind: 'import', detail: expect.any(String) });
    // Drafts, their authors and return reasons: the country's roles, facilitators and administrators only.
    expect((await anon(url('JOR', 'history'))).statusCode).toBe(401);
    expect((await as(app, s.focalSyr, 'GET', url('JOR', 'history'))).statusCode).toBe(403);
    expect((await as(app, s.facilitator, 'GET', url('JOR', 'history'))).statusCode).toBe(200);
  });
});

describe('concurrent edits', () => {
  it('answers a stale version with 409 and the section as it is now', async () => {
    const v = await sectionVersion(app, s.focal, 'JOR', 'audience');
    const content = { fields: { audiences: { value: ['ministry_health'] } } };
    expect((await as(app, s.focal, 'PUT', url('JOR', 'audience'), { content, version: v })).statusCode).toBe(
      200,
    );
    const stale = await as(app, s.admin, 'PUT', url('JOR', 'audience'), {
      content: { fields: { audiences: { value: ['public'] } } },
      version: v,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toBe(
      `version: stale (you sent ${v}, the section is at ${v + 1}); reload it`,
    );
    expect(stale.json().current).toMatchObject({
      section: 'audience',
      version: v + 1,
      draft: { content: { fields: { audiences: { value: ['ministry_health'] } } } },
    });
    const staleStep = await as(app, s.focal, 'POST', url('JOR', 'audience', 'submit'), { version: v + 5 });
    expect(staleStep.statusCode).toBe(409);
    expect(staleStep.json().current).toMatchObject({ version: v + 1, draft: { state: 'draft' } });
    // A step on a section that was never written: nothing to move.
    const nothing = await as(app, s.focal, 'POST', url('JOR', 'resources', 'submit'), { version: 1 });
    expect(nothing.statusCode).toBe(409);
    expect((await storedSection(database, 'JOR', 'audience'))?.draft_content).toEqual({
      fields: { audiences: { value: ['ministry_health'], sources: [] } },
      text: null,
      textSources: [],
      sources: [],
    });
  });

  it('refuses approving a draft that was not submitted', async () => {
    const v = await sectionVersion(app, s.focal, 'JOR', 'audience');
    const res = await as(app, s.validator, 'POST', url('JOR', 'audience', 'approve'), { version: v });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe('state: the section is draft; approve needs it submitted');
  });
});

describe('content checked against the section', () => {
  const put = (name: string, content: object, who: Session = s.focal) =>
    as(app, who, 'PUT', url('JOR', name), { content, version: 0 });
  const paths = (res: { json(): { issues?: { path: string }[] } }) => res.json().issues?.map((i) => i.path);

  it.each([
    [
      'a wrong option',
      'governance',
      { fields: { focal_point_sectors: { value: ['space'] } } },
      'content.fields.focal_point_sectors.value.0',
    ],
    [
      'a negative count',
      'indicators',
      { fields: { indicator_count: { value: -1 } } },
      'content.fields.indicator_count.value',
    ],
    [
      'a fractional count',
      'indicators',
      { fields: { indicator_count: { value: 2.5 } } },
      'content.fields.indicator_count.value',
    ],
    [
      'a field of another step',
      'governance',
      { fields: { indicator_count: { value: 3 } } },
      'content.fields.indicator_count',
    ],
    [
      'a citation of a missing source',
      'governance',
      { fields: { multisectoral_committee: { value: true, sources: [2] } }, sources: [{ title: 'NAP' }] },
      'content.fields.multisectoral_committee.sources.0',
    ],
    [
      'a yes/no given as text',
      'timelines',
      { fields: { answers_tracss_yearly: { value: 'yes' } } },
      'content.fields.answers_tracss_yearly.value',
    ],
    ['learning content to a step', 'reviews', { challenges: [{ code: 'me_funding' }] }, 'content'],
    ['step content to learning', 'learning', { fields: { me_budget_usd: { value: 3 } } }, 'content'],
    [
      'a challenge listed twice',
      'learning',
      { challenges: [{ code: 'me_funding' }, { code: 'me_funding' }] },
      'content.challenges.1.code',
    ],
  ])('refuses %s with a 400 naming the field', async (_what, name, content, path) => {
    const before = await storedSection(database, 'JOR', name);
    const res = await put(name, content);
    expect(res.statusCode, res.body).toBe(400);
    expect(paths(res)).toContain(path);
    expect(res.json().message).toContain(path);
    expect(await storedSection(database, 'JOR', name)).toEqual(before);
  });

  it('names the unexpected keys of learning content sent to a step', async () => {
    const res = await put('reviews', { challenges: [{ code: 'me_funding' }], lessons: [] });
    expect(res.json().message).toMatch(/challenges/);
  });

  it('refuses an unknown section in the path', async () => {
    const res = await put('budget', { fields: {} });
    expect(res.statusCode).toBe(400);
    expect(paths(res)).toEqual(['path.section']);
  });

  it('reads an empty or sources-only body as the learning section’s own content', async () => {
    const res = await put('learning', { sources: [{ title: 'Workshop report' }] }, s.admin);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().draft.content).toEqual({
      challenges: [],
      lessons: [],
      sources: [{ title: 'Workshop report', locator: null, url: null }],
    });
  });
});

describe('who may write', () => {
  const content = governance();
  const putAs = (who: Session | null, iso3 = 'JOR') =>
    who
      ? as(app, who, 'PUT', url(iso3, 'me_plan'), { content: { fields: {} }, version: 0 })
      : app.inject({ method: 'PUT', url: url(iso3, 'me_plan'), payload: { content, version: 0 } });

  it('lets only the country’s focal points and administrators save', async () => {
    expect((await putAs(null)).statusCode).toBe(401);
    expect((await putAs(s.viewer)).statusCode).toBe(403);
    expect((await putAs(s.validator)).statusCode).toBe(403);
    expect((await putAs(s.facilitator)).statusCode).toBe(403);
    const other = await putAs(s.focalSyr);
    expect(other.statusCode).toBe(403);
    expect(other.json().message).toBe(
      "country: only JOR's focal points and administrators may edit its M&E profile",
    );
    expect((await storedSection(database, 'JOR', 'me_plan'))?.draft_content ?? null).toBeNull();
    expect((await putAs(s.focalSyr, 'SYR')).statusCode).toBe(200);
  });

  it('refuses a read-only token, and an unknown country with 404', async () => {
    const token = (await createToken(app, s.admin, 'read')).token;
    const res = await app.inject(
      withCredential(
        { token },
        { method: 'PUT', url: url('JOR', 'me_plan'), payload: { content, version: 0 } },
      ),
    );
    expect(res.statusCode).toBe(403);
    expect((await as(app, s.admin, 'PUT', url('XXX', 'me_plan'), { content, version: 0 })).statusCode).toBe(
      404,
    );
    expect((await anon(url('XXX'))).statusCode).toBe(404);
  });

  it('lets only validators and administrators approve or return, and never the one who submitted', async () => {
    const v = await sectionVersion(app, s.admin, 'JOR', 'questions');
    const saved = await as(app, s.admin, 'PUT', url('JOR', 'questions'), {
      content: { fields: { questions_defined: { value: true } } },
      version: v,
    });
    const submitted = await as(app, s.admin, 'POST', url('JOR', 'questions', 'submit'), {
      version: saved.json().version,
    });
    const version = submitted.json().version;
    expect((await as(app, s.focal, 'POST', url('JOR', 'questions', 'approve'), { version })).statusCode).toBe(
      403,
    );
    expect(
      (await as(app, s.viewer, 'POST', url('JOR', 'questions', 'return'), { version, reason: 'x' }))
        .statusCode,
    ).toBe(403);
    const own = await as(app, s.admin, 'POST', url('JOR', 'questions', 'approve'), { version });
    expect(own.statusCode).toBe(403);
    expect(own.json().message).toMatch(
      /^approve: you submitted this section; another validator must approve it/,
    );
    const res = await as(app, s.validator2, 'POST', url('JOR', 'questions', 'approve'), { version });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('allows single-person approval when the deployment turns four eyes off, and audits it', async () => {
    const single = await buildApp({ database, fourEyes: false });
    await single.ready();
    try {
      const admin = await signIn(single, 'mep-admin@example.org');
      const v = await sectionVersion(single, admin, 'SYR', 'reviews');
      const saved = await as(single, admin, 'PUT', url('SYR', 'reviews'), {
        content: { fields: { midterm_review: { value: 'planned' } } },
        version: v,
      });
      const sub = await as(single, admin, 'POST', url('SYR', 'reviews', 'submit'), {
        version: saved.json().version,
      });
      const ok = await as(single, admin, 'POST', url('SYR', 'reviews', 'approve'), {
        version: sub.json().version,
      });
      expect(ok.statusCode, ok.body).toBe(200);
      const rows = await auditRows(database, 'me_profile_section', 'SYR:reviews');
      expect(rows.at(-1)?.new).toMatchObject({ fourEyes: false, selfApproved: true });
    } finally {
      await single.close();
    }
  });
});

describe('reads when data is not public', () => {
  it('asks the anonymous to sign in, keeps other countries from a country viewer, and shows drafts to the country’s roles', async () => {
    const closed = await buildApp({ database, publicRead: false });
    await closed.ready();
    try {
      expect((await closed.inject({ url: url('JOR') })).statusCode).toBe(401);
      const viewer = await signIn(closed, 'mep-viewer@example.org');
      expect((await as(closed, viewer, 'GET', url('SYR'))).statusCode).toBe(403);
      const own = (await as(closed, viewer, 'GET', url('JOR'))).json();
      expect(section(own, 'governance').draft).toMatchObject({ state: 'draft' });
      expect(own.can).toEqual({ edit: false, validate: false });
    } finally {
      await closed.close();
    }
  });
});

describe('the plan beside step 3', () => {
  it('lists the current plan’s indicators with their GAP objective and sectors', async () => {
    const profile = (await anon(url('JOR'))).json();
    expect(profile.plan?.name).toMatch(/^National Action Plan for Combating Antimicrobial Resistance/);
    expect(profile.plan.indicators.length).toBeGreaterThan(50);
    for (const i of profile.plan.indicators) {
      expect(typeof i.code).toBe('string');
      expect(i.gapObjective === null || (i.gapObjective >= 1 && i.gapObjective <= 5)).toBe(true);
      expect(Array.isArray(i.sectors)).toBe(true);
    }
    expect(
      profile.plan.indicators.some((i: { gapObjective: number | null }) => i.gapObjective !== null),
    ).toBe(true);
  });

  it('takes the plan in force, and a draft plan only for those who may read drafts', async () => {
    const draft = await makePlan(database, 'JOR', 'draft', {
      generation: 3,
      periodStart: 2026,
      periodEnd: 2030,
    });
    const later = await buildApp({ database, now: () => new Date('2027-06-01T00:00:00Z') });
    await later.ready();
    try {
      const pub = (await later.inject({ url: url('JOR') })).json();
      expect(pub.plan.name).toMatch(/^National Action Plan for Combating Antimicrobial Resistance/);
      const focal = await signIn(later, 'mep-focal@example.org');
      const own = (await as(later, focal, 'GET', url('JOR'))).json();
      expect(own.plan).toEqual({ id: draft.planId, name: 'JOR NAP', indicators: [] });
    } finally {
      await later.close();
    }
  });
});
