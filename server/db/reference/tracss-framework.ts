import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { MeasureType } from '../../../shared';
import { parseCsvRecords } from '../../lib/spreadsheet/csv';
import type { DbOrTx } from '../client';
import { frameworks, importMappings, indicators, periods } from '../schema';
import { REFERENCE_DATA_DIR } from './paths';
import { readTracss2025Questions, TRACSS_2025, tracss2025Mapping } from './tracss-2025';
import { levelsOf, type NewIndicator, SECTOR_MAP } from './tracss-common';

export type { NewIndicator } from './tracss-common';

export const TRACSS_2019_2020 = {
  code: 'tracss-2019-2020',
  name: 'TrACSS 2019–2020',
  description:
    'Tracking AMR Country Self-assessment Survey, 4th round (2019–2020): 136 countries answered. ' +
    'Most capacity questions are scored on an ordinal A–E scale.',
  source: 'Quadripartite TrACSS database (amrcountryprogress.org), WHO data-policy terms',
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

const MEASURE: Record<string, MeasureType> = {
  level_A_E: 'level',
  yes_no: 'yes_no',
  text: 'text',
  empty: 'text',
};

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
    return {
      frameworkCode: TRACSS_2019_2020.code,
      code: (counts.get(b) ?? 1) > 1 ? `${b}-${nth}` : b,
      questionCode: r.indicator_code || null,
      sortOrder: Number(r.column_index),
      name: r.short_name ?? '',
      subItem: r.sub_item || null,
      definition: r.question_text || null,
      section: section?.name ?? null,
      measureType,
      unit: null,
      numeratorLabel: null,
      denominatorLabel: null,
      direction: measureType === 'text' ? 'maintain' : 'increase',
      levels: measureType === 'level' ? levelsOf(r) : null,
      options: null,
      gapObjective: section?.gap ?? null,
      sectors,
      resultLevel: null,
      dataSource: 'TrACSS country self-assessment (one official answer per country)',
      frequency: 'yearly',
      sourceColumn: r.question_text ?? null,
    };
  });
}

/** A round shipped with the product: its framework, its one period, its questions (and mapping). */
interface ShippedRound {
  code: string;
  name: string;
  description: string;
  source: string;
  period: { code: string; label: string; startDate: string; endDate: string };
}

/**
 * The shipped TrACSS rounds: each framework, its questions and its period are created unless they
 * exist (the 2025 round with the importer mapping of its file). The wording of questions that exist
 * (level wording, options) follows the questions file, so a corrected wording reaches databases
 * loaded before the correction at their next start.
 */
export async function loadTracssFramework(db: DbOrTx): Promise<void> {
  await loadRound(db, TRACSS_2019_2020, await readTracssQuestions());
  const created = await loadRound(db, TRACSS_2025, await readTracss2025Questions());
  if (created)
    await db
      .insert(importMappings)
      .values({ frameworkCode: TRACSS_2025.code, mapping: await tracss2025Mapping() })
      .onConflictDoNothing({ target: importMappings.frameworkCode });
}

/** Creates the round unless it exists, else updates its questions' wording; true when created. */
async function loadRound(db: DbOrTx, t: ShippedRound, questions: NewIndicator[]): Promise<boolean> {
  const existing = await db.select().from(frameworks).where(eq(frameworks.code, t.code));
  const created = existing.length === 0;
  if (created) {
    await db.insert(frameworks).values({
      code: t.code,
      name: t.name,
      kind: 'tracss',
      description: t.description,
      source: t.source,
    });
    await db.insert(indicators).values(questions);
  } else {
    await updateWording(db, t.code, questions);
  }
  const p = await db
    .select()
    .from(periods)
    .where(and(eq(periods.frameworkCode, t.code), eq(periods.code, t.period.code)));
  if (p.length === 0) await db.insert(periods).values({ frameworkCode: t.code, ...t.period });
  return created;
}

/** Sets the level wording and options of the round's questions where the file words them otherwise. */
async function updateWording(db: DbOrTx, frameworkCode: string, questions: NewIndicator[]) {
  const stored = await db
    .select({
      id: indicators.id,
      code: indicators.code,
      levels: indicators.levels,
      options: indicators.options,
    })
    .from(indicators)
    .where(eq(indicators.frameworkCode, frameworkCode));
  const byCode = new Map(stored.map((s) => [s.code, s]));
  for (const q of questions) {
    const s = byCode.get(q.code);
    if (!s) continue;
    const levels = q.levels ?? null;
    const options = q.options ?? null;
    if (
      JSON.stringify(s.levels ?? null) === JSON.stringify(levels) &&
      JSON.stringify(s.options ?? null) === JSON.stringify(options)
    )
      continue;
    await db.update(indicators).set({ levels, options }).where(eq(indicators.id, s.id));
  }
}
