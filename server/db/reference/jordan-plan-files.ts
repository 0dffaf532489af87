import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { GapObjectiveSchema, Iso3Schema, PlanStatusSchema } from '../../../shared';
import { parseCsvRecords } from '../../lib/spreadsheet/csv';
import { closestWording, normalizedText } from './nap-me-mapping';
import { REFERENCE_DATA_DIR } from './paths';

/*
 * Jordan's NAP 2018–2022 as shipped in server/db/reference-data/jordan/ (see its SOURCE.md): a small
 * JSON for the plan's header, the objectives' published implementation rates and the citations, and
 * CSV files transcribed from the plan's tables. Read and checked here, all of it before anything is
 * written: a bad file fails the start with the file, the row and the field named.
 */

export const JORDAN_DIR = path.join(REFERENCE_DATA_DIR, 'jordan');
export const JORDAN_FILES = {
  header: 'nap_2018_2022.json',
  objectives: 'nap_2018_2022_objectives.csv',
  strategicObjectives: 'nap_2018_2022_strategic_objectives.csv',
  activities: 'nap_2018_2022_activities.csv',
  mePlan: 'nap_2018_2022_me_plan.csv',
  meFrequency: 'nap_2018_2022_me_frequency.csv',
  meLinks: 'nap_2018_2022_me_links.csv',
  budget: 'nap_2018_2022_budget_by_objective_year.csv',
} as const;

const HeaderSchema = z.object({
  country: Iso3Schema,
  generation: z.number().int(),
  title: z.string().min(1).max(300),
  periodStart: z.number().int(),
  periodEnd: z.number().int(),
  status: PlanStatusSchema,
  sourceNote: z.string().max(2000),
  currency: z.string().length(3),
  citations: z.object({
    budget: z.string().min(1).max(500),
    evaluation: z.string().min(1),
  }),
  /**
   * Where the operational-plan transcription names an intervention in the words of chapter 2's detailed
   * tables and those words fit two of the summary table's interventions: which one it is, and why.
   */
  interventionAliases: z
    .array(
      z.object({ strategicObjective: z.string(), wording: z.string(), means: z.string(), why: z.string() }),
    )
    .default([]),
  /** The plan's source notes earlier versions shipped: recognised on upgrade, then replaced. */
  legacySourceNotes: z.array(z.string()),
  objectives: z
    .array(
      z.object({
        number: z.number().int().min(1).max(9),
        gapObjective: GapObjectiveSchema,
        legacyCode: z.string().optional(),
        publishedRate: z.number().min(0).max(100).nullable(),
        publishedRateNote: z.string().nullable(),
      }),
    )
    .length(5),
});
export type JordanHeader = z.infer<typeof HeaderSchema>;

export interface JordanObjective {
  number: number;
  code: string;
  title: string;
  gapObjective: number;
  legacyCode: string | null;
  budget: number;
  budgetByYear: number[];
  publishedRate: { rate: number | null; note: string | null } | null;
}

export interface JordanIntervention {
  objective: number;
  /** Ours: the strategic objective's code and the intervention's place under it (1.1.2). */
  code: string;
  title: string;
  strategicObjective: { code: string; title: string };
  sortOrder: number;
}

export interface JordanActivity {
  objective: number;
  /** Ours: A<objective>.<nn> in the order of the operational plan (the plan numbers none). */
  code: string;
  title: string;
  timeline: string | null;
  responsible: string | null;
  interventionCode: string | null;
}

export interface JordanMeRow {
  row: number;
  objective: number;
  /** Ours: ME-<objective>.<nn> in the order of the M&E plan. */
  code: string;
  kind: 'objective' | 'intervention' | 'activity';
  element: string;
  indicator: string;
  type: string | null;
  calculation: string | null;
  dataSource: string | null;
  method: string | null;
  target: string | null;
  frequency: string | null;
  interventionCode: string | null;
  activityCode: string | null;
}

