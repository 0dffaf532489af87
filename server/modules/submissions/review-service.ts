import type { ValidatorComment, ValidatorCommentBody } from '../../../shared';
import { AppError } from '../../lib/errors';
import type { ServiceContext } from '../../service-context';
import { recordAudit } from '../audit/entity-repository';
import type { Principal } from '../auth/permissions';
import { addValidatorComment } from '../values/annotation-repository';
import { assertCanValidate } from './access';
import { entryRows } from './grid-service';
import { getPlanPeriod } from './period-service';
import { lockSubmission } from './repository';

/**
 * A validator's comment on one value of a submitted period (the country's validators and
 * administrators): kept with the value's comments as kind `validator`, audited on the value (action
 * `validator_comment`, so the period's history shows it), and shown beside the value in the grid.
 * The submission row is locked meanwhile, so the comment lands while the period is submitted.
 */
export async function commentOnValue(
  ctx: ServiceContext,
  p: Principal | null,
  periodId: number,
  planIndicatorId: number,
  body: ValidatorCommentBody,
): Promise<ValidatorComment> {
  const row = await getPlanPeriod(ctx, p, periodId);
  const iso3 = row.plan.countryIso3;
  assertCanValidate(p, iso3);
  const user = p as Principal;
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const current = await lockSubmission(tx, row.submission.id);
    if (!current) throw new AppError(404, `period: no reporting period ${periodId}`);
    if (current.state !== 'submitted')
      throw new AppError(
        409,
        `state: the submission is ${current.state}; validators comment on the values of a submitted period`,
        { current: { state: current.state, version: current.version, reason: current.reason } },
      );
    const r = (await entryRows(tx, row)).find((x) => x.planIndicatorId === planIndicatorId);
    if (!r)
      throw new AppError(404, `planIndicator: no plan indicator ${planIndicatorId} in this period's grid`);
    if (!r.current)
      throw new AppError(
        409,
        `value: indicator ${r.indicator.code} has no value in ${row.period.code} to comment on`,
      );
    const valueId = r.current.value.id;
    await addValidatorComment(tx, valueId, body.comment, user.userId, now);
    await recordAudit(tx, {
      entityType: 'value',
      entityId: valueId,
      action: 'validator_comment',
      countryIso3: iso3,
      userId: user.userId,
      at: now,
      old: null,
      new: { validatorComment: body.comment },
    });
    return { body: body.comment, by: { id: user.userId, name: user.displayName }, at: now.toISOString() };
  });
}
