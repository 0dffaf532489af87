import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type ImportMapping, ImportMappingSchema, type MeasureType } from '../../../shared';
import { parseCsvRecords } from '../../lib/spreadsheet/csv';
import type { StoredChoiceOption } from '../schema';
import { REFERENCE_DATA_DIR } from './paths';
import { levelsOf, type NewIndicator, SECTOR_MAP } from './tracss-common';

/** The TrACSS 2025 (9th) round as shipped (server/db/reference-data/tracss/SOURCE.md). */
export const TRACSS_2025 = {
  code: 'tracss-2025',
  name: 'TrACSS 2025',
  description:
    'Tracking AMR Country Self-assessment Survey, 9th round (2025): 184 countries answered. Capacity ' +
    'questions are scored on an ordinal A–E scale; the others are yes/no, single and multiple choice, ' +
    'numbers and text.',
  source:
    'Quadripartite TrACSS (FAO, UNEP, WHO, WOAH): country responses as exported from the TrACSS portal on ' +
    '1 October 2025 (TrACSS-2025-Data-export-01102025.csv); WHO data-policy terms',
  period: {
    code: '2025',
    label: 'TrACSS round 9 (2025)',
    startDate: '2025-01-01',
    endDate: '2025-12-31',
  },
} as const;

const TRACSS_DIR = path.join(REFERENCE_DATA_DIR, 'tracss');
export const TRACSS_2025_CSV = path.join(TRACSS_DIR, 'tracss_2025_country_responses.csv');

const MEASURE: Record<string, MeasureType> = {
  level_A_E: 'level',
  yes_no: 'yes_no',
  single_choice: 'single_choice',
  multiple_choice: 'multiple_choice',
  number: 'number',
  text: 'text',
};

/**
 * The round's questions from tracss_2025_questions.csv (made from the round's file by
 * scripts/tracss-2025-questions.mjs, then reviewed): codes as the file prints them (2.1, 2.3.a, 4.5.a;
 * a column without a code of its own is a sub-item of the question above, 2.24-1), A–E wording
 * without footnote marks, the options of each choice question with the column each is answered in.
 */
export async function readTracss2025Questions(
  file = path.join(TRACSS_DIR, 'tracss_2025_questions.csv'),
): Promise<NewIndicator[]> {
  const records = parseCsvRecords(await readFile(file, 'utf8'));
  return records.map((r) => {
    const measureType = MEASURE[r.response_type ?? ''];
    const sectors = SECTOR_MAP[r.sector ?? ''];
    if (!measureType || !sectors)
      throw new Error(`2025 questions file: unknown response type or sector in row ${r.indicator_code}`);
    const options = r.options
      ? (JSON.parse(r.options) as { code: string; label: string; column?: string }[]).map(
          (o): StoredChoiceOption => ({
            code: o.code,
            label: o.label,
            ...(o.column ? { sourceColumn: o.column } : {}),
          }),
        )
      : null;
    const choice = measureType === 'single_choice' || measureType === 'multiple_choice';
    if (choice !== (options !== null)) throw new Error(`2025 questions file: options of ${r.indicator_code}`);
    return {
      frameworkCode: TRACSS_2025.code,
      code: r.indicator_code ?? '',
      questionCode: r.question_code || null,
      sortOrder: Number(r.column_index),
      name: r.short_name ?? '',
      subItem: r.sub_item || null,
      definition: r.question_text || null,
      section: r.section || null,
      measureType,
      unit: null,
      numeratorLabel: null,
      denominatorLabel: null,
      direction: measureType === 'text' || choice ? 'maintain' : 'increase',
      levels: measureType === 'level' ? levelsOf(r) : null,
      options,
      gapObjective: r.gap_objective ? Number(r.gap_objective) : null,
      sectors,
      resultLevel: null,
      dataSource: 'TrACSS country self-assessment (one official answer per country)',
      frequency: 'yearly',
      sourceColumn: r.source_column || null,
    };
  });
}

/** How the importer reads the 2025 file (tracss_2025_mapping.json, made by the same script). */
export async function tracss2025Mapping(): Promise<ImportMapping> {
  const raw = JSON.parse(await readFile(path.join(TRACSS_DIR, 'tracss_2025_mapping.json'), 'utf8'));
  return ImportMappingSchema.parse(raw);
}
