import type { Plan, PlanActivity, PlanIntervention } from '../../../../shared';
import { useContentTexts } from '../../../i18n/content';
import { useT } from '../../../i18n/context';
import { ActivitiesTable } from './activities-table';

/** Interventions in the plan's order, grouped under the strategic objective each serves (if any). */
function byStrategicObjective(list: PlanIntervention[]) {
  const groups: { code: string | null; title: string | null; items: PlanIntervention[] }[] = [];
  for (const i of list) {
    const code = i.strategicObjective?.code ?? null;
    const last = groups.at(-1);
    if (last && last.code === code) last.items.push(i);
    else groups.push({ code, title: i.strategicObjective?.title ?? null, items: [i] });
  }
  return groups;
}

/**
 * The plan as it is built: each objective with its strategic objectives and interventions and the
 * activities under them, each objective folded (a plan has well over a hundred activities). A plan
 * without interventions lists its activities in one table.
 */
export function PlanStructure({ plan, canEdit }: { plan: Plan; canEdit: boolean }) {
  const t = useT();
  const texts = useContentTexts(
    'activity',
    plan.activities.map((a) => a.id),
  );
  if (plan.interventions.length === 0)
    return (
      <section aria-labelledby={`activities-${plan.id}`} className="section">
        <h2 id={`activities-${plan.id}`}>{t('plan.activities')}</h2>
        <ActivitiesTable plan={plan} canEdit={canEdit} objective texts={texts} />
      </section>
    );
  const notReported = plan.activities.some((a) => a.implementationStatus === 'not_reported');
  return (
    <section aria-labelledby={`structure-${plan.id}`} className="section">
      <h2 id={`structure-${plan.id}`}>{t('structure.title')}</h2>
      <p className="muted">{t('structure.intro')}</p>
      {notReported && <p className="notice">{t('structure.notReportedNote')}</p>}
      {plan.objectives.map((o) => {
        const interventions = plan.interventions.filter((i) => i.objectiveId === o.id);
        const activities = plan.activities.filter((a) => a.objectiveId === o.id);
        const under = (i: PlanIntervention) => activities.filter((a) => a.interventionId === i.id);
        const unlinked = activities.filter(
          (a) => a.interventionId === null || !interventions.some((i) => i.id === a.interventionId),
        );
        return (
          <details key={o.id} className="fold">
            <summary>
              <span className="fold__title">
                {t('structure.objective', { code: o.code, title: o.title })}
              </span>{' '}
              <span className="muted small">
                {t('structure.interventionCount', { n: interventions.length })} ·{' '}
                {t('structure.activityCount', { n: activities.length })}
              </span>
            </summary>
            {byStrategicObjective(interventions).map((g) => (
              <div key={g.code ?? '-'} className="fold__group">
                {g.code && <h3>{t('structure.strategic', { code: g.code, title: g.title ?? '' })}</h3>}
                {g.items.map((i) => (
                  <InterventionBlock
                    key={i.id}
                    plan={plan}
                    intervention={i}
                    activities={under(i)}
                    canEdit={canEdit}
                    texts={texts}
                  />
                ))}
              </div>
            ))}
            {unlinked.length > 0 && (
              <div className="fold__group">
                <h3>{t('structure.unlinked')}</h3>
                <ActivitiesTable
                  plan={plan}
                  activities={unlinked}
                  caption={`${t('structure.unlinked')} (${o.code})`}
                  canEdit={canEdit}
                  texts={texts}
                />
              </div>
            )}
          </details>
        );
      })}
    </section>
  );
}

function InterventionBlock({
  plan,
  intervention: i,
  activities,
  canEdit,
  texts,
}: {
  plan: Plan;
  intervention: PlanIntervention;
  activities: PlanActivity[];
  canEdit: boolean;
  texts: ReturnType<typeof useContentTexts>;
}) {
  const t = useT();
  return (
    <div className="intervention">
      <h4>
        {t('structure.intervention', { code: i.code })}: {i.title}
      </h4>
      {activities.length === 0 ? (
        <p className="muted small">{t('structure.noActivities')}</p>
      ) : (
        <ActivitiesTable
          plan={plan}
          activities={activities}
          caption={`${t('structure.intervention', { code: i.code })}: ${t('plan.activities')}`}
          canEdit={canEdit}
          texts={texts}
        />
      )}
    </div>
  );
}
