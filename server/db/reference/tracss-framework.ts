import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { type Level, type LevelWording, type MeasureType, SECTORS, type Sector } from '../../../shared';
import { parseCsvRecords } from '../../lib/spreadsheet/csv';
import type { DbOrTx } from '../client';
import { frameworks, indicators, periods } from '../schema';
import { REFERENCE_DATA_DIR } from './paths';

export const TRACSS_2019_2020 = {
  code: 'tracss-2019-2020',
  name: 'TrACSS 2019–2020',
  period: {
    code: '2019-2020',
    label: 'TrACSS round 4 (2019–2020)',
    startDate: '2019-01-01',
    endDate: '2020-12-31',
  },
} as const;

/** Sections of the 2019–2020 questionnaire, by the question number's first part. */
const SECTIONS: Record<string, { name: string; gap: number | null }> = {
  '4': { name: 'Multi-sector and One Health collaboration', gap: null },
  '5': { name: 'National action plan and legislation', gap: null },
  '6': { name: 'Awareness, training and education', gap: 1 },
  '7': { name: 'Monitoring and surveillance', gap: 2 },
  '8': { name: 'Infection prevention and control', gap: 3 },
  '9': { name: 'Optimizing antimicrobial use', gap: 4 },
  // Environmental contamination sits under GAP objective 3 (sanitation, hygiene, IPC).
  '10': { name: 'Environment', gap: 3 },
};

const ALL_SECTORS: Sector[] = [...SECTORS];

/** Maps the sector classification of the questions file (ours, not the survey's) to One Health sectors. */
const SECTOR_MAP: Record<string, Sector[]> = {
  'Multisectoral (One Health)': ALL_SECTORS,
  'Human health': ['human_health'],
  'Animal health': ['terrestrial_animal_health', 'aquatic_animal_health'],
  'Plant health': ['plant_health'],
  'Food safety': ['food_safety'],
  'Animal health and food safety': ['terrestrial_animal_health', 'aquatic_animal_health', 'food_safety'],
  'Plant/food production/food safety/environment': [
    'plant_health',
    'food_production',
    'food_safety',
    'environment',
  ],
  Environment: ['environment'],
};

const MEASURE: Record<string, MeasureType> = {
  level_A_E: 'level',
  yes_no: 'yes_no',
  text: 'text',
  empty: 'text',
};

export type NewIndicator = typeof indicators.$inferInsert;

/**
 * Footnote numbers the portal's spreadsheet glued to some texts (the questionnaire's footnotes 9–21),
 * removed where the app shows the text: the A–E level wordings and the A–E questions' definitions. Exact
 * substitutions, each of which must match (a changed file fails here rather than keep a mark); the
 * questions file itself stays as published, and `sourceColumn` keeps the header as the file writes it.
 */
export const FOOTNOTE_MARKS: readonly {
  code: string;
  field: 'definition' | `level_${Level}`;
  from: string;
  to: string;
}[] = [
  { code: '6.5', field: 'level_E', from: 'Veterinary Services.9', to: 'Veterinary Services.' },
  { code: '7.2', field: 'level_B', from: 'OIE standards.10', to: 'OIE standards.' },
  { code: '7.3', field: 'level_A', from: 'fungal diseases.11', to: 'fungal diseases.' },
  { code: '7.4', field: 'level_D', from: 'community patients12,', to: 'community patients,' },
  {
    code: '8.1',
    field: 'level_D',
    from: 'core components guidelines13 and',
    to: 'core components guidelines and',
  },
  { code: '9.2', field: 'level_D', from: 'regulatory framework19 for', to: 'regulatory framework for' },
  { code: '9.2', field: 'level_D', from: 'production sector 20.', to: 'production sector.' },
  { code: '9.1', field: 'definition', from: 'in human health17', to: 'in human health' },
  { code: '9.1.1', field: 'definition', from: 'antibiotics 18 in', to: 'antibiotics in' },
  { code: '9.3', field: 'definition', from: 'plant production 21', to: 'plant production' },
];

function withoutFootnoteMarks(r: Record<string, string>, field: string): string {
  let text = r[field] ?? '';
  for (const m of FOOTNOTE_MARKS) {
    if (m.code !== r.indicator_code || m.field !== (field === 'question_text' ? 'definition' : field))
      continue;
    if (!text.includes(m.from))
      throw new Error(`questions file: ${m.code} ${m.field} no longer reads "${m.from}" (footnote mark)`);
    text = text.replace(m.from, m.to);
  }
  return text;
}

