import { type FormEvent, useId, useState } from 'react';
import { CreatePlanSchema, PLAN_STATUSES, type Plan, UpdatePlanSchema } from '../../../../shared';
import { usePlanWrite } from '../api/plan-writes';
import { issuesText, numberOf, textOf } from '../form-data';
import { PLAN_STATUS_NAMES } from '../format';
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
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const submit = (e: FormEvent<HTMLFormElement>) => {
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
    const parsed = plan
      ? UpdatePlanSchema.safeParse({ ...fields, version: plan.version })
      : CreatePlanSchema.safeParse(fields);
    if (!parsed.success) return setError(issuesText(parsed.error));
    setError(null);
    write.mutate(
      plan
        ? { method: 'PATCH', path: `/plans/${plan.id}`, body: parsed.data }
        : { method: 'POST', path: `/countries/${iso3}/plans`, body: parsed.data },
      {
        onSuccess: (saved) => {
          setDone(plan ? 'Plan saved.' : 'Plan created.');
          onSaved?.(saved);
        },
        onError: (err) => setError(err.message),
      },
    );
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={plan ? 'Plan details' : 'New plan'}>
      <div className="field">
        <label htmlFor={`${id}-title`}>Title</label>
        <input id={`${id}-title`} name="title" maxLength={300} required defaultValue={plan?.title} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-start`}>First year</label>
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
        <label htmlFor={`${id}-end`}>Last year</label>
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
        <label htmlFor={`${id}-status`}>Status</label>
        <select id={`${id}-status`} name="status" defaultValue={plan?.status ?? 'draft'}>
          {PLAN_STATUSES.map((s) => (
            <option key={s} value={s}>
              {PLAN_STATUS_NAMES[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-generation`}>Generation</label>
        <input
          id={`${id}-generation`}
          name="generation"
          type="number"
          min={1}
          max={99}
          placeholder="next"
          defaultValue={plan?.generation}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-source`}>Source</label>
        <input id={`${id}-source`} name="sourceNote" maxLength={2000} defaultValue={plan?.sourceNote ?? ''} />
      </div>
      <button type="submit" className="button" disabled={write.isPending}>
        {plan ? 'Save plan' : 'Create plan'}
      </button>
      <FormMessage error={error} done={done} />
    </form>
  );
}
