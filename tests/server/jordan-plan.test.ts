import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/client';
import { readJordanPlanFiles } from '../../server/db/reference/jordan-plan';
import { measureTypeOf, resultLevelOf } from '../../server/db/reference/nap-me-mapping';
import type { Plan, PlanActivity, PlanIndicator } from '../../shared';
import { openTestApp } from '../setup/test-db';

/*
 * Jordan's NAP 2018–2022 as shipped: transcribed from the plan (chapters 2–5), with the implementation
 * rates its end-term evaluation published by objective. The expected values below were read from the
 * plan's pages (rendered with pdftoppm) for this test, not taken from the shipped files.
 */

let database: Database;
let app: FastifyInstance;
let close: () => Promise<void>;
let plan: Plan;

beforeAll(async () => {
  ({ app, database, close } = await openTestApp());
  const res = await app.inject({ url: '/api/countries/JOR/plans' });
  expect(res.statusCode).toBe(200);
  plan = (res.json().items as Plan[])[0] as Plan;
});
afterAll(async () => close?.());

const objective = (n: number) => plan.objectives.find((o) => o.code === String(n));
const activity = (n: number, title: string): PlanActivity => {
  const o = objective(n);
  const found = plan.activities.filter((a) => a.objectiveId === o?.id && a.title === title);
  expect(found, `objective ${n}: activity "${title}"`).toHaveLength(1);
  return found[0] as PlanActivity;
};
const indicator = (n: number, name: string): PlanIndicator => {
  const o = objective(n);
  const found = plan.indicators.filter((i) => i.objectiveId === o?.id && i.indicator.name === name);
  expect(found, `objective ${n}: indicator "${name}"`).toHaveLength(1);
  return found[0] as PlanIndicator;
};

describe('the plan and its objectives (ch. 2, p. 34–56)', () => {
  it('has the five NAP objectives in the plan’s wording, mapped to GAP objectives 1–5', () => {
    expect(plan).toMatchObject({ countryIso3: 'JOR', periodStart: 2018, periodEnd: 2022, status: 'closed' });
    expect(plan.objectives.map((o) => [o.code, o.gapObjective])).toEqual([
      ['1', 1],
      ['2', 2],
      ['3', 3],
      ['4', 4],
      ['5', 5],
    ]);
    // p. 35 and p. 40, as printed.
    expect(objective(1)?.title).toBe(
      'Improve awareness and understanding of antimicrobial resistance through effective communication, education, training, advocacy and behaviour change programs',
    );
    expect(objective(2)?.title).toBe(
      'Strengthen the knowledge and evidence base through surveillance and research',
    );
  });

  it('numbers its strategic objectives 1.1–1.3, 2.1–2.2, 3.1–3.3, 4.1–4.5 and 5.1–5.2, with their interventions', () => {
    // The summary tables of ch. 2 list 38 interventions: 6, 3, 9, 16 and 4 by objective.
    expect(
      plan.objectives.map((o) => plan.interventions.filter((i) => i.objectiveId === o.id).length),
    ).toEqual([6, 3, 9, 16, 4]);
    const codes = [...new Set(plan.interventions.map((i) => i.strategicObjective?.code))];
    expect(codes).toEqual([
      '1.1',
      '1.2',
      '1.3',
      '2.1',
      '2.2',
      '3.1',
      '3.2',
      '3.3',
      '4.1',
      '4.2',
      '4.3',
      '4.4',
      '4.5',
      '5.1',
      '5.2',
    ]);
    // p. 40: strategic objective 2.1 has one intervention, 2.2 has two.
    const two = plan.interventions.filter((i) => i.strategicObjective?.code.startsWith('2.'));
    expect(two.map((i) => [i.code, i.title])).toEqual([
      ['2.1.1', 'Activating National Coordination Centre'],
      ['2.2.1', 'Establishing Leadership and Governance of Laboratories for each sector'],
      ['2.2.2', 'Strengthening the development of laboratory quality management system'],
    ]);
    expect(two[0]?.strategicObjective?.title).toBe(
      'Establishment of a national One Health surveillance system for AMR',
    );
  });
});

