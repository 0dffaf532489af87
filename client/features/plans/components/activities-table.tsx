import type { Plan, PlanActivity } from '../../../../shared';
import { ContentTextView, useContentTexts } from '../../../i18n/content';
import { useT } from '../../../i18n/context';
import { formatMoney } from '../format';
import { ActivityEditor } from './activity-editor';
import { IllustrativeBadge } from './illustrative-badge';

export function ActivitiesTable({ plan, canEdit }: { plan: Plan; canEdit: boolean }) {
  const objectiveCode = new Map(plan.objectives.map((o) => [o.id, o.code]));
  const t = useT();
  const content = useContentTexts(
    'activity',
    plan.activities.map((a) => a.id),
  );
  if (plan.activities.length === 0) return <p className="notice">{t('activities.none')}</p>;
  return (
    <div className="table-scroll">
      <table className="table table--compact">
        <caption>{t('activities.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('objectives.col.code')}</th>
            <th scope="col">{t('activities.col.activity')}</th>
            <th scope="col">{t('objectives.col.objective')}</th>
            <th scope="col">{t('activities.col.sectors')}</th>
            <th scope="col">{t('activities.col.status')}</th>
            <th scope="col" className="num">
              {t('activities.col.complete')}
            </th>
            <th scope="col">{t('activities.col.funding')}</th>
            <th scope="col" className="num">
              {t('objectives.col.budget')}
            </th>
            {canEdit && <th scope="col">{t('activities.col.edit')}</th>}
          </tr>
        </thead>
        <tbody>
          {plan.activities.map((a: PlanActivity) => (
            <tr key={a.id}>
              <th scope="row">{a.code}</th>
              <td>
                <ContentTextView value={content(a.id, 'title', a.title)} />{' '}
                {a.illustrative && <IllustrativeBadge />}
              </td>
              <td>{objectiveCode.get(a.objectiveId)}</td>
              <td>{a.sectors.map((s) => t(`sector.${s}`)).join(', ') || '—'}</td>
              <td>{t(`impl.${a.implementationStatus}`)}</td>
              <td className="num">{a.percentComplete ?? '—'}</td>
              <td>{a.fundingStatus ? t(`funding.${a.fundingStatus}`) : '—'}</td>
              <td className="num">{formatMoney(a.budget, a.currency)}</td>
              {canEdit && (
                <td>
                  <ActivityEditor plan={plan} activity={a} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
