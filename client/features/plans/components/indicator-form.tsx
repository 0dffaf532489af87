import { type FormEvent, useId, useState } from 'react';
import type { Plan, PlanIndicator } from '../../../../shared';
import { DIRECTIONS } from '../../../../shared/constants/indicator';
import {
  flatIssueCode,
  hasRules,
  ruleProblems,
  rulesApplyTo,
} from '../../../../shared/domain/validation-rules';
import { useI18n } from '../../../i18n/context';
import { parseTargets } from '../amounts';
import { numberOf, textOf } from '../form-data';
import { ElementFormEnd, useElementSave } from './element-form';
import { baselineOf, IndicatorAmountFields } from './indicator-amount-fields';
import { IndicatorIdentityFields, type IndicatorKind } from './indicator-identity-fields';
import { IndicatorRuleFields, rulesOf } from './indicator-rule-fields';

/**
 * Tracks an indicator (none given): a framework's by code, or a national one defined here, with
 * baseline, direction and targets; or changes one's baseline, direction and objective.
 */
export function IndicatorForm({
  plan,
  item,
  onDone,
}: {
  plan: Plan;
  item?: PlanIndicator;
  onDone?: () => void;
}) {
  const id = useId();
  const { t, locale } = useI18n();
  const { save, error, pending } = useElementSave(plan, 'indicators', item, onDone);
  const [kind, setKind] = useState<IndicatorKind>('national');
  const [measure, setMeasure] = useState<string>('percentage');
  // A text milestone has no numeric baseline or targets: its target is worded.
  const isText = item ? item.indicator.measureType === 'text' : kind === 'national' && measure === 'text';
  // Validation rules bound numbers: number, count, percentage and ratio indicators.
  const measureType = item ? item.indicator.measureType : kind === 'national' ? measure : null;
  const withRules = measureType !== null && rulesApplyTo(measureType);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const common = {
      objectiveId: numberOf(data, 'objectiveId'),
      ...(isText
        ? { targetText: textOf(data, 'targetText') ?? (item ? null : undefined) }
        : { baseline: baselineOf(data, locale) }),
      direction: textOf(data, 'direction') ?? undefined,
    };
    const rules = withRules ? rulesOf(data, locale) : null;
    // A new indicator sends rules only when some are set; an edit sends them (all empty clears them).
    const rulesField =
      rules && (item ? hasRules(rules) || hasRules(item.rules) : hasRules(rules))
        ? { rules: hasRules(rules) ? rules : null }
        : {};
    // The schema is imported on submit: the page's first JS has no zod
    // (docs/decisions/lazy-response-schemas.md).
    const { CreatePlanIndicatorSchema, UpdatePlanIndicatorSchema } = await import(
      '../../../../shared/api/plan-indicators'
    );
    const parsed = item
      ? UpdatePlanIndicatorSchema.superRefine((b, ctx) => {
          // The bounds of the indicator's type, as the server checks them.
          for (const p of ruleProblems(item.indicator.measureType, b.rules ?? {}))
            ctx.addIssue({
              code: 'custom',
              path: ['rules', p.path],
              message: p.message,
              params: flatIssueCode(p),
            });
        }).safeParse({ ...common, ...rulesField, version: item.version })
      : CreatePlanIndicatorSchema.safeParse({
          ...common,
          ...rulesField,
          indicator:
            kind === 'framework'
              ? { kind, framework: textOf(data, 'framework') ?? '', code: textOf(data, 'code') ?? '' }
              : {
                  kind,
                  code: textOf(data, 'code') ?? '',
                  name: textOf(data, 'name') ?? '',
                  measureType: textOf(data, 'measureType'),
                  unit: textOf(data, 'unit'),
                },
          targets: isText ? undefined : parseTargets(textOf(data, 'targets'), locale),
        });
    save(form, parsed);
  };

  return (
    <form
      className="form form--grid"
      onSubmit={submit}
      noValidate
      aria-label={item ? t('planEdit.editIndicator', { code: item.indicator.code }) : t('indicatorForm.new')}
    >
      {!item && (
        <IndicatorIdentityFields
          id={id}
          kind={kind}
          onKind={setKind}
          measure={measure}
          onMeasure={setMeasure}
        />
      )}
      <div className="field">
        <label htmlFor={`${id}-objective`}>{t('objectives.col.objective')}</label>
        <select id={`${id}-objective`} name="objectiveId" defaultValue={item?.objectiveId ?? ''}>
          <option value="">{t('indicators.noneValue')}</option>
          {plan.objectives.map((o) => (
            <option key={o.id} value={o.id}>
              {o.code} {o.title}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-direction`}>{t('indicatorForm.direction')}</label>
        <select id={`${id}-direction`} name="direction" defaultValue={item?.direction ?? 'increase'}>
          {DIRECTIONS.map((d) => (
            <option key={d} value={d}>
              {t(`direction.${d}`)}
            </option>
          ))}
        </select>
      </div>
      <IndicatorAmountFields id={id} item={item} isText={isText} />
      {withRules && <IndicatorRuleFields id={id} item={item} />}
      <ElementFormEnd
        saveLabel={item ? t('indicatorForm.save') : t('indicatorForm.add')}
        pending={pending}
        onCancel={item ? onDone : undefined}
        error={error}
      />
    </form>
  );
}