describe('the operational plan (ch. 3, p. 60–71): activities with timeline and responsible entity', () => {
  it('lists the plan’s activities by objective; none has a status, since none was published', () => {
    expect(plan.activities.length).toBeGreaterThan(100);
    for (const o of plan.objectives)
      expect(
        plan.activities.filter((a) => a.objectiveId === o.id).length,
        `objective ${o.code}`,
      ).toBeGreaterThan(10);
    expect(plan.activities.every((a) => a.implementationStatus === 'not_reported')).toBe(true);
    expect(plan.activities.every((a) => a.percentComplete === null && !a.illustrative)).toBe(true);
    // The codes are ours (the plan numbers none): A<objective>.<nn> in the plan's order.
    expect(plan.activities.filter((a) => a.objectiveId === objective(1)?.id)[0]?.code).toBe('A1.01');
  });

  it.each([
    // p. 61
    [
      1,
      'Conducting a quantitative and qualitative study to understand the current situation on awareness',
      'Q2/2018',
      'Outsourced NGO',
    ],
    [
      1,
      'Developing a multi-sectorial awareness and behaviour-change plan with the required resources and budget',
      'Q2/2018',
      'National Coordinator or Head of IEC Campaigns',
    ],
    // p. 64
    [2, 'Developing a laboratory networking system', 'Q3/2018', 'National Laboratory Group'],
    [2, 'Providing epidemiological capacity for data analysis.', 'Q2-Q4/2018', 'Ministry of Health'],
    [2, 'Participating in GLASS', 'Ongoing', 'NCC'],
    [
      2,
      'Upgrading the capacity of the national reference lab to oversee the peripheral lab and to detect new emerging infectious diseases, and Seeking accreditation',
      'Ongoing',
      'National and international accreditation bodies',
    ],
  ])('objective %i: "%s" — %s, %s', (n, title, timeline, responsible) => {
    expect(activity(n, title)).toMatchObject({
      timeline,
      leadAgency: responsible,
      implementationStatus: 'not_reported',
    });
  });
});

