/**
 * Synthetic national-scale data for the benchmarks (docs/benchmarks.md): a national framework with mixed
 * measure types, yearly periods and one value per country × indicator × period. Deterministic
 * from a seed, pure (no database): the loader turns it into rows, the unit test checks its shape.
 */

export type BenchMeasure = 'level' | 'number' | 'percentage' | 'ratio' | 'yes_no' | 'text';

/** mulberry32: a small, fast 32-bit PRNG; the same seed gives the same sequence everywhere. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface BenchIndicator {
  code: string;
  sortOrder: number;
  name: string;
  section: string;
  measureType: BenchMeasure;
  unit: string | null;
  direction: 'increase' | 'decrease';
}

export interface BenchPeriod {
  code: string;
  label: string;
  startDate: string;
  endDate: string;
}

export interface BenchFramework {
  code: string;
  name: string;
  /** A synthetic published dataset (a TrACSS round at scale): comparisons read published data. */
  kind: 'tracss';
  indicators: BenchIndicator[];
  periods: BenchPeriod[];
}

export interface FrameworkOptions {
  code?: string;
  indicators?: number;
  /** How many of the indicators are A–E level indicators. */
  levelIndicators?: number;
  periods?: number;
  firstYear?: number;
}

/** Share of the non-level indicators per measure type (the rest is level). */
const MIX: [BenchMeasure, number][] = [
  ['number', 0.3],
  ['percentage', 0.3],
  ['ratio', 0.15],
  ['yes_no', 0.15],
  ['text', 0.1],
];
const SECTIONS = ['Governance', 'Surveillance', 'Stewardship', 'Infection prevention', 'Awareness'];

export function generateFramework(opts: FrameworkOptions = {}): BenchFramework {
  const total = opts.indicators ?? 150;
  const levels = Math.min(opts.levelIndicators ?? 20, total);
  const types: BenchMeasure[] = Array.from({ length: levels }, () => 'level');
  let rest = total - levels;
  MIX.forEach(([type, share], i) => {
    const n = i === MIX.length - 1 ? rest : Math.round((total - levels) * share);
    for (let k = 0; k < n && rest > 0; k++, rest--) types.push(type);
  });
  const firstYear = opts.firstYear ?? 2015;
  return {
    code: opts.code ?? 'bench-round',
    name: 'Benchmark round (synthetic)',
    kind: 'tracss',
    indicators: types.map((measureType, i) => ({
      code: `B${String(i + 1).padStart(3, '0')}`,
      sortOrder: i + 1,
      name: `Synthetic indicator ${i + 1} (${measureType})`,
      section: SECTIONS[i % SECTIONS.length] as string,
      measureType,
      unit: measureType === 'percentage' ? '%' : null,
      direction: i % 7 === 3 ? 'decrease' : 'increase',
    })),
    periods: Array.from({ length: opts.periods ?? 10 }, (_, i) => {
      const year = firstYear + i;
      return {
        code: String(year),
        label: String(year),
        startDate: `${year}-01-01`,
        endDate: `${year}-12-31`,
      };
    }),
  };
}

/** One value row; indicator and period are indexes into the framework's lists. */
export interface BenchValue {
  country: string;
  indicator: number;
  period: number;
  status: 'reported' | 'no_data' | 'not_applicable';
  level: string | null;
  numericValue: number | null;
  numerator: number | null;
  denominator: number | null;
  textValue: string | null;
}

const LEVELS = ['A', 'B', 'C', 'D', 'E'];

/**
 * One value per country × indicator × period (countries in the order given). Each country has a
 * latent capacity that grows over the years, so levels and figures trend like real progress.
 */
export function* generateValues(fw: BenchFramework, countries: readonly string[], seed: number) {
  const rand = mulberry32(seed);
  const years = fw.periods.length;
  for (const country of countries) {
    const capacity = rand();
    const growth = 0.02 + rand() * 0.05;
    for (let i = 0; i < fw.indicators.length; i++) {
      const ind = fw.indicators[i] as BenchIndicator;
      const bias = rand() * 0.4 - 0.2;
      for (let p = 0; p < years; p++) {
        const r = rand();
        const x = Math.min(1, Math.max(0, capacity + bias + growth * p + (rand() - 0.5) * 0.1));
        const v: BenchValue = {
          country,
          indicator: i,
          period: p,
          status: r < 0.03 ? 'no_data' : r < 0.04 ? 'not_applicable' : 'reported',
          level: null,
          numericValue: null,
          numerator: null,
          denominator: null,
          textValue: null,
        };
        if (v.status === 'reported') fill(v, ind.measureType, x, rand);
        yield v;
      }
    }
  }
}

function fill(v: BenchValue, type: BenchMeasure, x: number, rand: () => number) {
  switch (type) {
    case 'level': {
      const l = LEVELS[Math.min(4, Math.floor(x * 5))] as string;
      v.level = l;
      v.textValue = l;
      return;
    }
    case 'number':
      v.numericValue = Math.round(x * 10_000 * (0.5 + rand())) / 10;
      return;
    case 'percentage':
      v.numericValue = Math.round(x * 1000) / 10;
      return;
    case 'ratio': {
      const d = 100 + Math.floor(rand() * 9900);
      const n = Math.floor(d * x);
      v.numerator = n;
      v.denominator = d;
      v.numericValue = n / d;
      return;
    }
    case 'yes_no':
      v.numericValue = x > 0.5 ? 1 : 0;
      v.textValue = x > 0.5 ? 'Yes' : 'No';
      return;
    case 'text':
      v.textValue = `Progress note ${Math.floor(x * 100)}: activities ${x > 0.5 ? 'on track' : 'delayed'}`;
      return;
  }
}

/** Columns of indicator_values a benchmark row fills, in COPY order. */
export const VALUE_COLUMNS = [
  'country_iso3',
  'indicator_id',
  'period_id',
  'status',
  'level',
  'numeric_value',
  'numerator',
  'denominator',
  'text_value',
] as const;

const copyText = (s: string | null) =>
  s === null ? '\\N' : s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n');
const copyNum = (n: number | null) => (n === null ? '\\N' : String(n));

/** One line of COPY text format (tab-separated, \N for null) for VALUE_COLUMNS. */
export function copyLine(v: BenchValue, indicatorId: number, periodId: number): string {
  return `${v.country}\t${indicatorId}\t${periodId}\t${v.status}\t${copyText(v.level)}\t${copyNum(v.numericValue)}\t${copyNum(v.numerator)}\t${copyNum(v.denominator)}\t${copyText(v.textValue)}\n`;
}