export async function readTracssQuestions(
  file = path.join(REFERENCE_DATA_DIR, 'tracss/tracss_2019_2020_questions.csv'),
): Promise<NewIndicator[]> {
  const records = parseCsvRecords(await readFile(file, 'utf8'));
  const base = (r: Record<string, string>) => r.indicator_code || `Q${r.column_index}`;
  const counts = new Map<string, number>();
  for (const r of records) counts.set(base(r), (counts.get(base(r)) ?? 0) + 1);
  const seen = new Map<string, number>();
  return records.map((r) => {
    const b = base(r);
    const nth = (seen.get(b) ?? 0) + 1;
    seen.set(b, nth);
    const sectionKey = (r.indicator_code || '').split('.')[0] ?? '';
    const section = SECTIONS[sectionKey];
    const measureType = MEASURE[r.response_type ?? ''];
    const sectors = SECTOR_MAP[r.sector ?? ''];
    if (!measureType || !sectors)
      throw new Error(`questions file: unknown response type or sector in row ${r.column_index}`);
    const levels: LevelWording | null =
      measureType === 'level'
        ? {
            A: withoutFootnoteMarks(r, 'level_A'),
            B: withoutFootnoteMarks(r, 'level_B'),
            C: withoutFootnoteMarks(r, 'level_C'),
            D: withoutFootnoteMarks(r, 'level_D'),
            E: withoutFootnoteMarks(r, 'level_E'),
          }
        : null;
    return {
      frameworkCode: TRACSS_2019_2020.code,
      code: (counts.get(b) ?? 1) > 1 ? `${b}-${nth}` : b,
      questionCode: r.indicator_code || null,
      sortOrder: Number(r.column_index),
      name: r.short_name ?? '',
      subItem: r.sub_item || null,
      definition: withoutFootnoteMarks(r, 'question_text') || null,
      section: section?.name ?? null,
      measureType,
      unit: null,
      numeratorLabel: null,
      denominatorLabel: null,
      direction: measureType === 'text' ? 'maintain' : 'increase',
      levels,
      gapObjective: section?.gap ?? null,
      sectors,
      resultLevel: null,
      dataSource: 'TrACSS country self-assessment (one official answer per country)',
      frequency: 'yearly',
      sourceColumn: r.question_text ?? null,
    };
  });
}

/**
 * Creates the TrACSS 2019–2020 framework, its questions and its period, unless they exist; in a
 * database that has them, brings the questions' level wordings and definitions up to the file's (as
 * shown: without footnote marks).
 */
export async function loadTracssFramework(db: DbOrTx): Promise<void> {
  const t = TRACSS_2019_2020;
  const existing = await db.select().from(frameworks).where(eq(frameworks.code, t.code));
  if (existing.length > 0) {
    const stored = await db
      .select({
        id: indicators.id,
        code: indicators.code,
        levels: indicators.levels,
        definition: indicators.definition,
      })
      .from(indicators)
      .where(eq(indicators.frameworkCode, t.code));
    const byCode = new Map(stored.map((q) => [q.code, q]));
    for (const q of await readTracssQuestions()) {
      const row = byCode.get(q.code ?? '');
      if (!row) continue;
      const levels = q.levels ?? null;
      const definition = q.definition ?? null;
      if (JSON.stringify(row.levels) !== JSON.stringify(levels) || row.definition !== definition)
        await db.update(indicators).set({ levels, definition }).where(eq(indicators.id, row.id));
    }
  }
  if (existing.length === 0) {
    await db.insert(frameworks).values({
      code: t.code,
      name: t.name,
      kind: 'tracss',
      description:
        'Tracking AMR Country Self-assessment Survey, 4th round (2019–2020): 136 countries answered. ' +
        'Most capacity questions are scored on an ordinal A–E scale.',
      source: 'Quadripartite TrACSS database (amrcountryprogress.org), WHO data-policy terms',
    });
    await db.insert(indicators).values(await readTracssQuestions());
  }
  const p = await db
    .select()
    .from(periods)
    .where(and(eq(periods.frameworkCode, t.code), eq(periods.code, t.period.code)));
  if (p.length === 0) await db.insert(periods).values({ frameworkCode: t.code, ...t.period });
}
