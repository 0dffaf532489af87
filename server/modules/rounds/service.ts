import {
  type CreateRoundBody,
  CreateRoundBodySchema,
  type ImportMapping,
  ImportMappingSchema,
  isChoiceMeasure,
  type Round,
} from '../../../shared';
import type { Database, Db, DbOrTx } from '../../db/client';
import { AppError, type Issue, invalidInput, parseInput } from '../../lib/errors';
import { listFrameworks, listPeriods } from '../frameworks/repository';
import { importTracssWorkbook } from '../imports/tracss-import';
import { insertRound, listTracssRounds, type NewRound, questionIds, upsertMapping } from './repository';

function invalid(issues: Issue[]): never {
  throw invalidInput(issues);
}

export async function listRounds(db: DbOrTx): Promise<{ items: Round[] }> {
  const rows = await listTracssRounds(db);
  return {
    items: rows.map((r) => ({ ...r, mapping: r.mapping ? ImportMappingSchema.parse(r.mapping) : null })),
  };
}

/** The TrACSS round with this code; 404 when there is none, 400 when the framework is not a round. */
export async function tracssFramework(db: DbOrTx, code: string) {
  const [f] = await listFrameworks(db, code);
  if (!f) throw new AppError(404, `framework: no framework with code ${code}`);
  if (f.kind !== 'tracss') throw new AppError(400, `framework: ${code} is not a TrACSS round`);
  return f;
}

/** Mapping entries must name questions of the round: a typo should fail here, not at import. */
function checkMappingCodes(mapping: ImportMapping, codes: Set<string>, path: string) {
  const issues = Object.entries(mapping.columns)
    .filter(([, code]) => !codes.has(code))
    .map(([header, code]) => ({
      path: `${path}.columns.${header.slice(0, 60)}`,
      message: `no question ${code} in this round`,
    }));
  if (issues.length) invalid(issues);
}

/** The rows of a new round: a TrACSS framework, its period, and its questions in the order given. */
function roundRows(body: CreateRoundBody): NewRound {
  return {
    framework: {
      code: body.code,
      name: body.name,
      kind: 'tracss',
      description: body.description ?? null,
      source: 'Quadripartite TrACSS database (amrcountryprogress.org)',
    },
    period: { frameworkCode: body.code, ...body.period },
    questions: body.questions.map((q, i) => ({
      frameworkCode: body.code,
      code: q.code,
      questionCode: q.questionCode ?? q.code,
      sortOrder: i + 1,
      name: q.name,
      definition: q.definition ?? null,
      section: q.section ?? null,
      measureType: q.measureType,
      direction: q.measureType === 'text' || isChoiceMeasure(q.measureType) ? 'maintain' : 'increase',
      levels: q.levels ?? null,
      options: q.options ?? null,
      dataSource: 'TrACSS country self-assessment (one official answer per country)',
      frequency: 'yearly',
      sourceColumn: q.sourceColumn ?? null,
    })),
  };
}

/** A new TrACSS round: framework, its one period, its questions and (optionally) its column mapping. */
export async function createRound(db: Db, input: CreateRoundBody, now: Date): Promise<Round> {
  const body = parseInput(CreateRoundBodySchema, input);
  const seen = new Map<string, number>();
  const issues: Issue[] = [];
  body.questions.forEach((q, i) => {
    const before = seen.get(q.code);
    if (before !== undefined)
      issues.push({ path: `questions.${i}.code`, message: `${q.code} is already question ${before}` });
    seen.set(q.code, i);
    if (q.measureType !== 'level' && q.levels)
      issues.push({ path: `questions.${i}.levels`, message: 'only level questions have A–E wording' });
    const choice = isChoiceMeasure(q.measureType);
    if (choice && !q.options)
      issues.push({
        path: `questions.${i}.options`,
        message: `a ${q.measureType} question needs its options`,
      });
    if (!choice && q.options)
      issues.push({ path: `questions.${i}.options`, message: 'only choice questions have options' });
    const codes = q.options?.map((o) => o.code) ?? [];
    if (new Set(codes).size !== codes.length)
      issues.push({ path: `questions.${i}.options`, message: 'option codes must be unique' });
  });
  if (body.period.endDate < body.period.startDate)
    issues.push({ path: 'period.endDate', message: 'is before the start date' });
  if (issues.length) invalid(issues);
  if (body.mapping) checkMappingCodes(body.mapping, new Set(seen.keys()), 'mapping');

  await db.transaction(async (tx) => {
    if ((await listFrameworks(tx, body.code)).length)
      throw new AppError(409, `code: a framework ${body.code} already exists`, {
        issues: [{ path: 'code', message: 'is already taken' }],
      });
    await insertRound(tx, roundRows(body));
    if (body.mapping) await upsertMapping(tx, body.code, body.mapping, now);
  });
  const round = (await listRounds(db)).items.find((r) => r.code === body.code);
  if (!round) throw new Error('round vanished after insert');
  return round;
}

export async function putMapping(db: Db, code: string, input: unknown, now: Date): Promise<ImportMapping> {
  const mapping = parseInput(ImportMappingSchema, input);
  await db.transaction(async (tx) => {
    await tracssFramework(tx, code);
    checkMappingCodes(mapping, new Set((await questionIds(tx, code)).keys()), 'mapping');
    await upsertMapping(tx, code, mapping, now);
  });
  return mapping;
}

/** Options of a round import besides the file (the form's fields). */
export interface ImportRoundOptions {
  /** The round's period; its only period by default. */
  period?: string | undefined;
  dryRun: boolean;
  force: boolean;
  /** The administrator importing (audited). */
  actorId?: number | null;
}

/** Imports a round's spreadsheet with the round's stored mapping; dry run by default. */
export async function importRound(
  database: Database,
  code: string,
  file: { fileName: string; data: Buffer },
  options: ImportRoundOptions,
) {
  await tracssFramework(database.db, code);
  if (file.data.byteLength === 0) invalid([{ path: 'file', message: 'the file is empty' }]);
  let period = options.period;
  if (!period) {
    const ps = await listPeriods(database.db, code);
    if (ps.length !== 1)
      invalid([{ path: 'period', message: `name the period: ${code} has ${ps.length} periods` }]);
    period = ps[0]?.code ?? '';
  }
  return importTracssWorkbook(database, {
    data: file.data,
    fileName: file.fileName,
    frameworkCode: code,
    periodCode: period,
    dryRun: options.dryRun,
    force: options.force,
    actorId: options.actorId ?? null,
  });
}
