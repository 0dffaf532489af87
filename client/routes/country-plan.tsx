import { Link, useParams } from 'react-router';
import type { Plan } from '../../shared';
import { ErrorState } from '../components/ui/error-state';
import { LoadingState } from '../components/ui/loading-state';
import { useMe } from '../features/auth/api/get-me';
import { useCountry } from '../features/countries/api/get-country';
import { useCountryPlans } from '../features/plans/api/get-country-plans';
import { ActivitiesTable } from '../features/plans/components/activities-table';
import { IllustrativeBadge } from '../features/plans/components/illustrative-badge';
import { ImplementationSection } from '../features/plans/components/implementation-section';
import { ObjectivesTable } from '../features/plans/components/objectives-table';
import { PlanIndicatorsTable } from '../features/plans/components/plan-indicators-table';
import { formatMoney, PLAN_STATUS_NAMES } from '../features/plans/format';

/** A country's national action plan(s): objectives, activities, implementation and indicator progress. */
export function CountryPlanPage() {
  const iso3 = (useParams().iso3 ?? '').toUpperCase();
  const country = useCountry(iso3);
  const plans = useCountryPlans(iso3);
  const me = useMe();
  const name = country.data?.name ?? iso3;
  // The server decides; this only hides controls it would refuse.
  const canEdit = !!me.data?.roles.some(
    (r) => r.role === 'admin' || (r.role === 'focal_point' && r.country === iso3),
  );

  return (
    <>
      <title>{`${name}: national action plan — NAP Tracker`}</title>
      <p className="breadcrumb">
        <Link to={`/countries/${iso3}`}>← {name}</Link>
      </p>
      <h1>{name}: national action plan on AMR</h1>
      {plans.isPending ? (
        <LoadingState label="Loading the plan …" rows={5} />
      ) : plans.isError ? (
        <ErrorState
          title="Could not load the plan"
          error={plans.error}
          onRetry={() => void plans.refetch()}
        />
      ) : plans.data.items.length === 0 ? (
        <p className="notice">No national action plan of {name} is recorded here (or none you may see).</p>
      ) : (
        plans.data.items.map((plan) => <PlanView key={plan.id} plan={plan} canEdit={canEdit} />)
      )}
    </>
  );
}

function PlanView({ plan, canEdit }: { plan: Plan; canEdit: boolean }) {
  return (
    <article aria-labelledby={`plan-${plan.id}`} className="section">
      <h2 id={`plan-${plan.id}`}>
        {plan.title} {plan.illustrative && <IllustrativeBadge />}
      </h2>
      <dl className="facts">
        <div>
          <dt>Period</dt>
          <dd>
            {plan.periodStart}–{plan.periodEnd}
          </dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>{PLAN_STATUS_NAMES[plan.status]}</dd>
        </div>
        <div>
          <dt>Budget</dt>
          <dd>{plan.budget ? formatMoney(plan.budget.total, plan.budget.currency) : 'Not costed'}</dd>
        </div>
      </dl>
      {plan.sourceNote && <p className="muted small">Source: {plan.sourceNote}</p>}
      <ObjectivesTable plan={plan} />
      <ImplementationSection plan={plan} />
      <section aria-labelledby={`activities-${plan.id}`} className="section">
        <h2 id={`activities-${plan.id}`}>Activities</h2>
        <ActivitiesTable plan={plan} canEdit={canEdit} />
      </section>
      <section aria-labelledby={`indicators-${plan.id}`} className="section">
        <h2 id={`indicators-${plan.id}`}>Indicators and targets</h2>
        <p className="muted small">
          Status against the straight path from baseline to target: achieved; on track (at or above the path);
          at risk (short of it by at most 10 % of the planned change); off track; no data.
        </p>
        <PlanIndicatorsTable plan={plan} />
      </section>
    </article>
  );
}
