import type { Plan, PlanActivity } from '../../../../shared';
import { type ContentText, ContentTextView, useContentTexts } from '../../../i18n/content';
import { useI18n } from '../../../i18n/context';
import { formatMoney } from '../format';
import { ActivityEditor } from './activity-editor';
import { IllustrativeBadge } from './illustrative-badge';

/** Which optional columns the plan fills at all: an empty column is left out. */
function columnsOf(plan: Plan) {
  const any = (f: (a: PlanActivity) => boolean) => plan.activities.some(f);
  return {
    timeline: any((a) => a.timeline !== null),
    responsible: any((a) => a.leadAgency !== null),
    sectors: any((a) => a.sectors.length > 0),
    percent: any((a) => a.percentComplete !== null),
    funding: any((a) => a.fundingStatus !== null || a.budget !== null),
  };
}

/**
 * Activities: code, title, timeline and responsible entity as the plan words them, status (and %
 * complete), sectors, funding and budget where the plan has any. On phones each row is a card.
 * `objective`: show each activity's objective (a list of the whole plan's activities).
 */
export function ActivitiesTable({
  plan,
  activities = plan.activities,
  caption,
  canEdit,
  objective = false,
  texts,
}: {
  plan: Plan;
  activities?: PlanActivity[];
  caption?: string;
  canEdit: boolean;
  objective?: boolean;
  /** The titles in the interface language, when the caller fetched them for several tables at once. */
  texts?: (id: number, field: string, original: string) => ContentText;
}) {
  const objectiveCode = new Map(plan.objectives.map((o) => [o.id, o.code]));
  const { t, locale } = useI18n();
  const own = useContentTexts('activity', texts ? [] : activities.map((a) => a.id));
  const content = texts ?? own;
  if (plan.activities.length === 0) return <p className="notice">{t('activities.none')}</p>;
  const c = columnsOf(plan);
  return (
    <div className="table-scroll">
      <table className="table table--compact table--cards">
        <caption>{caption ?? t('activities.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('objectives.col.code')}</th>
            <th scope="col">{t('activities.col.activity')}</th>
            {objective && <th scope="col">{t('objectives.col.objective')}</th>}
            {c.timeline && <th scope="col">{t('activities.col.timeline')}</th>}
            {c.responsible && <th scope="col">{t('activities.col.responsible')}</th>}
            {c.sectors && <th scope="col">{t('activities.col.sectors')}</th>}
            <th scope="col">{t('activities.col.status')}</th>
            {c.percent && (
              <th scope="col" className="num">
                {t('activities.col.complete')}
              </th>
            )}
            {c.funding && <th scope="col">{t('activities.col.funding')}</th>}
            {c.funding && (
              <th scope="col" className="num">
                {t('objectives.col.budget')}
              </th>
            )}
            {canEdit && <th scope="col">{t('activities.col.edit')}</th>}
          </tr>
        </thead>
        <tbody>
          {activities.map((a: PlanActivity) => (
            <tr key={a.id}>
              <th scope="row">{a.code}</th>
              <td className="cell--text">
                <ContentTextView value={content(a.id, 'title', a.title)} />{' '}
                {a.illustrative && <IllustrativeBadge />}
              </td>
              {objective && (
                <td data-label={t('objectives.col.objective')}>{objectiveCode.get(a.objectiveId)}</td>
              )}
              {c.timeline && <td data-label={t('activities.col.timeline')}>{a.timeline ?? '—'}</td>}
              {c.responsible && <td data-label={t('activities.col.responsible')}>{a.leadAgency ?? '—'}</td>}
              {c.sectors && (
                <td data-label={t('activities.col.sectors')}>
                  {a.sectors.map((s) => t(`sector.${s}`)).join(', ') || '—'}
                </td>
              )}
              <td data-label={t('activities.col.status')}>
                <span className={a.implementationStatus === 'not_reported' ? 'muted' : undefined}>
                  {t(`impl.${a.implementationStatus}`)}
                </span>
              </td>
              {c.percent && (
                <td className="num" data-label={t('activities.col.complete')}>
                  {a.percentComplete ?? '—'}
                </td>
              )}
              {c.funding && (
                <td data-label={t('activities.col.funding')}>
                  {a.fundingStatus ? t(`funding.${a.fundingStatus}`) : '—'}
                </td>
              )}
              {c.funding && (
                <td className="num" data-label={t('objectives.col.budget')}>
                  {formatMoney(a.budget, a.currency, locale)}
                </td>
              )}
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
