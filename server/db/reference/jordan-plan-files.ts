import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { cell, csv, FileError, fail, int, need, pad } from './jordan-plan-csv';
import {
  HeaderSchema,
  type JordanActivity,
  type JordanHeader,
  type JordanIntervention,
  type JordanMeRow,
  type JordanObjective,
  type JordanPlanData,
} from './jordan-plan-data';
import { exactActivity, exactIntervention, interventionOf } from './jordan-plan-links';
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