describe('the M&E plan (ch. 4, p. 72–91): each indicator with its planning element, as written', () => {
  it('attaches every indicator to an objective and a planning element, none with an invented number target', () => {
    const me = plan.indicators.filter((i) => i.planningElement);
    expect(me).toHaveLength(97);
    expect(plan.objectives.map((o) => me.filter((i) => i.objectiveId === o.id).length)).toEqual([
      23, 31, 8, 23, 12,
    ]);
    const types: Record<string, number> = {};
    for (const i of me) {
      const k = i.resultLevel ?? (i.typeText === null ? 'empty' : 'as written');
      types[k] = (types[k] ?? 0) + 1;
    }
    // The plan's 46 "input" and row 29's "Inputs" are input; 12 types are kept as written only.
    expect(types).toEqual({ input: 47, output: 23, outcome: 7, process: 6, 'as written': 12, empty: 2 });
    const kinds = me.map((i) => i.planningElement?.kind);
    expect(['objective', 'intervention', 'activity'].map((k) => kinds.filter((x) => x === k).length)).toEqual(
      [4, 4, 89],
    );
    expect(me.every((i) => i.objectiveId !== null && i.targets.length === 0 && !i.illustrative)).toBe(true);
    expect(
      me.every((i) => i.indicator.frameworkCode === 'national-jor' && i.indicator.follows === null),
    ).toBe(true);
    for (const o of plan.objectives)
      expect(me.filter((i) => i.objectiveId === o.id).length, `objective ${o.code}`).toBeGreaterThan(3);
  });

  it('p. 73: an outcome indicator of strategic objective 1.1, with its targets as written', () => {
    const i = indicator(
      1,
      '% of target groups have their awareness increased on the appropriate use of antibiotics',
    );
    expect(i.planningElement).toEqual({
      kind: 'objective',
      text: 'Improve awareness and change behaviours regarding the hygiene and appropriate use of antibiotics among public, animal and human health care providers, farmers, and students',
    });
    expect(i).toMatchObject({ resultLevel: 'outcome', typeText: 'outcome' });
    expect(i.indicator).toMatchObject({
      measureType: 'percentage',
      calculation: 'Percentage',
      dataSource: 'Survey',
      collectionMethod: 'Survey',
    });
    expect(i.targetText).toContain(
      '>90% people and communities all over the country made aware of the impact of AMR and possible preventive and containment measures',
    );
    expect(i.targetText).toContain(
      '>50% people demonstrated change in their behaviour favouring rational use of antibiotics',
    );
  });

  it.each([
    // [objective, indicator, kind, type as written, calculation, data source, method, target] — pages 73, 77, 86, 89, 91
    [
      1,
      'Endorsement of the program by the official entities',
      'intervention',
      'output',
      'Yes/NO',
      'Official documents',
      'Official documents',
      'National Programme for awareness and change in behaviour for rational use of antibiotics developed and implemented',
    ],
    [
      2,
      'ToR Modified',
      'activity',
      'Defining work',
      'First Quarter of 2018 to be reviewed every 2 years',
      'Official notification',
      'Report',
      'TORs of National Committee developed and disseminated',
    ],
    [
      4,
      '% of health institutions utilizing Hakeem',
      'activity',
      'input',
      'Percentage',
      'Software provider',
      'Report generation',
      '>80% health institutions utilized Hakeem',
    ],
    [
      4,
      'Development of a software for national database on AMS',
      'activity',
      'output',
      'One',
      'MOH & stakeholders',
      'Generating report',
      'Software for national database on AMS developed',
    ],
    [
      5,
      'Committee established',
      'activity',
      'input',
      'Qualitative Y/N',
      'NAP committee',
      'Decision & TOR',
      'AMR Research Advisory Subcommittee established',
    ],
    [
      5,
      'Improve facilities in CPHL',
      'activity',
      'output',
      'Qualitative Y/N',
      'NAP AMR subcommittee',
      'Meeting & decision',
      'Facilities in CPHL improved',
    ],
  ])('objective %i: "%s"', (n, name, kind, type, calculation, source, method, target) => {
    const i = indicator(n as number, name as string);
    expect(i.planningElement?.kind).toBe(kind);
    expect(i.typeText?.toLowerCase()).toBe((type as string).toLowerCase());
    expect(i.indicator).toMatchObject({ calculation, dataSource: source, collectionMethod: method });
    expect(i.targetText).toBe(target);
  });

  it('p. 86 and 89: the frequency column where the plan has one', () => {
    expect(indicator(4, '% of health institutions utilizing Hakeem').indicator.frequency).toBe('Yearly');
    expect(indicator(5, 'Committee established').indicator.frequency).toBe('Q1 2018');
  });

  it('maps only unambiguous wordings: measure type from the calculation, result level from the type', () => {
    expect(indicator(1, 'Endorsement of the program by the official entities').indicator.measureType).toBe(
      'yes_no',
    );
    expect(indicator(5, 'Committee established').indicator.measureType).toBe('yes_no');
    expect(indicator(4, 'Development of a software for national database on AMS').indicator.measureType).toBe(
      'text',
    );
    const tor = indicator(2, 'ToR Modified');
    expect([tor.resultLevel, tor.indicator.measureType]).toEqual([null, 'text']);
    expect(
      [
        'Percentage',
        'Percentages',
        'Yes/no',
        'Yes \\ no',
        'Qualitative Y/N',
        'No of visits',
        'Number',
        'Quantitative',
        'One',
      ].map(measureTypeOf),
    ).toEqual(['percentage', 'percentage', 'yes_no', 'yes_no', 'yes_no', 'number', 'number', 'text', 'text']);
    expect(
      ['Output', 'input', 'Inputs', 'Process output', 'Surveillance inputs', ''].map(resultLevelOf),
    ).toEqual(['output', 'input', 'input', null, null, null]);
  });
});