export interface JordanPlanData {
  header: JordanHeader;
  objectives: JordanObjective[];
  interventions: JordanIntervention[];
  activities: JordanActivity[];
  indicators: JordanMeRow[];
  /** Rows naming an intervention that is not clearly one of the plan's: loaded without the link. */
  unlinked: string[];
}

class FileError extends Error {}
const fail = (file: string, where: string, message: string): never => {
  throw new FileError(`${file}, ${where}: ${message}`);
};

async function csv(dir: string, file: string, required: string[], optional = false) {
  const text = await readFile(path.join(dir, file), 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (optional && e.code === 'ENOENT') return null;
    throw new FileError(`${file}: ${e.message}`);
  });
  if (text === null) return null;
  const rows = parseCsvRecords(text.replace(/^\uFEFF/, ''));
  const first = rows[0];
  for (const c of required) if (first && !(c in first)) fail(file, 'header', `no column ${c}`);
  return rows.map((r, i) => ({ r, at: r.row ? `row ${r.row}` : `line ${i + 2}` }));
}

const cell = (r: Record<string, string>, c: string) => {
  const v = (r[c] ?? '').trim();
  return v === '' ? null : v;
};
const need = (file: string, at: string, r: Record<string, string>, c: string) =>
  cell(r, c) ?? fail(file, at, `${c} is empty`);
const int = (file: string, at: string, r: Record<string, string>, c: string) => {
  const v = Number(need(file, at, r, c));
  return Number.isInteger(v) ? v : fail(file, at, `${c} is not a whole number`);
};
const pad = (n: number) => String(n).padStart(2, '0');

/** Reads and checks every file; nothing is written here. */
export async function readJordanPlanFiles(dir = JORDAN_DIR): Promise<JordanPlanData> {
  try {
    return await readAll(dir);
  } catch (e) {
    if (e instanceof FileError || e instanceof z.ZodError)
      throw new Error(`Jordan NAP reference data (${dir}): ${e.message}`);
    throw e;
  }
}

