import { implementationRate, type Plan, type PlanActivity, PlanSchema } from '../../../shared';

const activity = (
  over: Partial<PlanActivity> & Pick<PlanActivity, 'id' | 'code' | 'objectiveId'>,
): PlanActivity => ({
  title: `Illustrative activity ${over.code}`,
  sectors: ['human_health'],
  leadAgency: null,
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

/** A two-objective plan of Jordan, its rates computed with the shared functions as the server does. */
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
    title: 'Jordan NAP 2018–2022',
    periodStart: 2018,
    periodEnd: 2022,
    status: 'closed',
    generation: 1,
    sourceNote: 'Jordan NAP 2018–2022; BMC Public Health 2025;25:2718',
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
      implementation: rate(acts.filter((a) => a.objectiveId === o.id)),
    })),
    activities: acts,
    indicators: [
      {
        id: 5,
        objectiveId: 2,
        indicator: {
          id: 340,
          frameworkCode: 'national-jor',
          code: 'tracss-2019-2020:7.4',
          name: 'National surveillance system for AMR in humans',
          measureType: 'level',
          unit: null,
          national: true,
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
