import type { PlanIndicator } from '../../../../shared';
import type { Locale } from '../../../../shared/i18n/locale';
import { formatInputNumber, parseLocaleNumber } from '../../../../shared/i18n/number';
import { useI18n } from '../../../i18n/context';
import { textOf } from '../form-data';

/** A rule's number as typed in the interface language: null when empty, NaN when unreadable (the schema names it). */
function ruleNumber(data: FormData, name: string, locale: Locale): number | null {
  const text = textOf(data, name);
  if (text === null) return null;
  const parsed = parseLocaleNumber(text, locale);
  return parsed.ok ? parsed.value : Number.NaN;
}

const ruleText = (n: number | null | undefined, locale: Locale) =>
  n == null ? '' : formatInputNumber(n, locale);

/** The validation rules as typed: each bound null when left empty. */
export function rulesOf(data: FormData, locale: Locale) {
  return {
    min: ruleNumber(data, 'ruleMin', locale),
    max: ruleNumber(data, 'ruleMax', locale),
    jumpPercent: ruleNumber(data, 'ruleJump', locale),
  };
}

/** The validation rules that bound an indicator's numbers: a minimum, a maximum, a largest jump in percent. */
export function IndicatorRuleFields({ id, item }: { id: string; item?: PlanIndicator }) {
  const { t, locale } = useI18n();
  return (
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
  );
}
