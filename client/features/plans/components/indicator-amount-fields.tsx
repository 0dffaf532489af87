import type { PlanIndicator } from '../../../../shared';
import { PLAN_LIMITS } from '../../../../shared/constants/plan';
import type { Locale } from '../../../../shared/i18n/locale';
import { useI18n } from '../../../i18n/context';
import { amountOf, amountText } from '../amounts';
import { numberOf, textOf } from '../form-data';

/** The baseline as typed (amounts in the interface language, or an A–E level): null when no amount is given. */
export function baselineOf(data: FormData, locale: Locale) {
  const amount = amountOf(textOf(data, 'baseline'), locale);
  if (!amount) return null;
  return { year: numberOf(data, 'baselineYear'), ...amount, source: textOf(data, 'baselineSource') };
}

/**
 * Where an indicator starts and where it aims: a worded target for a text milestone (it has no numeric
 * baseline or targets), else the baseline with its year and source, and the targets of a new indicator
 * (an existing one's targets are edited on their own).
 */
export function IndicatorAmountFields({
  id,
  item,
  isText,
}: {
  id: string;
  item?: PlanIndicator;
  isText: boolean;
}) {
  const { t, locale } = useI18n();
  if (isText)
    return (
      <div className="field field--wide">
        <label htmlFor={`${id}-target-text`}>{t('indicatorForm.targetText')}</label>
        <input
          id={`${id}-target-text`}
          name="targetText"
          maxLength={PLAN_LIMITS.targetText}
          defaultValue={item?.targetText ?? ''}
        />
      </div>
    );
  return (
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
  );
}
