import { Link, useNavigate, useParams } from 'react-router';
import { useMe } from '../features/auth/api/get-me';
import { PlanForm } from '../features/plans/components/plan-form';
import { canEditPlan } from '../features/plans/permissions';

/** A new national action plan of a country (a draft, the next generation unless said otherwise). */
export function PlanNewPage() {
  const iso3 = (useParams().iso3 ?? '').toUpperCase();
  const me = useMe();
  const navigate = useNavigate();
  return (
    <>
      <title>{`New plan of ${iso3} — NAP Tracker`}</title>
      <p className="breadcrumb">
        <Link to={`/countries/${iso3}/plan`}>← Plans of {iso3}</Link>
      </p>
      <h1>New national action plan of {iso3}</h1>
      {!me.isPending && !canEditPlan(me.data, iso3) ? (
        <p className="notice">Only administrators and the country’s focal points may create its plans.</p>
      ) : (
        <PlanForm iso3={iso3} onSaved={(plan) => navigate(`/plans/${plan.id}/edit`)} />
      )}
    </>
  );
}
