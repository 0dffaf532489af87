import { type Locale, type PeriodImportResult, SECTORS, type SheetRowResult } from '../../../shared';
import type { Db } from '../../db/client';
import { AppError } from '../../lib/errors';
import type { ServiceContext } from '../../service-context';
import { fileChannel } from '../audit/channel';
import { assertCanWriteValue, type Principal } from '../auth/permissions';
import { entryRows } from '../submissions/grid-service';
import { assertMayReadUnapproved, getPlanPeriod } from '../submissions/period-service';
import type { PeriodRow } from '../submissions/repository';
import { latestComments } from '../values/annotation-repository';
import { putValue } from '../values/write-service';
import { evaluateRows } from './evaluate';
import { readSheetFile } from './read-file';
import { buildTemplate } from './template';

/** The period's XLSX template, with the values being entered: the country's roles, facilitators, admins. */
export async function periodTemplate(ctx: ServiceContext, p: Principal | null, periodId: number) {
  const period = await getPlanPeriod(ctx, p, periodId);
  assertMayReadUnapproved(ctx, p, period.plan.countryIso3, 'template');
  const planned = await entryRows(ctx.db, period);
  const comments = await latestComments(
    ctx.db,
    planned.flatMap((r) => (r.current ? [r.current.value.id] : [])),
  );
  const fileName = `${period.plan.countryIso3}-${period.period.code}-values.xlsx`;
  return { fileName, data: await buildTemplate(period, planned, comments) };
}

function assertUnlocked(period: PeriodRow) {
  const state = period.submission.state;
  if (state === 'approved')
    throw new AppError(
      409,
      `lock: ${period.plan.countryIso3} ${period.period.code} was approved; ` +
        'its values cannot change until a validator reopens it',
    );
  if (state === 'submitted')
    throw new AppError(
      409,
      `lock: ${period.plan.countryIso3} ${period.period.code} was submitted for approval; ` +
        'its values cannot change until a validator returns it',
    );
}

const counted = (rows: SheetRowResult[]) => ({
  new: rows.filter((r) => r.status === 'new').length,
  changed: rows.filter((r) => r.status === 'changed').length,
  unchanged: rows.filter((r) => r.status === 'unchanged').length,
  error: rows.filter((r) => r.status === 'error').length,
});

function refuse(rows: SheetRowResult[]): never {
  const issues = rows.flatMap((r) =>
    r.problems.map((x) => ({
      path: `row ${r.row}, ${x.column}`,
      message: x.message,
      ...(x.code ? { code: x.code } : {}),
      ...(x.params ? { params: x.params } : {}),
    })),
  );
  const listed = issues.slice(0, 20).map((i) => `${i.path}: ${i.message}`);
  const more = issues.length > 20 ? `; and ${issues.length - 20} more` : '';
  throw new AppError(422, `file: nothing was imported; ${listed.join('; ')}${more}`, { issues });
}

/**
 * Upload of a filled template (XLSX or CSV). The dry run lists every row; applying writes the new
 * and changed rows through the same rules as PUT /api/values (permissions, lock, versions, audit) in
 * one transaction: a file with any error, or a value changed meanwhile, writes nothing.
 */
export async function importPeriodSheet(
  ctx: ServiceContext,
  p: Principal | null,
  periodId: number,
  file: { fileName: string; data: Buffer },
  options: { dryRun: boolean; locale: Locale },
): Promise<PeriodImportResult> {
  const { dryRun, locale } = options;
  const period = await getPlanPeriod(ctx, p, periodId);
  // Entering any of the country's data at all (sectors are checked row by row).
  assertCanWriteValue(p, period.plan.countryIso3, SECTORS);
  assertUnlocked(period);
  const raw = await readSheetFile(file.fileName, file.data);
  const checked = await evaluateRows(ctx.db, p, period, raw, locale);
  if (dryRun) return { dryRun, applied: false, counts: counted(checked.rows), rows: checked.rows };
  if (checked.rows.some((r) => r.status === 'error')) refuse(checked.rows);
  const rows = await ctx.db.transaction(async (tx) => {
    // Read again inside the transaction: the versions written against are the ones stored now.
    const fresh = await evaluateRows(tx, p, period, raw, locale);
    if (fresh.rows.some((r) => r.status === 'error')) refuse(fresh.rows);
    const inTx = { ...ctx, db: tx as unknown as Db };
    for (const w of fresh.writes)
      await putValue(
        inTx,
        p,
        w.key,
        { ...w.body, ...(w.version ? { version: w.version } : {}) },
        fileChannel('upload', file.fileName),
      );
    return fresh.rows;
  });
  return { dryRun, applied: true, counts: counted(rows), rows };
}
