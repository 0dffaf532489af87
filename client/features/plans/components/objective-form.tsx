import { type FormEvent, useId, useState } from 'react';
import type { Plan, PlanObjective } from '../../../../shared';
import { PLAN_LIMITS } from '../../../../shared/constants/plan';
import { useT } from '../../../i18n/context';
import { useErrorText } from '../../../lib/error-text';
import { saveElement, usePlanWrite } from '../api/plan-writes';
import { numberOf, textOf } from '../form-data';
import { FormMessage } from './form-message';

const GAP_NUMBERS = [1, 2, 3, 4, 5] as const;

/** Adds a strategic objective (none given) or changes one: code, title, GAP objective, budget. */
export function ObjectiveForm({
  plan,
  objective,
  onDone,
}: {
  plan: Plan;
  objective?: PlanObjective;
  onDone?: () => void;
}) {
  const id = useId();
  const write = usePlanWrite();
  const t = useT();
  const words = useErrorText();
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const fields = {
      code: textOf(data, 'code') ?? '',
      title: textOf(data, 'title') ?? '',
      gapObjective: numberOf(data, 'gapObjective'),
      budget: numberOf(data, 'budget'),
      currency: textOf(data, 'currency'),
    };
    // The schema is imported on submit: the page's first JS has no zod
    // (docs/decisions/lazy-response-schemas.md).
    const { CreateObjectiveSchema, UpdateObjectiveSchema } = await import('../../../../shared/api/plans');
    const parsed = objective
      ? UpdateObjectiveSchema.safeParse({ ...fields, version: objective.version })
      : CreateObjectiveSchema.safeParse(fields);
    saveElement(write, parsed, {
      words,
      path: `/plans/${plan.id}/objectives${objective ? `/${objective.id}` : ''}`,
      isNew: !objective,
      form,
      setError,
      onDone,
    });
  };

  return (
    <form
      className="inline-form"
      onSubmit={submit}
      noValidate
      aria-label={objective ? t('planEdit.editObjective', { code: objective.code }) : t('objectiveForm.new')}
    >
      <label htmlFor={`${id}-code`}>
        {t('objectives.col.code')}
        <input
          id={`${id}-code`}
          name="code"
          maxLength={PLAN_LIMITS.objectiveCode}
          defaultValue={objective?.code}
        />
      </label>
      <label htmlFor={`${id}-title`}>
        {t('form.title')}
        <input
          id={`${id}-title`}
          name="title"
          maxLength={PLAN_LIMITS.objectiveTitle}
          className="input--wide"
          defaultValue={objective?.title}
        />
      </label>
      <label htmlFor={`${id}-gap`}>
        {t('objectives.col.gap')}
        <select id={`${id}-gap`} name="gapObjective" defaultValue={objective?.gapObjective ?? ''}>
          <option value="">{t('indicators.noneValue')}</option>
          {GAP_NUMBERS.map((n) => (
            <option key={n} value={n}>
              {n}. {t(`gap.${n}`)}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor={`${id}-budget`}>
        {t('plan.budget')}
        <input
          id={`${id}-budget`}
          name="budget"
          type="number"
          min={0}
          step="0.01"
          defaultValue={objective?.budget ?? ''}
        />
      </label>
      <label htmlFor={`${id}-currency`}>
        {t('form.currency')}
        <input id={`${id}-currency`} name="currency" maxLength={3} defaultValue={objective?.currency ?? ''} />
      </label>
      <button type="submit" className="button button--small" disabled={write.isPending}>
        {objective ? t('objectiveForm.save') : t('objectiveForm.add')}
      </button>
      {onDone && objective && (
        <button type="button" className="button button--small button--secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      )}
      <FormMessage error={error} />
    </form>
  );
}
