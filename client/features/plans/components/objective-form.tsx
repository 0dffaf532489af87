import { type FormEvent, useId } from 'react';
import type { Plan, PlanObjective } from '../../../../shared';
import { PLAN_LIMITS } from '../../../../shared/constants/plan';
import { useT } from '../../../i18n/context';
import { numberOf, textOf } from '../form-data';
import { BudgetFields, CodeTitleFields, ElementFormEnd, parseElement, useElementSave } from './element-form';

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
  const t = useT();
  const { save, error, pending } = useElementSave(plan, 'objectives', objective, onDone);

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
    save(
      form,
      parseElement({ create: CreateObjectiveSchema, update: UpdateObjectiveSchema }, fields, objective),
    );
  };

  return (
    <form
      className="inline-form"
      onSubmit={submit}
      noValidate
      aria-label={objective ? t('planEdit.editObjective', { code: objective.code }) : t('objectiveForm.new')}
    >
      <CodeTitleFields
        id={id}
        element={objective}
        limits={{ code: PLAN_LIMITS.objectiveCode, title: PLAN_LIMITS.objectiveTitle }}
        inline
      />
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
      <BudgetFields id={id} element={objective} inline />
      <ElementFormEnd
        saveLabel={objective ? t('objectiveForm.save') : t('objectiveForm.add')}
        pending={pending}
        onCancel={objective ? onDone : undefined}
        error={error}
        inline
      />
    </form>
  );
}
