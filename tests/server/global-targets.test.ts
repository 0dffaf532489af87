import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsvRecords } from '../../server/lib/spreadsheet';
import type { GlobalTargetsResult, TargetMeasure } from '../../shared';
import { openTestApp } from '../setup/test-db';
import { LONG } from './support/tracss-file';

/*
 * The 2024 UN targets page: the targets as the shipped file reports them, and the two the published
 * TrACSS answers can follow, with counts made here directly from the rounds' files (not by the app).
 */
const DATA = path.resolve(import.meta.dirname, '../../server/db/reference-data');
const csv = (file: string) =>
  parseCsvRecords(readFileSync(path.join(DATA, file), 'utf8').replace(/^\uFEFF/, ''));
const TARGETS = csv('global-targets/unga_2024_amr_targets.csv');
const MEMBERS = new Set(
  csv('countries/countries_reference.csv')
    .filter((r) => r.who_member === 'TRUE' || r.who_member === 'True' || r.who_member === 'true')
    .map((r) => r.iso3 as string),
);
const ROUND_2025 = csv('tracss/tracss_2025_country_responses.csv');
const NAP_PROGRESS = Object.keys(ROUND_2025[0] ?? {}).find((h) => h.startsWith('2.3.a_')) ?? '';

let app: FastifyInstance;
let close: () => Promise<void>;
let result: GlobalTargetsResult;
beforeAll(async () => {
  ({ app, close } = await openTestApp());
  const res = await app.inject({ url: '/api/global-targets' });
  expect(res.statusCode, res.body).toBe(200);
  result = res.json();
});
afterAll(async () => close?.());

const measure = (target: string, framework: string): TargetMeasure | undefined =>
  result.items.find((t) => t.id === target)?.measures.find((m) => m.frameworkCode === framework);

describe('GET /api/global-targets', () => {
  it('lists every target of the file as reported, with the addresses it was read at', () => {
    expect(MEMBERS.size).toBe(194);
    expect(result.whoMembers).toBe(194);
    expect(result.items.map((t) => t.id)).toEqual(TARGETS.map((r) => r.target_id));
    const funded = result.items.find((t) => t.id === 'UNGA24-02');
    expect(funded?.target).toBe(TARGETS.find((r) => r.target_id === 'UNGA24-02')?.target_as_reported);
    expect(funded?.year).toBe(2030);
    expect(result.items.find((t) => t.id === 'UNGA24-08')?.year).toBeNull();
    for (const t of result.items) {
      expect(t.sourceAddresses.length, t.id).toBeGreaterThan(0);
      for (const a of t.sourceAddresses) expect(a, t.id).toMatch(/^https:\/\//);
    }
    // Only the two targets the survey can follow carry figures.
    expect(result.items.filter((t) => t.measures.length > 0).map((t) => t.id)).toEqual([
      'UNGA24-02',
      'UNGA24-08',
    ]);
  });

  it('annual reporting: the WHO member states that answered each round, counted from its file', () => {
    const answered2019 = new Set(LONG.map((r) => r.iso3 as string).filter((iso3) => MEMBERS.has(iso3)));
    const answered2025 = new Set(ROUND_2025.map((r) => r.ISO3 as string).filter((iso3) => MEMBERS.has(iso3)));
    expect(measure('UNGA24-08', 'tracss-2019-2020')).toMatchObject({
      numerator: answered2019.size,
      denominator: 194,
      denominatorKind: 'who_members',
      goal: 95,
      share: Math.round((answered2019.size / 194) * 1000) / 10,
    });
    expect(measure('UNGA24-08', 'tracss-2025')).toMatchObject({
      numerator: answered2025.size,
      denominator: 194,
      share: Math.round((answered2025.size / 194) * 1000) / 10,
    });
  });

  it('funded national action plans: levels D and E of 2025 question 2.3.a among the countries that answered', () => {
    expect(NAP_PROGRESS).not.toBe('');
    const count = (pred: (answer: string) => boolean) =>
      ROUND_2025.filter((r) => pred((r[NAP_PROGRESS] as string).trim())).length;
    const m = measure('UNGA24-02', 'tracss-2025');
    expect(m?.questionCode).toBe('2.3.a');
    const byLevel = Object.fromEntries((m?.levels ?? []).map((l) => [l.level ?? 'N/A', l.count]));
    for (const level of ['A', 'B', 'C', 'D', 'E'])
      expect(byLevel[level], level).toBe(count((a) => a.startsWith(`${level} - `)));
    expect(byLevel['N/A']).toBe(count((a) => a === 'N/A'));
    const funded = count((a) => a.startsWith('D - ') || a.startsWith('E - '));
    expect(funded).toBeGreaterThan(0);
    expect(m).toMatchObject({
      numerator: funded,
      denominator: ROUND_2025.length,
      denominatorKind: 'answering',
      goal: 60,
    });
    expect(m?.share).toBe(Math.round((funded / ROUND_2025.length) * 1000) / 10);
    // The 2019–2020 round has no question 2.3.a: it is not used for this target.
    expect(measure('UNGA24-02', 'tracss-2019-2020')).toBeUndefined();
  });
});
