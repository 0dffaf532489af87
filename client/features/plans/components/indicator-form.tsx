import { type FormEvent, useId, useState } from 'react';
import type { Plan, PlanIndicator } from '../../../../shared';
import { DIRECTIONS, NATIONAL_MEASURE_TYPES } from '../../../../shared/constants/indicator';
import { PLAN_LIMITS } from '../../../../shared/constants/plan';
import {
  flatIssueCode,
  hasRules,
  ruleProblems,
  rulesApplyTo,
} from '../../../../shared/domain/validation-rules';
import type { Locale } from '../../../../shared/i18n/locale';
import { formatInputNumber, parseLocaleNumber } from '../../../../shared/i18n/number';
import { useI18n } from '../../../i18n/context';
import { useErrorText } from '../../../lib/error-text';
import { amountOf, amountText, parseTargets } from '../amounts';
import { saveElement, usePlanWrite } from '../api/plan-writes';
import { numberOf, textOf } from '../form-data';
import { FormMessage } from './form-message';

function baselineOf(data: FormData, locale: Locale) {
  const amount = amountOf(textOf(data, 'baseline'), locale);
  if (!amount) return null;
  return { year: numberOf(data, 'baselineYear'), ...amount, source: textOf(data, 'baselineSource') };
}

/** A rule's number as typed in the interface language: null when empty, NaN when unreadable (the schema names it). */
function ruleNumber(data: FormData, name: string, locale: Locale): number | null {
  const text = textOf(data, name);
  if (text === null) return null;
  const parsed = parseLocaleNumber(text, locale);
  return parsed.ok ? parsed.value : Number.NaN;
}

const ruleText = (n: number | null | undefined, locale: Locale) =>
  n == null ? '' : formatInputNumber(n, locale);

function rulesOf(data: FormData, locale: Locale) {
  return {
    min: ruleNumber(data, 'ruleMin', locale),
    max: ruleNumber(data, 'ruleMax', locale),
    jumpPercent: ruleNumber(data, 'ruleJump', locale),
  };
}

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
  const write = usePlanWrite();
  const { t, locale } = useI18n();
  const words = useErrorText();
  const [error, setError] = useState<string | null>(null);
  const [kind, setKind] = useState<'framework' | 'national'>('national');
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
    saveElement(write, parsed, {
      words,
      path: `/plans/${plan.id}/indicators${item ? `/${item.id}` : ''}`,
      isNew: !item,
      form,
      setError,
      onDone,
    });
  };

  return (
    <form
      className="form form--grid"
      onSubmit={submit}
      noValidate
      aria-label={item ? t('planEdit.editIndicator', { code: item.indicator.code }) : t('indicatorForm.new')}
    >
      {!item && (
        <>
          <div className="field">
            <label htmlFor={`${id}-kind`}>{t('cmp.col.indicator')}</label>
            <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
              <option value="national">{t('indicatorForm.national')}</option>
              <option value="framework">{t('indicatorForm.framework')}</option>
            </select>
          </div>
          {kind === 'framework' && (
            <div className="field">
              <label htmlFor={`${id}-framework`}>{t('exports.framework')}</label>
              <input
                id={`${id}-framework`}
                name="framework"
                maxLength={PLAN_LIMITS.frameworkCode}
                defaultValue="tracss-2019-2020"
              />
            </div>
          )}
          <div className="field">
            <label htmlFor={`${id}-code`}>{t('objectives.col.code')}</label>
            <input id={`${id}-code`} name="code" maxLength={PLAN_LIMITS.indicatorCode} />
          </div>
          {kind === 'national' && (
            <>
              <div className="field field--wide">
                <label htmlFor={`${id}-name`}>{t('users.name')}</label>
                <input id={`${id}-name`} name="name" maxLength={PLAN_LIMITS.indicatorName} />
              </div>
              <div className="field">
                <label htmlFor={`${id}-measure`}>{t('indicatorForm.measure')}</label>
                <select
                  id={`${id}-measure`}
                  name="measureType"
                  value={measure}
                  onChange={(e) => setMeasure(e.target.value)}
                >
                  {NATIONAL_MEASURE_TYPES.map((m) => (
                    <option key={m} value={m}>
                      {t(`measure.${m}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={`${id}-unit`}>{t('indicatorForm.unit')}</label>
                <input id={`${id}-unit`} name="unit" maxLength={PLAN_LIMITS.unit} />
              </div>
            </>
          )}
        </>
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
      {isText ? (
        <div className="field field--wide">
          <label htmlFor={`${id}-target-text`}>{t('indicatorForm.targetText')}</label>
          <input
            id={`${id}-target-text`}
            name="targetText"
            maxLength={PLAN_LIMITS.targetText}
            defaultValue={item?.targetText ?? ''}
          />
        </div>
      ) : (
        <>
          <div className="field">
            <label htmlFor={`${id}-baseline`}>{t('indicatorForm.baseline')}</label>
            <input
              id={`${id}-baseline`}
              name="baseline"
              defaultValue={item?.baseline ? amountText(item.baseline, locale) : ''}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-baseline-year`}>{t('indicatorForm.baselineYear')}</label>
            <input
              id={`${id}-baseline-year`}
              name="baselineYear"
              type="number"
              min={1990}
              max={2100}
              defaultValue={item?.baseline?.year ?? ''}
            />
          </div>
          <div className="field field--wide">
            <label htmlFor={`${id}-baseline-source`}>{t('indicatorForm.baselineSource')}</label>
            <input
              id={`${id}-baseline-source`}
              name="baselineSource"
              maxLength={PLAN_LIMITS.baselineSource}
              defaultValue={item?.baseline?.source ?? ''}
            />
          </div>
          {!item && (
            <div className="field field--wide">
              <label htmlFor={`${id}-targets`}>{t('indicatorForm.targets')}</label>
              <input id={`${id}-targets`} name="targets" dir="ltr" maxLength={1000} />
            </div>
          )}
        </>
      )}
      {withRules && (
        <fieldset className="field field--wide">
          <legend>{t('indicatorForm.rules')}</legend>
          <p className="muted small">{t('indicatorForm.rulesHint')}</p>
          <div className="form--grid">
            <div className="field">
              <label htmlFor={`${id}-rule-min`}>{t('indicatorForm.ruleMin')}</label>
              <input
                id={`${id}-rule-min`}
                name="ruleMin"
                inputMode="decimal"
                defaultValue={ruleText(item?.rules?.min, locale)}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-rule-max`}>{t('indicatorForm.ruleMax')}</label>
              <input
                id={`${id}-rule-max`}
                name="ruleMax"
                inputMode="decimal"
                defaultValue={ruleText(item?.rules?.max, locale)}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-rule-jump`}>{t('indicatorForm.ruleJump')}</label>
              <input
                id={`${id}-rule-jump`}
                name="ruleJump"
                inputMode="decimal"
                defaultValue={ruleText(item?.rules?.jumpPercent, locale)}
              />
            </div>
          </div>
        </fieldset>
      )}
      <div className="form__actions">
        <button type="submit" className="button button--small" disabled={write.isPending}>
          {item ? t('indicatorForm.save') : t('indicatorForm.add')}
        </button>
        {onDone && item && (
          <button type="button" className="button button--small button--secondary" onClick={onDone}>
            {t('common.cancel')}
          </button>
        )}
      </div>
      <FormMessage error={error} />
    </form>
  );
}
