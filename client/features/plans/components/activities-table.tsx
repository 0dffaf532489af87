import { IMPLEMENTATION_STATUS_NAMES, type Plan, type PlanActivity } from '../../../../shared';
import { FUNDING_STATUS_NAMES, formatMoney, sectorList } from '../format';
import { ActivityEditor } from './activity-editor';
import { IllustrativeBadge } from './illustrative-badge';

export function ActivitiesTable({ plan, canEdit }: { plan: Plan; canEdit: boolean }) {
  const objectiveCode = new Map(plan.objectives.map((o) => [o.id, o.code]));
  if (plan.activities.length === 0) return <p className="notice">This plan lists no activity yet.</p>;
  return (
    <div className="table-scroll">
      <table className="table table--compact">
        <caption>Activities</caption>
        <thead>
          <tr>
            <th scope="col">Code</th>
            <th scope="col">Activity</th>
            <th scope="col">Objective</th>
            <th scope="col">Sectors</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">
              % complete
            </th>
            <th scope="col">Funding</th>
            <th scope="col" className="num">
              Budget
            </th>
            {canEdit && <th scope="col">Edit</th>}
          </tr>
        </thead>
        <tbody>
          {plan.activities.map((a: PlanActivity) => (
            <tr key={a.id}>
              <th scope="row">{a.code}</th>
              <td>
                {a.title} {a.illustrative && <IllustrativeBadge />}
              </td>
              <td>{objectiveCode.get(a.objectiveId)}</td>
              <td>{sectorList(a.sectors) || '—'}</td>
              <td>{IMPLEMENTATION_STATUS_NAMES[a.implementationStatus]}</td>
              <td className="num">{a.percentComplete ?? '—'}</td>
              <td>{a.fundingStatus ? FUNDING_STATUS_NAMES[a.fundingStatus] : '—'}</td>
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
