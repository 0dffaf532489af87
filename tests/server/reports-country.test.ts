import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import type { Database } from '../../server/db/client';
import { renderCountryReport } from '../../server/modules/reports/country-report';
import type { Plan } from '../../shared';
import { openTestApp } from '../setup/test-db';
import { makeUser, role, type Session, signIn, withCredential } from './support/auth';
import { followTracssQuestions, makePlan } from './support/plans';
import { openPdf, pageTexts, paintedPixels, renderPage } from './support/reports-pdf';

let database: Database;
let app: FastifyInstance;
let closed: FastifyInstance;
let close: () => Promise<void>;
let viewer: Session;
let plan: Plan;

beforeAll(async () => {
  ({ app, database, close } = await openTestApp());
  closed = await buildApp({ database, publicRead: false });
  await closed.ready();
  await makeUser(database, 'r-viewer@example.org', [role('viewer', 'SYR')]);
  viewer = await signIn(closed, 'r-viewer@example.org');
  plan = ((await app.inject({ url: '/api/countries/JOR/plans' })).json().items as Plan[])[0] as Plan;
});
afterAll(async () => {
  await closed?.close();
  await close?.();
});

describe("Jordan's M&E report (PDF), as shipped", () => {
  let pdf: Buffer;
  let text: string;

  beforeAll(async () => {
    const res = await app.inject({ url: '/api/reports/country/JOR?lang=en' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename="NAP-report-JOR-2018-2022.pdf"');
    pdf = res.rawPayload;
    text = (await pageTexts(await openPdf(pdf))).join('\n');
  });

  it('names the country, the plan and every section, the M&E plan among them', () => {
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(text).toContain('Jordan');
    expect(text).toContain(plan.title.slice(0, 40));
    for (const title of [
      '1. Summary',
      '2. Progress against targets',
      '3. Peer comparison',
      '4. Activities and implementation',
      '5. M&E plan',
      '6. Data-quality notes',
    ])
      expect(text).toContain(title);
    expect(text).toMatch(/Page 1 of \d+/);
    expect(text).toContain('anonymous visitor');
  });

  it('prints the published rates with their source, no made-up overall rate, and the budget by year', () => {
    // Nothing is computed from activities whose status was never published …
    expect(plan.objectives.map((o) => o.implementation.rate)).toEqual([null, null, null, null, null]);
    expect(text).toContain('Published by objective only');
    // … the evaluation's rates are quoted, marked as published, with the citation.
    for (const r of [47, 56, 63, 69])
      expect(text).toMatch(new RegExp(`${r} % \\[published,\\s+end-term\\s+evaluation\\]`));
    expect(text).toContain('not implemented (the evaluation reports no percentage)');
    expect(text).toContain('BMC Public Health 2025;25:2718');
    expect(text).toContain('$7,594,700');
    for (const o of plan.objectives) expect(text).toContain(`$${o.budget?.toLocaleString('en')}`);
    // The costing table (p. 92): Year 1 of objective 1, and the years' totals.
    for (const n of ['$158,150', '$1,847,050', '$1,166,700']) expect(text).toContain(n);
    expect(text).toContain('Year 5');
  });

  it('lists the activities with timeline and responsible entity, and the M&E plan as written', () => {
    expect(text).toContain('A1.01 Conducting a mapping exercise');
    expect(text).toContain('Outsourced NGO');
    expect(text).toContain('Not reported');
    expect(text).toMatch(/indicators of the M&E plan have neither a numeric target nor a value/);
    expect(text).toContain('Endorsement of the program by the official entities');
    expect(text).toContain('Official documents');
    expect(text).toMatch(/Target \(as\s?written\)/);
  });

  it('has no illustrative row and never says Illustrative', () => {
    expect(text).not.toMatch(/Illustrat\s?ive/);
    expect(text).toContain('Tracking AMR Country Self-assessment Survey of the Quadripartite');
  });

  it('draws every chart: the chart areas of the rendered pages are not blank', async () => {
    const deps = { db: database.db, policy: { publicRead: true }, now: () => new Date() };
    const out = await renderCountryReport(deps, { iso3: 'JOR', lang: 'en', principal: null });
    const doc = await openPdf(out.pdf);
    expect(doc.numPages).toBe(out.pages);
    // No indicator has a target or a value: the peer chart and the published rates by objective
    // (no activity has a status, so no chart by sector).
    expect(out.charts).toHaveLength(2);
    for (const c of out.charts) {
      const page = await renderPage(doc, c.page, 1);
      const painted = paintedPixels(page, c);
      expect(painted, `chart on page ${c.page}`).toBeGreaterThan(0.03 * c.w * c.h);
      // And the page is not all ink either (the chart is a chart, not a black box).
      expect(painted).toBeLessThan(0.9 * c.w * c.h);
    }
  });
});

describe('Jordan’s report once it tracks TrACSS questions (set up by the test)', () => {
  let text: string;
  beforeAll(async () => {
    await followTracssQuestions(database, plan.id, [
      { code: '7.4', target: 'D', illustrative: true },
      { code: '9.1', target: 'D' },
    ]);
    const res = await app.inject({ url: '/api/reports/country/JOR?lang=en' });
    text = (await pageTexts(await openPdf(res.rawPayload))).join('\n');
  });

  it('compares with the Eastern Mediterranean Region; every figure says where it comes from', () => {
    expect(text).toContain('Eastern Mediterranean Region');
    // Jordan's published TrACSS answers are the latest values of the questions its plan follows.
    expect(text).toMatch(/E \(2020\) \[published, TrACSS 2019–2020\]/);
    // A target flagged illustrative: % of target and status built on it say so, field by field; the
    // budgets (published) do not.
    expect(text).toMatch(/Achieved — Illustrative/);
    expect(text).not.toMatch(/\$642,800 — Illustrative/);
    expect(text).toContain('Published figures (TrACSS answers) come from the published survey round');
    // The sources are cited: the round, Jordan's NAP and its end-term evaluation.
    expect(text).toContain('Tracking AMR Country Self-assessment Survey of the Quadripartite');
    expect(text).toContain('BMC Public Health 2025;25:2718');
  });

  it('draws one progress chart per tracked indicator', async () => {
    const deps = { db: database.db, policy: { publicRead: true }, now: () => new Date() };
    const out = await renderCountryReport(deps, { iso3: 'JOR', lang: 'en', principal: null });
    // 2 indicators, the peer chart, implementation by objective.
    expect(out.charts).toHaveLength(2 + 2);
  });
});

describe('other languages', () => {
  it('renders the Arabic report right to left with the Arabic font', async () => {
    const res = await app.inject({ url: '/api/reports/country/JOR?lang=ar' });
    expect(res.statusCode).toBe(200);
    const doc = await openPdf(res.rawPayload);
    expect(doc.numPages).toBeGreaterThanOrEqual(6);
    expect(res.rawPayload.toString('latin1')).toMatch(/NotoSansArabic/);
    const text = (await pageTexts(doc)).join('\n');
    expect(text).toContain('Jordan');
    expect(text).toContain('NAP Tracker');
    // Headings are right-aligned: the title of page 2 ends near the right margin.
    const page = await renderPage(doc, 2, 1);
    const right = paintedPixels(page, { x: 300, y: 60, w: 245, h: 25 });
    const left = paintedPixels(page, { x: 50, y: 60, w: 245, h: 25 });
    expect(right).toBeGreaterThan(left);
  });

  it('writes French with French numbers', async () => {
    const res = await app.inject({ url: '/api/reports/country/JOR?lang=fr&from=2019&to=2021' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('NAP-report-JOR-2019-2021.pdf');
    const text = (await pageTexts(await openPdf(res.rawPayload))).join('\n');
    expect(text).toContain('Synthèse');
    expect(text).toContain('Notes sur la qualité des données');
    expect(text).toContain('7 594 700');
  });
});

describe('who may read a report', () => {
  it('refuses anonymous visitors when data is not public', async () => {
    const res = await closed.inject({ url: '/api/reports/country/JOR' });
    expect(res.statusCode).toBe(401);
  });

  it('refuses a signed-in user without a role in the country, when data is not public', async () => {
    const res = await closed.inject(withCredential({ session: viewer }, { url: '/api/reports/country/JOR' }));
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toContain('JOR');
  });

  it('shows a draft plan only to who may read drafts', async () => {
    await makePlan(database, 'LBN', 'draft');
    const anonymous = await app.inject({ url: '/api/reports/country/LBN' });
    expect(anonymous.statusCode).toBe(404);
    await makeUser(database, 'r-admin@example.org', [role('admin')]);
    const admin = await signIn(app, 'r-admin@example.org');
    const res = await app.inject(withCredential({ session: admin }, { url: '/api/reports/country/LBN' }));
    expect(res.statusCode).toBe(200);
    const text = (await pageTexts(await openPdf(res.rawPayload))).join('\n');
    expect(text).toContain('Lebanon');
    expect(text).toContain('Includes data not yet approved');
  });
});

describe('data not yet approved', () => {
  it('is marked for who may read drafts and left out for the public', async () => {
    await makeUser(database, 'r-admin2@example.org', [role('admin')]);
    const admin = await signIn(app, 'r-admin2@example.org');
    const as = (opts: Parameters<typeof withCredential>[1]) => withCredential({ session: admin }, opts);
    const period = await app.inject(
      as({
        method: 'POST',
        url: `/api/plans/${plan.id}/periods`,
        payload: { kind: 'year', year: 2020, dueDate: '2021-03-31' },
      }),
    );
    expect(period.statusCode).toBe(201);
    // Jordan's own 2020 assessment of 9.1, in its national series, in a draft period.
    const url = '/api/values/JOR/national-jor/tracss-2019-2020:9.1/2020';
    const put = await app.inject(
      as({ method: 'PUT', url, payload: { status: 'reported', value: { type: 'level', level: 'D' } } }),
    );
    expect(put.statusCode, put.body).toBe(201);

    const mine = await app.inject(as({ url: '/api/reports/country/JOR' }));
    const text = (await pageTexts(await openPdf(mine.rawPayload))).join('\n');
    // The national report of 2020 ranks before the round's published answer of the same year.
    expect(text).toContain('D (2020) [Draft — not yet submitted]');
    expect(text).toMatch(/2020\s+2021-03-31\s+Draft — not yet submitted/);

    const publicText = (
      await pageTexts(await openPdf((await app.inject({ url: '/api/reports/country/JOR' })).rawPayload))
    ).join('\n');
    expect(publicText).not.toContain('Draft — not yet submitted]');
    expect(publicText).not.toContain('D (2020)');
    // The public report shows the published answer instead, said so.
    expect(publicText).toContain('C (2020) [published, TrACSS 2019–2020]');
  });
});

describe('bad requests name the field', () => {
  it.each([
    ['?lang=de', 'lang'],
    ['?from=2022&to=2018', 'to'],
    ['?plan=abc', 'plan'],
    ['?from=1800', 'from'],
  ])('%s → 400 naming %s', async (query, field) => {
    const res = await app.inject({ url: `/api/reports/country/JOR${query}` });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain(field);
  });

  it('404 for an unknown country or plan', async () => {
    expect((await app.inject({ url: '/api/reports/country/XYZ' })).statusCode).toBe(404);
    const res = await app.inject({ url: '/api/reports/country/JOR?plan=999999' });
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toContain('plan');
  });
});
