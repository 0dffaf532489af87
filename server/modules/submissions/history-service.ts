import type { HistoryEntry } from '../../../shared';
import { AppError } from '../../lib/errors';
import { auditOfEntities } from '../audit/history-repository';
import type { AuthContext } from '../auth/context';
import type { Principal } from '../auth/permissions';
import { entryRows } from './grid-service';
import { assertMayReadUnapproved, getPlanPeriod } from './period-service';

/**
 * A period's history for the country's roles, facilitators and administrators: the submission's workflow steps and every change
 * of the values entered in it, who, when, old → new, newest first.
 */
export async function periodHistory(
  ctx: AuthContext,
  p: Principal | null,
  periodId: number,
  planIndicatorId?: number,
): Promise<{ items: HistoryEntry[] }> {
  const row = await getPlanPeriod(ctx, p, periodId);
  // Old → new of every value, drafts included, and the return reasons: not for the public.
  assertMayReadUnapproved(ctx, p, row.plan.countryIso3, 'history');
  const rows = await entryRows(ctx.db, row);
  const picked =
    planIndicatorId === undefined ? rows : rows.filter((r) => r.planIndicatorId === planIndicatorId);
  if (planIndicatorId !== undefined && picked.length === 0)
    throw new AppError(404, `planIndicator: no plan indicator ${planIndicatorId} in this period's grid`);
  const labels = new Map<string, string>();
  for (const r of picked)
    if (r.current) labels.set(String(r.current.value.id), `Value of ${r.indicator.code}`);
  const audit = await auditOfEntities(ctx.db, [
    { type: 'value', ids: [...labels.keys()] },
    ...(planIndicatorId === undefined ? [{ type: 'submission' as const, ids: [row.submission.id] }] : []),
  ]);
  return {
    items: audit.map((a) => ({
      ...a,
      entityType: a.entityType as HistoryEntry['entityType'],
      label: a.entityType === 'submission' ? 'Submission' : (labels.get(a.entityId) ?? 'Value'),
    })),
  };
}
