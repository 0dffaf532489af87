import { type FormEvent, useId, useState } from 'react';
import type { Plan, PlanStatus } from '../../../../shared';
import { PLAN_LIMITS, PLAN_STATUSES } from '../../../../shared/constants/plan';
import { useT } from '../../../i18n/context';
import { useErrorText } from '../../../lib/error-text';
import { canApprovePlans, useMe } from '../../auth';
import { usePlanWrite } from '../api/plan-writes';
import { numberOf, textOf } from '../form-data';
import { planStatusAllowed } from '../permissions';
import { FormMessage } from './form-message';

/** Creates a plan of a country (no plan given) or changes one: title, years, status, generation, source. */
export function PlanForm({
  iso3,
  plan,
  onSaved,
}: {
  iso3: string;
  plan?: Plan;
  onSaved?: (plan: Plan) => void;
}) {
  const id = useId();
  const write = usePlanWrite();
  const t = useT();
  const { errorText, zodText } = useErrorText();
  const me = useMe();
  // The server refuses (403, status) an approval act by anyone else; the form only offers what it accepts.
  const mayApprove = canApprovePlans(me.data, iso3);
  const from = plan?.status ?? null;
  const allowed = (s: PlanStatus) => planStatusAllowed(from, s, mayApprove);
  const restricted = !PLAN_STATUSES.every(allowed);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const fields = {
      title: textOf(data, 'title') ?? '',
      periodStart: numberOf(data, 'periodStart'),
      periodEnd: numberOf(data, 'periodEnd'),
      status: textOf(data, 'status') ?? undefined,
      generation: numberOf(data, 'generation') ?? undefined,
      sourceNote: textOf(data, 'sourceNote'),
    };
    // The schema is imported on submit: the page's first JS has no zod
    // (docs/decisions/lazy-response-schemas.md).
    const { CreatePlanSchema, UpdatePlanSchema } = await import('../../../../shared/api/plan-edit');
    const parsed = plan
      ? UpdatePlanSchema.safeParse({ ...fields, version: plan.version })
      : CreatePlanSchema.safeParse(fields);
    if (!parsed.success) return setError(zodText(parsed.error));
    setError(null);
    write.mutate(
      plan
        ? { method: 'PATCH', path: `/plans/${plan.id}`, body: parsed.data }
        : { method: 'POST', path: `/countries/${iso3}/plans`, body: parsed.data },
      {
        onSuccess: (saved) => {
          setDone(plan ? t('planForm.saved') : t('planForm.created'));
          onSaved?.(saved);
        },
        onError: (err) => setError(errorText(err)),
      },
    );
  };

  return (
    <form
      className="form"
      onSubmit={submit}
      noValidate
      aria-label={plan ? t('planForm.details') : t('plan.new')}
    >
      <div className="field">
        <label htmlFor={`${id}-title`}>{t('form.title')}</label>
        <input
          id={`${id}-title`}
          name="title"
          maxLength={PLAN_LIMITS.planTitle}
          required
          defaultValue={plan?.title}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-start`}>{t('planForm.firstYear')}</label>
        <input
          id={`${id}-start`}
          name="periodStart"
          type="number"
          min={1990}
          max={2100}
          defaultValue={plan?.periodStart}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-end`}>{t('planForm.lastYear')}</label>
        <input
          id={`${id}-end`}
          name="periodEnd"
          type="number"
          min={1990}
          max={2100}
          defaultValue={plan?.periodEnd}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-status`}>{t('plan.status')}</label>
        <select
          id={`${id}-status`}
          name="status"
          defaultValue={plan?.status ?? 'draft'}
          aria-describedby={restricted ? `${id}-status-help` : undefined}
        >
          {PLAN_STATUSES.map((s) => (
            <option key={s} value={s} disabled={!allowed(s)}>
              {t(`planStatus.${s}`)}
            </option>
          ))}
        </select>
        {restricted && (
          <p id={`${id}-status-help`} className="hint">
            {t('planForm.statusHelp', { iso3 })}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-generation`}>{t('planForm.generation')}</label>
        <input
          id={`${id}-generation`}
          name="generation"
          type="number"
          min={1}
          max={99}
          placeholder={t('planForm.next')}
          defaultValue={plan?.generation}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-source`}>{t('planForm.source')}</label>
        <input
          id={`${id}-source`}
          name="sourceNote"
          maxLength={PLAN_LIMITS.sourceNote}
          defaultValue={plan?.sourceNote ?? ''}
        />
      </div>
      <button type="submit" className="button" disabled={write.isPending}>
        {plan ? t('planForm.save') : t('planForm.create')}
      </button>
      <FormMessage error={error} done={done} />
    </form>
  );
}