async function readAll(dir: string): Promise<JordanPlanData> {
  const F = JORDAN_FILES;
  const raw = JSON.parse(await readFile(path.join(dir, F.header), 'utf8'));
  const parsed = HeaderSchema.safeParse(raw);
  if (!parsed.success)
    fail(F.header, parsed.error.issues[0]?.path.join('.') ?? '', parsed.error.issues[0]?.message ?? '');
  const header = parsed.data as JordanHeader;

  // Budgets: one row per objective, Year1…Year5 and the total; the years must add up to the total.
  const budgets = new Map<number, { years: number[]; total: number }>();
  for (const { r, at } of (await csv(dir, F.budget, ['objective', 'total_usd'])) ?? []) {
    if (r.objective === 'total') continue;
    const years = Object.keys(r)
      .filter((k) => /^year\d+$/i.test(k))
      .map((k) => int(F.budget, at, r, k));
    const total = int(F.budget, at, r, 'total_usd');
    if (years.reduce((s, x) => s + x, 0) !== total)
      fail(F.budget, at, `the years add up to ${years.reduce((s, x) => s + x, 0)}, not ${total}`);
    budgets.set(int(F.budget, at, r, 'objective'), { years, total });
  }

  const titles = new Map<number, string>();
  const soTitles = new Map<string, string>();
  for (const { r, at } of (await csv(dir, F.strategicObjectives, [
    'objective',
    'objective_title',
    'strategic_objective_code',
    'strategic_objective_title',
  ])) ?? []) {
    const o = int(F.strategicObjectives, at, r, 'objective');
    const title = need(F.strategicObjectives, at, r, 'objective_title');
    if (titles.has(o) && titles.get(o) !== title)
      fail(F.strategicObjectives, at, `objective ${o} has two titles`);
    titles.set(o, title);
    const code = need(F.strategicObjectives, at, r, 'strategic_objective_code');
    if (!code.startsWith(`${o}.`)) fail(F.strategicObjectives, at, `${code} is not under objective ${o}`);
    soTitles.set(code, need(F.strategicObjectives, at, r, 'strategic_objective_title'));
  }

  const objectives: JordanObjective[] = header.objectives.map((o) => {
    const b = budgets.get(o.number) ?? fail(F.budget, `objective ${o.number}`, 'missing');
    return {
      number: o.number,
      code: String(o.number),
      title: titles.get(o.number) ?? fail(F.strategicObjectives, `objective ${o.number}`, 'missing'),
      gapObjective: o.gapObjective,
      legacyCode: o.legacyCode ?? null,
      budget: b.total,
      budgetByYear: b.years,
      publishedRate:
        o.publishedRate === null && o.publishedRateNote === null
          ? null
          : { rate: o.publishedRate, note: o.publishedRateNote },
    };
  });
  const objectiveNumbers = new Set(objectives.map((o) => o.number));
  const objectiveOf = (file: string, at: string, r: Record<string, string>) => {
    const o = int(file, at, r, 'objective');
    return objectiveNumbers.has(o) ? o : fail(file, at, `objective ${o} is not one of the plan's`);
  };

  // Strategic interventions (ch. 2), numbered under their strategic objective in the plan's order.
  const interventions: JordanIntervention[] = [];
  for (const { r, at } of (await csv(dir, F.objectives, [
    'objective',
    'intervention_code',
    'intervention_title',
  ])) ?? []) {
    const objective = objectiveOf(F.objectives, at, r);
    const so = need(F.objectives, at, r, 'intervention_code');
    const soTitle = soTitles.get(so) ?? fail(F.objectives, at, `no strategic objective ${so}`);
    const n = interventions.filter((i) => i.strategicObjective.code === so).length + 1;
    interventions.push({
      objective,
      code: `${so}.${n}`,
      title: need(F.objectives, at, r, 'intervention_title'),
      strategicObjective: { code: so, title: soTitle },
      sortOrder: interventions.length + 1,
    });
  }

  const activities: JordanActivity[] = [];
  const unlinked: string[] = [];
  for (const { r, at } of (await csv(dir, F.activities, [
    'objective',
    'activity',
    'timeline',
    'responsible',
  ])) ?? []) {
    const objective = objectiveOf(F.activities, at, r);
    const n = activities.filter((a) => a.objective === objective).length + 1;
    activities.push({
      objective,
      code: `A${objective}.${pad(n)}`,
      title: need(F.activities, at, r, 'activity'),
      timeline: cell(r, 'timeline'),
      responsible: cell(r, 'responsible'),
      interventionCode: interventionOf(
        unlinked,
        header.interventionAliases,
        interventions,
        objective,
        cell(r, 'intervention_code'),
        cell(r, 'intervention_title'),
        F.activities,
        at,
      ),
    });
  }

  const frequency = new Map<number, string>();
  for (const { r, at } of (await csv(dir, F.meFrequency, ['row', 'frequency_of_data_collection'], true)) ??
    [])
    frequency.set(
      int(F.meFrequency, at, r, 'row'),
      need(F.meFrequency, at, r, 'frequency_of_data_collection'),
    );
  const links = new Map<number, { intervention: string | null; activity: string | null }>();
  for (const { r, at } of (await csv(dir, F.meLinks, ['row', 'intervention', 'activity'], true)) ?? [])
    links.set(int(F.meLinks, at, r, 'row'), {
      intervention: cell(r, 'intervention'),
      activity: cell(r, 'activity'),
    });

  const indicators: JordanMeRow[] = [];
  const KINDS = ['objective', 'intervention', 'activity'] as const;
  for (const { r, at } of (await csv(dir, F.mePlan, [
    'row',
    'objective',
    'planning_element_kind',
    'planning_element',
    'indicator',
    'type',
    'calculation',
    'data_source',
    'method',
    'target',
  ])) ?? []) {
    const objective = objectiveOf(F.mePlan, at, r);
    const row = int(F.mePlan, at, r, 'row');
    const kind = need(F.mePlan, at, r, 'planning_element_kind') as (typeof KINDS)[number];
    if (!KINDS.includes(kind))
      fail(F.mePlan, at, `planning_element_kind ${kind} is not one of ${KINDS.join(', ')}`);
    const element = need(F.mePlan, at, r, 'planning_element');
    const n = indicators.filter((i) => i.objective === objective).length + 1;
    const link = links.get(row);
    const interventionCode =
      link?.intervention ??
      (kind === 'intervention' ? exactIntervention(interventions, objective, element) : null);
    const activityCode =
      link?.activity ?? (kind === 'activity' ? exactActivity(activities, objective, element) : null);
    if (
      interventionCode &&
      !interventions.some((i) => i.code === interventionCode && i.objective === objective)
    )
      fail(F.meLinks, `row ${row}`, `no intervention ${interventionCode} under objective ${objective}`);
    if (activityCode && !activities.some((a) => a.code === activityCode && a.objective === objective))
      fail(F.meLinks, `row ${row}`, `no activity ${activityCode} under objective ${objective}`);
    indicators.push({
      row,
      objective,
      code: `ME-${objective}.${pad(n)}`,
      kind,
      element,
      indicator: need(F.mePlan, at, r, 'indicator'),
      type: cell(r, 'type'),
      calculation: cell(r, 'calculation'),
      dataSource: cell(r, 'data_source'),
      method: cell(r, 'method'),
      target: cell(r, 'target'),
      frequency: frequency.get(row) ?? null,
      interventionCode,
      activityCode,
    });
  }
  const rows = new Set(indicators.map((i) => i.row));
  if (rows.size !== indicators.length) fail(F.mePlan, 'row', 'row numbers repeat');
  for (const r of frequency.keys()) if (!rows.has(r)) fail(F.meFrequency, `row ${r}`, 'no such M&E row');
  for (const r of links.keys()) if (!rows.has(r)) fail(F.meLinks, `row ${r}`, 'no such M&E row');
  return { header, objectives, interventions, activities, indicators, unlinked };
}

