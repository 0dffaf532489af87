import { useState } from 'react';
import type { Plan } from '../../../../shared';
import { formatAmount, formatMoney } from '../format';
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
  return (
    <section className="section" aria-labelledby="edit-objectives">
      <h2 id="edit-objectives">Strategic objectives</h2>
      <ul className="edit-list">
        {plan.objectives.map((o) => (
          <li key={o.id}>
            <p>
              <strong>{o.code}</strong> {o.title} — GAP {o.gapObjective ?? '—'},{' '}
              {formatMoney(o.budget, o.currency)}
            </p>
            <div className="edit-list__actions">
              <button type="button" className="button button--small" onClick={() => toggle(`o-${o.id}`)}>
                Edit objective {o.code}
              </button>
              <DeleteButton
                path={`/plans/${plan.id}/objectives/${o.id}`}
                version={o.version}
                what={`objective ${o.code}`}
              />
              <ElementHistory
                planId={plan.id}
                entityType="plan_objective"
                entityId={o.id}
                label={`objective ${o.code}`}
              />
            </div>
            {open === `o-${o.id}` && <ObjectiveForm plan={plan} objective={o} onDone={close} />}
          </li>
        ))}
      </ul>
      <h3>Add an objective</h3>
      <ObjectiveForm plan={plan} />
    </section>
  );
}

export function ActivitiesEditor({ plan }: { plan: Plan }) {
  const { open, toggle, close } = useOpen();
  return (
    <section className="section" aria-labelledby="edit-activities">
      <h2 id="edit-activities">Activities</h2>
      <ul className="edit-list">
        {plan.activities.map((a) => (
          <li key={a.id}>
            <p>
              <strong>{a.code}</strong> {a.title} — {a.implementationStatus.replace('_', ' ')}
              {a.percentComplete !== null ? `, ${a.percentComplete} %` : ''}
            </p>
            <div className="edit-list__actions">
              <button type="button" className="button button--small" onClick={() => toggle(`a-${a.id}`)}>
                Edit activity {a.code}
              </button>
              <DeleteButton
                path={`/plans/${plan.id}/activities/${a.id}`}
                version={a.version}
                what={`activity ${a.code}`}
              />
              <ElementHistory
                planId={plan.id}
                entityType="plan_activity"
                entityId={a.id}
                label={`activity ${a.code}`}
              />
            </div>
            {open === `a-${a.id}` && <ActivityForm plan={plan} activity={a} onDone={close} />}
          </li>
        ))}
      </ul>
      <h3>Add an activity</h3>
      {plan.objectives.length === 0 ? (
        <p className="notice">Add an objective first: every activity belongs to one.</p>
      ) : (
        <ActivityForm plan={plan} />
      )}
    </section>
  );
}

export function IndicatorsEditor({ plan }: { plan: Plan }) {
  const { open, toggle, close } = useOpen();
  return (
    <section className="section" aria-labelledby="edit-indicators">
      <h2 id="edit-indicators">Indicators, baselines and targets</h2>
      <ul className="edit-list">
        {plan.indicators.map((i) => (
          <li key={i.id}>
            <p>
              <strong>{i.indicator.code}</strong> {i.indicator.name} — baseline{' '}
              {formatAmount(i.baseline, i.indicator.unit)}
              {i.baseline ? ` (${i.baseline.year})` : ''}, {i.direction}
            </p>
            <TargetsForm plan={plan} item={i} />
            <div className="edit-list__actions">
              <button type="button" className="button button--small" onClick={() => toggle(`i-${i.id}`)}>
                Edit indicator {i.indicator.code}
              </button>
              <DeleteButton
                path={`/plans/${plan.id}/indicators/${i.id}`}
                version={i.version}
                what={`indicator ${i.indicator.code}`}
              />
              <ElementHistory
                planId={plan.id}
                entityType="plan_indicator"
                entityId={i.id}
                label={`indicator ${i.indicator.code}`}
              />
            </div>
            {open === `i-${i.id}` && <IndicatorForm plan={plan} item={i} onDone={close} />}
          </li>
        ))}
      </ul>
      <h3>Track an indicator</h3>
      <IndicatorForm plan={plan} />
    </section>
  );
}
