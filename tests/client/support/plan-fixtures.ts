import { implementationRate, type Plan, type PlanActivity, PlanSchema } from '../../../shared';

const activity = (
  over: Partial<PlanActivity> & Pick<PlanActivity, 'id' | 'code' | 'objectiveId'>,
): PlanActivity => ({
  title: `Flagged activity ${over.code}`,
  interventionId: null,
  sectors: ['human_health'],
  leadAgency: null,
  timeline: null,
  plannedStart: null,
  plannedEnd: null,
  budget: null,
  currency: null,
  fundingStatus: null,
  implementationStatus: 'not_started',
  percentComplete: 0,
  illustrative: true,
  version: 1,
  ...over,
});

const rate = (list: PlanActivity[]) =>
  implementationRate(
    list.map((a) => ({
      status: a.implementationStatus,
      percentComplete: a.percentComplete,
      source: a.illustrative ? ('illustrative' as const) : ('national_approved' as const),
    })),
  );

/**
 * A synthetic two-objective plan (not Jordan's: its activities are flagged illustrative, to test how
 * flagged rows and the figures derived from them are marked), its rates computed with the shared
 * functions as the server does.
 */
export function buildPlan(activities?: PlanActivity[]): Plan {
  const acts = activities ?? [
    activity({
      id: 11,
      code: '1.1',
      objectiveId: 1,
      implementationStatus: 'completed',
      percentComplete: 100,
    }),
    activity({ id: 12, code: '1.2', objectiveId: 1, implementationStatus: 'ongoing', percentComplete: 40 }),
    activity({ id: 21, code: '2.1', objectiveId: 2, sectors: ['environment'] }),
  ];
  return PlanSchema.parse({
    id: 7,
    countryIso3: 'JOR',
    title: 'Synthetic NAP 2018–2022',
    periodStart: 2018,
    periodEnd: 2022,
    status: 'closed',
    generation: 1,
    sourceNote: 'A synthetic plan for the page tests',
    illustrative: false,
    version: 1,
    budget: { total: 1_242_200, currency: 'USD' },
    objectives: [
      {
        id: 1,
        code: 'SO1',
        title: 'Awareness',
        gapObjective: 1,
        budget: 642_800,
        currency: 'USD',
        sortOrder: 1,
      },
      {
        id: 2,
        code: 'SO2',
        title: 'Surveillance',
        gapObjective: 2,
        budget: 599_400,
        currency: 'USD',
        sortOrder: 2,
      },
    ].map((o) => ({
      ...o,
      illustrative: false,
      version: 1,
      budgetByYear: [],
      publishedRate: null,
      implementation: rate(acts.filter((a) => a.objectiveId === o.id)),
    })),
    interventions: [],
    activities: acts,
    indicators: [
      {
        id: 5,
        objectiveId: 2,
        interventionId: null,
        activityId: null,
        planningElement: null,
        typeText: null,
        targetText: null,
        indicator: {
          id: 340,
          frameworkCode: 'national-jor',
          code: 'tracss-2019-2020:7.4',
          name: 'National surveillance system for AMR in humans',
          measureType: 'level',
          unit: null,
          national: true,
          calculation: null,
          dataSource: null,
          collectionMethod: null,
          frequency: null,
          follows: {
            id: 34,
            frameworkCode: 'tracss-2019-2020',
            frameworkName: 'TrACSS 2019–2020',
            code: '7.4',
          },
        },
        baseline: null,
        direction: 'increase',
        resultLevel: 'output',
        sortOrder: 1,
        illustrative: true,
        version: 1,
        targets: [{ year: 2022, value: null, level: 'D', illustrative: true }],
        progress: {
          latest: {
            value: null,
            level: 'C',
            periodCode: '2019-2020',
            year: 2020,
            source: 'published',
            sourceName: 'TrACSS 2019–2020',
          },
          target: { year: 2022, value: null, level: 'D', illustrative: true },
          percentOfTarget: 75,
          status: 'off_track',
          source: 'illustrative',
        },
      },
    ],
    implementation: {
      overall: rate(acts),
      bySector: [
        { sector: 'human_health', ...rate(acts.filter((a) => a.sectors.includes('human_health'))) },
        { sector: 'environment', ...rate(acts.filter((a) => a.sectors.includes('environment'))) },
      ],
      rule: 'completed = 100 %, ongoing = % complete, not started = 0 %; cancelled left out',
    },
  });
}

