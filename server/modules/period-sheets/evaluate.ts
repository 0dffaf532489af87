import type { Locale, PutValueBody, SheetRowResult } from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { AppError } from '../../lib/errors';
import { assertCanWriteValue, type Principal } from '../auth/permissions';
import { entryRows } from '../submissions/grid-service';
import type { PeriodRow } from '../submissions/repository';
import { latestComments } from '../values/annotation-repository';
import { columnsOf } from '../values/columns';
import type { ValueKeyInput } from '../values/write-service';
import type { RawRow } from './read-file';
import { type Problem, rowBody } from './row-body';

export interface SheetWrite {
  key: ValueKeyInput;
  body: PutValueBody;
  /** The stored value's version (undefined: there is none yet). */
  version: number | undefined;
}

const SAME = [
  'status',
  'level',
  'numericValue',
  'numerator',
  'denominator',
  'textValue',
  'statusReason',
] as const;

function keptAsIs(current: { status: string; statusReason: string | null }, cells: RawRow['cells']) {
  return (
    current.status !== 'reported' &&
    current.statusReason === null &&
    cells.status === current.status &&
    !cells.reason &&
    !cells.comment &&
    (['value', 'numerator', 'denominator', 'level'] as const).every((c) => cells[c] === undefined)
  );
}

/**
 * Every row of an uploaded file, checked against the period's plan indicators and compared with the
 * stored values: new, changed, unchanged or error (each problem naming its column). Only rows that
 * change something become writes.
 */
export async function evaluateRows(
  db: DbOrTx,
  p: Principal | null,
  period: PeriodRow,
  raw: RawRow[],
  locale: Locale,
) {
  const planned = await entryRows(db, period);
  const byKey = new Map(planned.map((r) => [`${r.indicator.frameworkCode}|${r.indicator.code}`, r]));
  const ids = planned.flatMap((r) => (r.current ? [r.current.value.id] : []));
  const comments = await latestComments(db, ids);
  const iso3 = period.plan.countryIso3;
  const seen = new Map<string, number>();
  const writes: SheetWrite[] = [];
  const rows = raw.map((r): SheetRowResult => {
    const framework = r.cells.framework ?? '';
    const code = r.cells.indicator ?? '';
    const problems: Problem[] = [];
    const result = (status: SheetRowResult['status']) => ({
      row: r.row,
      framework,
      indicator: code,
      status: problems.length ? ('error' as const) : status,
      problems,
    });
    if (r.cells.country && r.cells.country.toUpperCase() !== iso3)
      problems.push({
        column: 'country',
        message: `${r.cells.country.slice(0, 10)} is not this period's country (${iso3})`,
        code: 'not_this_period',
      });
    if (r.cells.plan_period && r.cells.plan_period !== period.period.code)
      problems.push({
        column: 'plan_period',
        message: `${r.cells.plan_period.slice(0, 32)} is not this period (${period.period.code})`,
        code: 'not_this_period',
      });
    const key = `${framework}|${code}`;
    const planRow = byKey.get(key);
    // A row of a published question (a template of an earlier version): the country's own answer to
    // it goes in the row of its indicator following the question; the published answer never changes.
    const follower = planRow ? undefined : byKey.get(`national-${iso3.toLowerCase()}|${framework}:${code}`);
    if (follower) {
      if (!rowBody(follower.indicator, r, locale).body) return result('unchanged');
      problems.push({
        column: 'framework',
        message:
          `${framework.slice(0, 64)} ${code.slice(0, 32)} is published data and read-only: enter ${iso3}'s own ` +
          `assessment in the row ${follower.indicator.frameworkCode} ${follower.indicator.code}`,
      });
      return result('error');
    }
    if (!planRow) {
      problems.push({
        column: 'indicator',
        message: `${code.slice(0, 32) || '(empty)'} of framework ${framework.slice(0, 64) || '(empty)'} is not an indicator of this plan`,
        code: 'not_in_plan',
        params: { value: code.slice(0, 32) },
      });
      return result('error');
    }
    const before = seen.get(key);
    if (before !== undefined)
      problems.push({
        column: 'indicator',
        message: `${code} is already on row ${before}`,
        code: 'duplicate',
      });
    seen.set(key, r.row);
    try {
      assertCanWriteValue(p, iso3, planRow.indicator.sectors);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      problems.push({ column: 'indicator', message: e.message });
    }
    const current = planRow.current?.value;
    // A stored answer without a reason (the TrACSS portal's own N/A) sent back as it is: unchanged.
    if (current && keptAsIs(current, r.cells)) return result('unchanged');
    const { body, problems: bodyProblems } = rowBody(planRow.indicator, r, locale);
    problems.push(...bodyProblems);
    // A row the period does not collect is ignored when blank (only its read-only columns are filled).
    if (!planRow.period) {
      if (!body && !problems.length) return result('unchanged');
      problems.push({
        column: 'indicator',
        message: `${code} is not collected in period ${period.period.code}`,
      });
    }
    if (problems.length || !planRow.period) return result('error');
    if (!body) return result('unchanged');
    let columns: ReturnType<typeof columnsOf>;
    try {
      columns = columnsOf(planRow.indicator, body);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      problems.push({ column: 'value', message: e.message });
      return result('error');
    }
    const commentChanged =
      !!body.comment && body.comment !== (current ? comments.get(current.id) : undefined);
    if (current && !commentChanged && SAME.every((c) => columns[c] === current[c]))
      return result('unchanged');
    writes.push({
      key: { country: iso3, framework, indicator: code, period: planRow.period.code },
      body,
      version: current?.version,
    });
    return result(current ? 'changed' : 'new');
  });
  return { rows, writes };
}
