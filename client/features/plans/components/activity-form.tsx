import { type FormEvent, useId } from 'react';
import type { Plan, PlanActivity } from '../../../../shared';
import { SECTORS } from '../../../../shared/constants/indicator';
import { FUNDING_STATUSES, IMPLEMENTATION_STATUSES, PLAN_LIMITS } from '../../../../shared/constants/plan';
import { useT } from '../../../i18n/context';
import { numberOf, textOf } from '../form-data';
import { BudgetFields, CodeTitleFields, ElementFormEnd, parseElement, useElementSave } from './element-form';

/** Adds an activity (none given) or changes every field of one. */
export function ActivityForm({
  plan,
  activity,
  onDone,
}: {
  plan: Plan;
  activity?: PlanActivity;
  onDone?: () => void;
}) {
  const id = useId();
  const t = useT();
  const a = activity;
  const { save, error, pending } = useElementSave(plan, 'activities', a, onDone);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const fields = {
      objectiveId: numberOf(data, 'objectiveId') ?? undefined,
      interventionId: data.has('interventionId') ? numberOf(data, 'interventionId') : undefined,
      code: textOf(data, 'code') ?? '',
      title: textOf(data, 'title') ?? '',
      sectors: data.getAll('sectors'),
      leadAgency: textOf(data, 'leadAgency'),
      timeline: textOf(data, 'timeline'),
      plannedStart: textOf(data, 'plannedStart'),
      plannedEnd: textOf(data, 'plannedEnd'),
      budget: numberOf(data, 'budget'),
      currency: textOf(data, 'currency'),
      fundingStatus: textOf(data, 'fundingStatus'),
      implementationStatus: textOf(data, 'implementationStatus') ?? undefined,
      // Empty: the status decides (completed 100, not started 0).
      percentComplete: numberOf(data, 'percentComplete') ?? undefined,
    };
    // The schema is imported on submit: the page's first JS has no zod
    // (docs/decisions/lazy-response-schemas.md).
    const { CreateActivitySchema, UpdateActivitySchema } = await import('../../../../shared/api/plans');
    save(form, parseElement({ create: CreateActivitySchema, update: UpdateActivitySchema }, fields, a));
  };

  return (
    <form
      className="form form--grid"
      onSubmit={submit}
      noValidate
      aria-label={a ? t('planEdit.editActivity', { code: a.code }) : t('activityForm.new')}
    >
      <div className="field">
        <label htmlFor={`${id}-objective`}>{t('objectives.col.objective')}</label>
        <select
          id={`${id}-objective`}
          name="objectiveId"
          defaultValue={a?.objectiveId ?? plan.objectives[0]?.id}
        >
          {plan.objectives.map((o) => (
            <option key={o.id} value={o.id}>
              {o.code} {o.title}
            </option>
          ))}
        </select>
      </div>
      {plan.interventions.length > 0 && (
        <div className="field field--wide">
          <label htmlFor={`${id}-intervention`}>{t('activityForm.intervention')}</label>
          <select id={`${id}-intervention`} name="interventionId" defaultValue={a?.interventionId ?? ''}>
            <option value="">{t('activityForm.noIntervention')}</option>
            {plan.objectives.map((o) => (
              <optgroup key={o.id} label={`${o.code} ${o.title}`}>
                {plan.interventions
                  .filter((i) => i.objectiveId === o.id)
                  .map((i) => (
                    <option key={i.id} value={i.id}>
                      {i.code} {i.title}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </div>
      )}
      <CodeTitleFields
        id={id}
        element={a}
        limits={{ code: PLAN_LIMITS.activityCode, title: PLAN_LIMITS.activityTitle }}
      />
      <fieldset className="field field--wide">
        <legend>{t('activityForm.sectors')}</legend>
        {SECTORS.map((s) => (
          <label key={s} className="check">
            <input type="checkbox" name="sectors" value={s} defaultChecked={a?.sectors.includes(s)} />{' '}
            {t(`sector.${s}`)}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-lead`}>{t('activityForm.lead')}</label>
        <input
          id={`${id}-lead`}
          name="leadAgency"
          maxLength={PLAN_LIMITS.leadAgency}
          defaultValue={a?.leadAgency ?? ''}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-timeline`}>{t('activityForm.timeline')}</label>
        <input
          id={`${id}-timeline`}
          name="timeline"
          maxLength={PLAN_LIMITS.timeline}
          defaultValue={a?.timeline ?? ''}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-start`}>{t('activityForm.start')}</label>
        <input id={`${id}-start`} name="plannedStart" type="date" defaultValue={a?.plannedStart ?? ''} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-end`}>{t('activityForm.end')}</label>
        <input id={`${id}-end`} name="plannedEnd" type="date" defaultValue={a?.plannedEnd ?? ''} />
      </div>
      <BudgetFields id={id} element={a} />
      <div className="field">
        <label htmlFor={`${id}-funding`}>{t('activities.col.funding')}</label>
        <select id={`${id}-funding`} name="fundingStatus" defaultValue={a?.fundingStatus ?? ''}>
          <option value="">{t('activityForm.notKnown')}</option>
          {FUNDING_STATUSES.map((f) => (
            <option key={f} value={f}>
              {t(`funding.${f}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-status`}>{t('plan.status')}</label>
        <select
          id={`${id}-status`}
          name="implementationStatus"
          defaultValue={a?.implementationStatus ?? 'not_started'}
        >
          {IMPLEMENTATION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`impl.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-percent`}>{t('activities.col.complete')}</label>
        <input
          id={`${id}-percent`}
          name="percentComplete"
          type="number"
          min={0}
          max={100}
          step={1}
          defaultValue={a?.percentComplete ?? ''}
        />
      </div>
      <ElementFormEnd
        saveLabel={a ? t('activityForm.save') : t('activityForm.add')}
        pending={pending}
        onCancel={a ? onDone : undefined}
        error={error}
      />
    </form>
  );
}
