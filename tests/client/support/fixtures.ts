import {
  type CompareResult,
  CompareResultSchema,
  type CompareRow,
  type Country,
  CountrySchema,
  type Indicator,
  IndicatorSchema,
  type IndicatorValue,
  IndicatorValueSchema,
  LEVELS,
  type Level,
  type NationalReport,
  NationalReportSchema,
} from '../../../shared';

/** Builders of API payloads; each one is parsed by the shared schema so mocks cannot drift. */

export function buildCountry(overrides: Partial<Country> = {}): Country {
  return CountrySchema.parse({
    iso3: 'JOR',
    iso2: 'JO',
    m49Code: '400',
    name: 'Jordan',
    isoName: 'Jordan',
    whoMember: true,
    whoRegion: 'EMR',
    unRegion: 'Asia',
    unSubregion: 'Western Asia',
    incomeGroup: 'UMC',
    ...overrides,
  });
}

export const jordan = buildCountry();
export const egypt = buildCountry({
  iso3: 'EGY',
  iso2: 'EG',
  m49Code: '818',
  name: 'Egypt',
  isoName: 'Egypt',
  unRegion: 'Africa',
  unSubregion: 'Northern Africa',
  incomeGroup: 'LMC',
});
export const france = buildCountry({
  iso3: 'FRA',
  iso2: 'FR',
  m49Code: '250',
  name: 'France',
  isoName: 'France',
  whoRegion: 'EUR',
  unRegion: 'Europe',
  unSubregion: 'Western Europe',
  incomeGroup: 'HIC',
});
export const aruba = buildCountry({
  iso3: 'ABW',
  iso2: 'AW',
  m49Code: '533',
  name: 'Aruba',
  isoName: 'Aruba',
  whoMember: false,
  whoRegion: null,
  unRegion: 'Americas',
  unSubregion: 'Caribbean',
  incomeGroup: 'HIC',
});
export const allCountries = [aruba, egypt, france, jordan];

function wording(topic: string) {
  return Object.fromEntries(LEVELS.map((l) => [l, `${topic}: level ${l} wording`])) as Record<Level, string>;
}

export function buildIndicator(
  overrides: Partial<Indicator> & Pick<Indicator, 'id' | 'code' | 'name'>,
): Indicator {
  return IndicatorSchema.parse({
    frameworkCode: 'tracss-2019-2020',
    questionCode: overrides.code,
    sortOrder: overrides.id,
    subItem: null,
    definition: null,
    section: null,
    measureType: 'level',
    unit: null,
    numeratorLabel: null,
    denominatorLabel: null,
    direction: 'increase',
    levels: wording(overrides.name),
    gapObjective: null,
    sectors: ['human_health'],
    resultLevel: null,
    dataSource: null,
    frequency: null,
    calculation: null,
    collectionMethod: null,
    followsIndicatorId: null,
    ...overrides,
  });
}

export const indicators: Indicator[] = [
  buildIndicator({
    id: 1,
    code: '4.1',
    name: 'Multi-sector and One Health collaboration/coordination',
    sectors: ['human_health', 'terrestrial_animal_health', 'environment'],
    levels: {
      A: 'No formal multi-sectoral governance or coordination mechanism on AMR exists.',
      B: 'Multi-sectoral working group(s) or coordination committee on AMR established with Government leadership.',
      C: 'Multi-sectoral working group(s) is (are) functional.',
      D: 'Joint working on issues including agreement on common objectives.',
      E: 'Integrated approaches used to implement the national AMR action plan.',
    },
  }),
  buildIndicator({
    id: 2,
    code: '6.2',
    name: 'Training and professional education on AMR in the human health sector',
  }),
  buildIndicator({ id: 3, code: '7.4', name: 'National surveillance system for AMR in humans' }),
];

export function buildValue(iso3: string, indicator: Indicator, level: Level | null): IndicatorValue {
  return IndicatorValueSchema.parse({
    countryIso3: iso3,
    indicatorId: indicator.id,
    indicatorCode: indicator.code,
    frameworkCode: 'tracss-2019-2020',
    periodCode: '2019-2020',
    status: level ? 'reported' : 'no_data',
    level,
    numericValue: null,
    numerator: null,
    denominator: null,
    textValue: level && indicator.levels ? `${level} - ${indicator.levels[level]}` : null,
    source: 'published',
  });
}

export const [i41, i62, i74] = indicators as [Indicator, Indicator, Indicator];
/** Jordan answered 4.1 = B and 7.4 = E, and left 6.2 unanswered. */
export const jordanValues = [
  buildValue('JOR', i41, 'B'),
  buildValue('JOR', i62, null),
  buildValue('JOR', i74, 'E'),
];

/** What the server says of a WHO-region or income group made with the round's classification. */
export const ROUND_CLASSIFICATION = {
  basis: 'round',
  note: "As in force for TrACSS 2019–2020: the round's own file for the countries that answered it; the reference lists as of 2020-12-31 for the others",
} as const;
export const TODAY_CLASSIFICATION = {
  basis: 'today',
  note: "Today's classification: each country's WHO region and World Bank income group now in force",
} as const;

/** A country's own report on a TrACSS question through its national indicator (approved by default). */
export function buildNationalReport(
  question: Indicator,
  over: Partial<NationalReport> & Pick<NationalReport, 'periodCode'>,
): NationalReport {
  return NationalReportSchema.parse({
    questionId: question.id,
    questionCode: question.code,
    indicatorCode: `tracss-2019-2020:${question.code}`,
    frameworkCode: 'national-jor',
    year: Number(over.periodCode.slice(0, 4)),
    status: 'reported',
    level: null,
    numericValue: null,
    textValue: null,
    source: 'national_approved',
    ...over,
  });
}

export function page<T>(items: T[]) {
  return { items, total: items.length, limit: 1000, offset: 0 };
}

function compareRow(
  indicator: Indicator,
  countryLevel: Level | null,
  stats: Partial<CompareRow['stats']>,
  rank: number | null,
): CompareRow {
  return {
    indicator: {
      id: indicator.id,
      code: indicator.code,
      name: indicator.name,
      section: indicator.section,
      sectors: indicator.sectors,
      levels: indicator.levels,
    },
    countryLevel,
    stats: { n: 21, distribution: { A: 2, B: 5, C: 6, D: 5, E: 3 }, median: 3, q1: 2, q3: 4, ...stats },
    rank,
    percentile: rank === null ? null : 40,
  };
}

export const jordanCompare: CompareResult = CompareResultSchema.parse({
  framework: 'tracss-2019-2020',
  period: '2019-2020',
  source: 'published',
  country: jordan,
  group: {
    type: 'who_region',
    key: 'EMR',
    label: 'Eastern Mediterranean Region',
    members: ['AFG', 'EGY', 'JOR', 'LBN'],
    classification: ROUND_CLASSIFICATION,
  },
  rows: [
    compareRow(i41, 'B', { median: 3.5, q1: 2, q3: 4 }, 15),
    compareRow(i62, null, { n: 20 }, null),
    compareRow(i74, 'E', { median: 3, q1: 3, q3: 3 }, 1),
  ],
});

export function errorEnvelope(statusCode: number, message: string) {
  const error =
    statusCode === 404 ? 'Not Found' : statusCode === 400 ? 'Bad Request' : 'Internal Server Error';
  return { error, message, statusCode, requestId: 'req-test-1' };
}

export const [compareRow41, compareRow62] = jordanCompare.rows as [CompareRow, CompareRow, CompareRow];
