import { type FormEvent, useId, useState } from 'react';
import { Link } from 'react-router';
import type { Plan } from '../../../../shared';
import { useI18n } from '../../../i18n/context';
import { useErrorText } from '../../../lib/error-text';
import { useCreatePlanPeriod, usePlanPeriods } from '../api/plan-periods';
import { numberOf, textOf } from '../form-data';
import { FormMessage } from './form-message';

/** The plan's reporting periods, and a form adding one (a year, or a quarter) with its due date. */
export function PeriodsEditor({ plan, canCreate }: { plan: Plan; canCreate: boolean }) {
  const id = useId();
  const { t, formatDate } = useI18n();
  const { errorText, zodText } = useErrorText();
  const periods = usePlanPeriods(plan.id);
  const create = useCreatePlanPeriod(plan.id);
  const [kind, setKind] = useState<'year' | 'quarter'>('year');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    // The schema is imported on submit: the page's first JS has no zod
    // (docs/decisions/lazy-response-schemas.md).
    const { CreatePlanPeriodSchema } = await import('../../../../shared/api/reporting');
    const parsed = CreatePlanPeriodSchema.safeParse({
      kind,
      year: numberOf(data, 'year'),
      ...(kind === 'quarter' ? { quarter: numberOf(data, 'quarter') } : {}),
      dueDate: textOf(data, 'dueDate') ?? '',
    });
    if (!parsed.success) return setError(zodText(parsed.error));
    setError(null);
    create.mutate(parsed.data, {
      onSuccess: (p) => setDone(t('periods.added', { code: p.code, due: formatDate(p.dueDate) })),
      onError: (err) => setError(errorText(err)),
    });
  };

  return (
    <section className="section" aria-labelledby="edit-periods">
      <h2 id="edit-periods">{t('periods.title')}</h2>
      {periods.isPending ? (
        <p className="muted small">{t('periods.loading')}</p>
      ) : periods.isError ? (
        <p role="alert" className="error-text">
          {errorText(periods.error)}
        </p>
      ) : periods.data.items.length === 0 ? (
        <p className="notice">{t('periods.none')}</p>
      ) : (
        <ul className="edit-list">
          {periods.data.items.map((p) => (
            <li key={p.id}>
              <Link to={`/periods/${p.id}`}>{p.code}</Link> —{' '}
              {t('periods.due', { due: formatDate(p.dueDate), state: t(`state.${p.dueState}`) })}
            </li>
          ))}
        </ul>
      )}
      {canCreate && (
        <form className="inline-form" onSubmit={submit} noValidate aria-label={t('periods.new')}>
          <label htmlFor={`${id}-kind`}>
            {t('periods.kind')}
            <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
              <option value="year">{t('periods.year')}</option>
              <option value="quarter">{t('periods.quarter')}</option>
            </select>
          </label>
          <label htmlFor={`${id}-year`}>
            {t('periods.year')}
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
              {t('periods.quarter')}
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
            {t('periods.dueDate')}
            <input id={`${id}-due`} name="dueDate" type="date" className="input--date" />
          </label>
          <button type="submit" className="button button--small" disabled={create.isPending}>
            {t('periods.add')}
          </button>
          <FormMessage error={error} done={done} />
        </form>
      )}
    </section>
  );
}
