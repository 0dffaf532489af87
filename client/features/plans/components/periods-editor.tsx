import { type FormEvent, useId, useState } from 'react';
import { Link } from 'react-router';
import { CreatePlanPeriodSchema, type Plan } from '../../../../shared';
import { useCreatePlanPeriod, usePlanPeriods } from '../api/plan-periods';
import { issuesText, numberOf, textOf } from '../form-data';
import { FormMessage } from './form-message';

const STATE_NAMES = {
  due: 'Due',
  overdue: 'Overdue',
  returned: 'Returned',
  submitted: 'Submitted',
  approved: 'Approved',
} as const;

/** The plan's reporting periods, and a form adding one (a year, or a quarter) with its due date. */
export function PeriodsEditor({ plan, canCreate }: { plan: Plan; canCreate: boolean }) {
  const id = useId();
  const periods = usePlanPeriods(plan.id);
  const create = useCreatePlanPeriod(plan.id);
  const [kind, setKind] = useState<'year' | 'quarter'>('year');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const parsed = CreatePlanPeriodSchema.safeParse({
      kind,
      year: numberOf(data, 'year'),
      ...(kind === 'quarter' ? { quarter: numberOf(data, 'quarter') } : {}),
      dueDate: textOf(data, 'dueDate') ?? '',
    });
    if (!parsed.success) return setError(issuesText(parsed.error));
    setError(null);
    create.mutate(parsed.data, {
      onSuccess: (p) => setDone(`Reporting period ${p.code} added, due ${p.dueDate}.`),
      onError: (err) => setError(err.message),
    });
  };

  return (
    <section className="section" aria-labelledby="edit-periods">
      <h2 id="edit-periods">Reporting periods</h2>
      {periods.isPending ? (
        <p className="muted small">Loading the periods …</p>
      ) : periods.isError ? (
        <p role="alert" className="error-text">
          {periods.error.message}
        </p>
      ) : periods.data.items.length === 0 ? (
        <p className="notice">No reporting period yet.</p>
      ) : (
        <ul className="edit-list">
          {periods.data.items.map((p) => (
            <li key={p.id}>
              <Link to={`/periods/${p.id}`}>{p.code}</Link> — due {p.dueDate}, {STATE_NAMES[p.dueState]}
            </li>
          ))}
        </ul>
      )}
      {canCreate && (
        <form className="inline-form" onSubmit={submit} noValidate aria-label="New reporting period">
          <label htmlFor={`${id}-kind`}>
            Kind
            <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
              <option value="year">Year</option>
              <option value="quarter">Quarter</option>
            </select>
          </label>
          <label htmlFor={`${id}-year`}>
            Year
            <input
              id={`${id}-year`}
              name="year"
              type="number"
              min={plan.periodStart}
              max={plan.periodEnd + 1}
            />
          </label>
          {kind === 'quarter' && (
            <label htmlFor={`${id}-quarter`}>
              Quarter
              <select id={`${id}-quarter`} name="quarter" defaultValue="1">
                {[1, 2, 3, 4].map((q) => (
                  <option key={q} value={q}>
                    Q{q}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label htmlFor={`${id}-due`}>
            Due date
            <input id={`${id}-due`} name="dueDate" type="date" className="input--date" />
          </label>
          <button type="submit" className="button button--small" disabled={create.isPending}>
            Add reporting period
          </button>
          <FormMessage error={error} done={done} />
        </form>
      )}
    </section>
  );
}