const EVALUATION = 'End-term evaluation: Example et al., Journal 2025 (a synthetic citation)';

/**
 * A synthetic plan shaped as a published one is loaded: interventions under strategic objectives,
 * activities whose status was never reported, rates quoted from an evaluation, budgets by plan year
 * and M&E indicators attached to their planning elements with targets as written.
 */
export function buildPublishedPlan(): Plan {
  const base = buildPlan([]);
  const acts: PlanActivity[] = [
    activity({
      id: 31,
      code: 'A1.01',
      objectiveId: 1,
      interventionId: 101,
      title: 'Mapping the stakeholders',
    }),
    activity({
      id: 32,
      code: 'A1.02',
      objectiveId: 1,
      interventionId: null,
      title: 'A national training programme',
    }),
    activity({ id: 33, code: 'A2.01', objectiveId: 2, interventionId: 201, title: 'Participating in GLASS' }),
  ].map((a, i) => ({
    ...a,
    sectors: [],
    illustrative: false,
    implementationStatus: 'not_reported' as const,
    percentComplete: null,
    timeline: ['Q1-Q2 2018', 'Q2/2018', 'Ongoing'][i] ?? null,
    leadAgency: ['Outsourced NGO', 'National Coordinator', 'NCC'][i] ?? null,
  }));
  const me = (
    id: number,
    objectiveId: number,
    element: { kind: 'objective' | 'activity'; text: string },
    over: object,
  ) => ({
    ...(base.indicators[0] as Plan['indicators'][number]),
    id,
    objectiveId,
    interventionId: null,
    activityId: element.kind === 'activity' ? 31 : null,
    planningElement: element,
    illustrative: false,
    targets: [],
    progress: { latest: null, target: null, percentOfTarget: null, status: 'no_data' as const, source: null },
    ...over,
  });
  return PlanSchema.parse({
    ...base,
    title: 'Synthetic published NAP',
    budget: { total: 1_242_200, currency: 'USD' },
    objectives: base.objectives.map((o, i) => ({
      ...o,
      implementation: rate(acts.filter((a) => a.objectiveId === o.id)),
      budgetByYear: [1, 2].map((planYear) => ({
        planYear,
        amount: planYear === 1 ? [300_000, 200_000][i] : [342_800, 399_400][i],
        source: 'The plan, ch. 5, p. 92',
      })),
      publishedRate:
        i === 0
          ? { rate: 47, note: null, source: EVALUATION }
          : { rate: null, note: 'not implemented (no percentage)', source: EVALUATION },
    })),
    interventions: [
      {
        id: 101,
        objectiveId: 1,
        code: '1.1.1',
        title: 'A national awareness programme',
        strategicObjective: { code: '1.1', title: 'Improve awareness' },
        sortOrder: 1,
        version: 1,
      },
      {
        id: 201,
        objectiveId: 2,
        code: '2.1.1',
        title: 'Activating a coordination centre',
        strategicObjective: { code: '2.1', title: 'A surveillance system' },
        sortOrder: 2,
        version: 1,
      },
    ],
    activities: acts,
    indicators: [
      me(
        61,
        1,
        { kind: 'objective', text: 'Improve awareness' },
        {
          indicator: {
            ...base.indicators[0]?.indicator,
            id: 601,
            code: 'ME-1.01',
            name: '% of target groups aware',
            measureType: 'percentage',
            unit: '%',
            follows: null,
            calculation: 'Percentage',
            dataSource: 'Survey',
            collectionMethod: 'Household survey',
            frequency: null,
          },
          resultLevel: 'outcome',
          typeText: 'outcome',
          targetText: '>90% people made aware',
        },
      ),
      me(
        62,
        1,
        { kind: 'activity', text: 'Conducting a mapping exercise' },
        {
          indicator: {
            ...base.indicators[0]?.indicator,
            id: 602,
            code: 'ME-1.02',
            name: 'Mapping report generated',
            measureType: 'yes_no',
            unit: null,
            follows: null,
            calculation: 'Yes/no',
            dataSource: 'Report',
            collectionMethod: 'Meetings',
            frequency: null,
          },
          resultLevel: null,
          typeText: 'Defining work',
          targetText: 'Mapping report generated',
        },
      ),
    ],
    implementation: { overall: rate(acts), bySector: [], rule: base.implementation.rule },
  });
}
