import { NATIONAL_MEASURE_TYPES } from '../../../../shared/constants/indicator';
import { PLAN_LIMITS } from '../../../../shared/constants/plan';
import { useT } from '../../../i18n/context';

export type IndicatorKind = 'framework' | 'national';

/**
 * What a new indicator is: a framework's, named by framework and code, or a national one defined here
 * with its name, measure and unit. The kind and the measure are controlled: the rest of the form
 * depends on them.
 */
export function IndicatorIdentityFields({
  id,
  kind,
  onKind,
  measure,
  onMeasure,
}: {
  id: string;
  kind: IndicatorKind;
  onKind: (kind: IndicatorKind) => void;
  measure: string;
  onMeasure: (measure: string) => void;
}) {
  const t = useT();
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-kind`}>{t('cmp.col.indicator')}</label>
        <select id={`${id}-kind`} value={kind} onChange={(e) => onKind(e.target.value as IndicatorKind)}>
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
              onChange={(e) => onMeasure(e.target.value)}
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
  );
}