describe('published figures, each with its source', () => {
  it('the end-term evaluation’s rates by objective: 47, 56, 63, 69 %, research not implemented', () => {
    expect(plan.objectives.map((o) => o.publishedRate?.rate ?? null)).toEqual([47, 56, 63, 69, null]);
    expect(objective(5)?.publishedRate?.note).toBe('not implemented (the evaluation reports no percentage)');
    for (const o of plan.objectives)
      expect(o.publishedRate?.source).toMatch(/BMC Public Health 2025;25:2718/);
    // Nothing is computed from activities nobody reported on, and no overall rate is made up.
    expect(
      plan.objectives.every((o) => o.implementation.rate === null && o.implementation.notReported > 0),
    ).toBe(true);
    expect(plan.implementation.overall).toMatchObject({ rate: null, counted: 0, source: null });
    expect(plan.implementation.bySector).toEqual([]);
  });

  it('the budget by objective and year (ch. 5, table on p. 92), adding up to USD 7,594,700', () => {
    expect(plan.objectives.map((o) => o.budgetByYear.map((b) => b.amount))).toEqual([
      [158_150, 170_450, 181_900, 64_900, 67_400],
      [159_600, 120_200, 113_700, 101_700, 104_200],
      [814_600, 875_300, 842_100, 745_100, 674_600],
      [633_100, 456_300, 423_100, 326_100, 270_100],
      [81_600, 61_300, 49_400, 49_400, 50_400],
    ]);
    expect(plan.objectives.map((o) => o.budget)).toEqual([642_800, 599_400, 3_951_700, 2_108_700, 292_100]);
    expect(plan.objectives[0]?.budgetByYear.map((b) => b.planYear)).toEqual([1, 2, 3, 4, 5]);
    expect(plan.objectives[0]?.budgetByYear[0]?.source).toMatch(/ch\. 5/);
    expect(plan.budget).toEqual({ total: 7_594_700, currency: 'USD' });
  });
});

describe('nothing invented is shipped', () => {
  it('no row of the database is illustrative, and the plan never says so', async () => {
    const [row] = await database.rows<Record<string, number>>(sql`
      select (select count(*)::int from plans where illustrative) as plans,
        (select count(*)::int from plan_objectives where illustrative) as objectives,
        (select count(*)::int from plan_activities where illustrative) as activities,
        (select count(*)::int from plan_indicators where illustrative) as indicators,
        (select count(*)::int from plan_targets where illustrative) as targets,
        (select count(*)::int from plan_targets) as all_targets`);
    expect(row).toEqual({
      plans: 0,
      objectives: 0,
      activities: 0,
      indicators: 0,
      targets: 0,
      all_targets: 0,
    });
    const json = JSON.stringify(plan);
    expect(json).not.toMatch(/illustrative activity/i);
    expect(json).not.toMatch(/"source":"illustrative"/);
    // The invented TrACSS-following indicators are gone; the mechanism stays for users.
    expect(plan.indicators.some((i) => i.indicator.follows)).toBe(false);
  });

  it('reads the shipped files completely, and says which activities it could not place under an intervention', async () => {
    const files = await readJordanPlanFiles();
    expect(files.activities).toHaveLength(plan.activities.length);
    expect(files.indicators).toHaveLength(plan.indicators.length);
    expect(files.interventions).toHaveLength(plan.interventions.length);
    // 116 activities of ch. 3 are matched to a ch. 2 intervention; three of them name one the summary
    // tables do not list, or not clearly ("Approaches that support …" fits two of 4.2's): left unlinked.
    expect(plan.activities.filter((a) => a.interventionId !== null)).toHaveLength(113);
    expect(files.unlinked.map((u) => u.match(/row (\d+)/)?.[1])).toEqual(['103', '105', '106']);
    // "… for vets." (p. 53) is the summary table's "… for animals." (pp. 50–51): the alias says so.
    const vets = plan.activities.filter(
      (a) => a.interventionId === plan.interventions.find((i) => i.code === '4.2.2')?.id,
    );
    expect(vets.length).toBeGreaterThan(0);
  });

  it('links M&E indicators to the activity or intervention they measure only where reviewed', () => {
    const me = plan.indicators.filter((i) => i.planningElement);
    expect(me.filter((i) => i.activityId !== null)).toHaveLength(77);
    expect(me.filter((i) => i.interventionId !== null)).toHaveLength(1);
    // p. 76: "Monitoring the effectiveness of the conducted educational activities" is ch. 3's "Evaluating …".
    const monitoring = indicator(1, 'Monitoring reports submitted');
    expect(plan.activities.find((a) => a.id === monitoring.activityId)?.title).toBe(
      'Evaluating the effectiveness of the conducted educational activities',
    );
    // p. 73: the intervention row is 1.1's first intervention.
    const endorsement = indicator(1, 'Endorsement of the program by the official entities');
    expect(plan.interventions.find((i) => i.id === endorsement.interventionId)?.code).toBe('1.1.1');
    // p. 78: a laboratory group ch. 3 calls a "Guidance Committee" is not assumed to be the same.
    expect(indicator(2, 'Activation of national lab group').activityId).toBeNull();
  });
});
