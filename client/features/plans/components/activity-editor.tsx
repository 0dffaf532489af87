import { type FormEvent, useState } from 'react';
import type { ImplementationStatus, Plan, PlanActivity } from '../../../../shared';
import { IMPLEMENTATION_STATUSES } from '../../../../shared/constants/plan';
import { useT } from '../../../i18n/context';
import { useErrorText } from '../../../lib/error-text';
import { useUpdateActivity } from '../api/update-activity';

/** Status and % complete of one activity, validated with the API's own schema before it is sent. */
export function ActivityEditor({ plan, activity }: { plan: Plan; activity: PlanActivity }) {
  const t = useT();
  const { errorText, zodText } = useErrorText();
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<ImplementationStatus>(activity.implementationStatus);
  const [percent, setPercent] = useState(
    activity.percentComplete === null ? '' : String(activity.percentComplete),
  );
  const [error, setError] = useState<string | null>(null);
  const mutation = useUpdateActivity(plan.countryIso3);

  if (!open)
    return (
      <button type="button" className="button button--small" onClick={() => setOpen(true)}>
        {t('activityEditor.edit', { code: activity.code })}
      </button>
    );

  // The status implies the % complete of a completed (100) or not started (0) activity.
  const changeStatus = (next: ImplementationStatus) => {
    setStatus(next);
    if (next === 'completed') setPercent('100');
    if (next === 'not_started') setPercent('0');
    if (next === 'not_reported') setPercent('');
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // The schema is imported on submit: the page's first JS has no zod
    // (docs/decisions/lazy-response-schemas.md).
    const { UpdateActivitySchema } = await import('../../../../shared/api/plans');
    const parsed = UpdateActivitySchema.safeParse({
      implementationStatus: status,
      percentComplete: percent === '' ? null : Number(percent),
      version: activity.version,
    });
    if (!parsed.success) {
      setError(zodText(parsed.error));
      return;
    }
    setError(null);
    mutation.mutate(
      { planId: plan.id, activityId: activity.id, body: parsed.data },
      { onSuccess: () => setOpen(false), onError: (err) => setError(errorText(err)) },
    );
  };

  return (
    <form
      onSubmit={submit}
      className="inline-form"
      aria-label={t('planEdit.editActivity', { code: activity.code })}
    >
      <label>
        {t('plan.status')}
        <select value={status} onChange={(e) => changeStatus(e.target.value as ImplementationStatus)}>
          {IMPLEMENTATION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`impl.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('activities.col.complete')}
        <input
          type="number"
          min={0}
          max={100}
          step={1}
          value={percent}
          onChange={(e) => setPercent(e.target.value)}
        />
      </label>
      <button type="submit" className="button button--small" disabled={mutation.isPending}>
        {t('common.save')}
      </button>
      <button type="button" className="button button--small" onClick={() => setOpen(false)}>
        {t('common.cancel')}
      </button>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
    </form>
  );
}