const same = (a: string, b: string) => normalizedText(a) === normalizedText(b);

function exactIntervention(list: JordanIntervention[], objective: number, text: string) {
  const found = list.filter((i) => i.objective === objective && same(i.title, text));
  return found.length === 1 ? (found[0]?.code ?? null) : null;
}

function exactActivity(list: JordanActivity[], objective: number, text: string) {
  const found = list.filter((a) => a.objective === objective && same(a.title, text));
  return found.length === 1 ? (found[0]?.code ?? null) : null;
}

/**
 * The intervention an operational-plan activity falls under: the one whose title the row repeats
 * (under the strategic objective the row names, if any; the plan words an intervention slightly
 * differently from page to page, so the clearly closest wording), or the only intervention of the
 * strategic objective it names. Otherwise none: the plan's chapter 3 lists activities by objective only.
 */
function interventionOf(
  unlinked: string[],
  aliases: JordanHeader['interventionAliases'],
  list: JordanIntervention[],
  objective: number,
  code: string | null,
  title: string | null,
  file: string,
  at: string,
): string | null {
  const under = list.filter(
    (i) => i.objective === objective && (!code || i.strategicObjective.code === code),
  );
  if (code && under.length === 0)
    fail(file, at, `no strategic objective ${code} under objective ${objective}`);
  if (title) {
    const alias = aliases.find((a) => a.strategicObjective === code && same(a.wording, title));
    return matchIntervention(unlinked, under, alias?.means ?? title, code, objective, file, at);
  }
  return code && under.length === 1 ? (under[0]?.code ?? null) : null;
}

function matchIntervention(
  unlinked: string[],
  under: JordanIntervention[],
  title: string,
  code: string | null,
  objective: number,
  file: string,
  at: string,
): string | null {
  const exact = under.filter((i) => same(i.title, title));
  const found = exact.length === 1 ? exact[0] : closestWording(title, under, (i) => i.title)?.c;
  if (!found)
    unlinked.push(
      `${file}, ${at}: "${title}" is none of ${code ?? `objective ${objective}`}'s interventions, or not clearly one`,
    );
  return found?.code ?? null;
}
