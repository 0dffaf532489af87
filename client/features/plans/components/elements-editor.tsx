import { useState } from 'react';
import type { Plan } from '../../../../shared';
import { useI18n } from '../../../i18n/context';
import { formatAmount, formatMoney, yesNoOf } from '../format';
import { ActivityForm } from './activity-form';
import { DeleteButton } from './delete-button';
import { ElementHistory } from './element-history';
import { IndicatorForm } from './indicator-form';
import { ObjectiveForm } from './objective-form';
import { TargetsForm } from './targets-form';

/** Which element's form is open, e.g. "activity-12". */
function useOpen() {
  const [open, setOpen] = useState<string | null>(null);
  return { open, toggle: (key: string) => setOpen(open === key ? null : key), close: () => setOpen(null) };
}

export function ObjectivesEditor({ plan }: { plan: Plan }) {
  const { open, toggle, close } = useOpen();
  const { t, locale } = useI18n();
  return (
    <section className="section" aria-labelledby="edit-objectives">
      <h2 id="edit-objectives">{t('planEdit.objectives')}</h2>
      <ul className="edit-list">
        {plan.objectives.map((o) => (
          <li key={o.id}>
            <p>
              <strong>{o.code}</strong> {o.title} — {t('planEdit.gap', { n: o.gapObjective ?? '—' })},{' '}
              {formatMoney(o.budget, o.currency, locale)}
            </p>
            <div className="edit-list__actions">
              <button type="button" className="button button--small" onClick={() => toggle(`o-${o.id}`)}>
                {t('planEdit.editObjective', { code: o.code })}
              </button>
              <DeleteButton
                path={`/plans/${plan.id}/objectives/${o.id}`}
                version={o.version}
                what={t('planEdit.objectiveNamed', { code: o.code })}
              />
              <ElementHistory
                planId={plan.id}
                entityType="plan_objective"
                entityId={o.id}
                label={t('planEdit.objectiveNamed', { code: o.code })}
              />
            </div>
            {open === `o-${o.id}` && <ObjectiveForm plan={plan} objective={o} onDone={close} />}
          </li>
        ))}
      </ul>
      <h3>{t('planEdit.addObjective')}</h3>
      <ObjectiveForm plan={plan} />
    </section>
  );
}

export function ActivitiesEditor({ plan }: { plan: Plan }) {
  const { open, toggle, close } = useOpen();
  const { t, formatPercent } = useI18n();
  return (
    <section className="section" aria-labelledby="edit-activities">
      <h2 id="edit-activities">{t('plan.activities')}</h2>
      <ul className="edit-list">
        {plan.activities.map((a) => (
          <li key={a.id}>
            <p>
              <strong>{a.code}</strong> {a.title} — {t(`impl.${a.implementationStatus}`)}
              {a.percentComplete !== null ? `${t('common.comma')}${formatPercent(a.percentComplete)}` : ''}
            </p>
            <div className="edit-list__actions">
              <button type="button" className="button button--small" onClick={() => toggle(`a-${a.id}`)}>
                {t('planEdit.editActivity', { code: a.code })}
              </button>
              <DeleteButton
                path={`/plans/${plan.id}/activities/${a.id}`}
                version={a.version}
                what={t('planEdit.activityNamed', { code: a.code })}
              />
              <ElementHistory
                planId={plan.id}
                entityType="plan_activity"
                entityId={a.id}
                label={t('planEdit.activityNamed', { code: a.code })}
              />
            </div>
            {open === `a-${a.id}` && <ActivityForm plan={plan} activity={a} onDone={close} />}
          </li>
        ))}
      </ul>
      <h3>{t('planEdit.addActivity')}</h3>
      {plan.objectives.length === 0 ? (
        <p className="notice">{t('planEdit.objectiveFirst')}</p>
      ) : (
        <ActivityForm plan={plan} />
      )}
    </section>
  );
}

export function IndicatorsEditor({ plan }: { plan: Plan }) {
  const { open, toggle, close } = useOpen();
  const { t, locale } = useI18n();
  return (
    <section className="section" aria-labelledby="edit-indicators">
      <h2 id="edit-indicators">{t('planEdit.indicators')}</h2>
      <ul className="edit-list">
        {plan.indicators.map((i) => (
          <li key={i.id}>
            <p>
              <strong>{i.indicator.code}</strong> {i.indicator.name} —{' '}
              {t('planEdit.baseline', {
                amount: `${formatAmount(i.baseline, i.indicator.unit, locale, yesNoOf(t, i.indicator.measureType))}${i.baseline ? ` (${i.baseline.year})` : ''}`,
              })}
              {t('common.comma')}
              {t(`direction.${i.direction}`)}
            </p>
            {/* A text milestone's target is worded (edited with the indicator), not a number per year. */}
            {i.indicator.measureType === 'text' ? (
              <p className="small">
                {t('indicatorForm.targetText')}: {i.targetText ?? '—'}
              </p>
            ) : (
              <TargetsForm plan={plan} item={i} />
            )}
            <div className="edit-list__actions">
              <button type="button" className="button button--small" onClick={() => toggle(`i-${i.id}`)}>
                {t('planEdit.editIndicator', { code: i.indicator.code })}
              </button>
              <DeleteButton
                path={`/plans/${plan.id}/indicators/${i.id}`}
                version={i.version}
                what={t('planEdit.indicatorNamed', { code: i.indicator.code })}
              />
              <ElementHistory
                planId={plan.id}
                entityType="plan_indicator"
                entityId={i.id}
                label={t('planEdit.indicatorNamed', { code: i.indicator.code })}
              />
            </div>
            {open === `i-${i.id}` && <IndicatorForm plan={plan} item={i} onDone={close} />}
          </li>
        ))}
      </ul>
      <h3>{t('planEdit.trackIndicator')}</h3>
      <IndicatorForm plan={plan} />
    </section>
  );
}
