import { Link, useParams } from 'react-router';
import { ErrorState } from '../components/ui/error-state';
import { LoadingState } from '../components/ui/loading-state';
import { useMe } from '../features/auth/api/get-me';
import { usePlan } from '../features/plans/api/get-plan';
import { ElementHistory } from '../features/plans/components/element-history';
import {
  ActivitiesEditor,
  IndicatorsEditor,
  ObjectivesEditor,
} from '../features/plans/components/elements-editor';
import { PeriodsEditor } from '../features/plans/components/periods-editor';
import { PlanForm } from '../features/plans/components/plan-form';
import { canEditPlan, canManagePeriods } from '../features/plans/permissions';

/** Editing a plan: its details, objectives, activities, indicators with targets, reporting periods, history. */
export function PlanEditPage() {
  const planId = Number(useParams().planId);
  const plan = usePlan(planId);
  const me = useMe();

  if (plan.isPending) return <LoadingState label="Loading the plan …" rows={6} />;
  if (plan.isError)
    return (
      <ErrorState title="Could not load the plan" error={plan.error} onRetry={() => void plan.refetch()} />
    );
  const p = plan.data;
  const editable = canEditPlan(me.data, p.countryIso3);
  return (
    <>
      <title>{`Edit ${p.title} — NAP Tracker`}</title>
      <p className="breadcrumb">
        <Link to={`/countries/${p.countryIso3}/plan`}>← {p.title}</Link>
      </p>
      <h1>Edit: {p.title}</h1>
      {!editable && (
        <p className="notice">
          Only administrators and the country’s focal points may change this plan; you may read its history
          and its reporting periods.
        </p>
      )}
      {editable && (
        <section className="section" aria-labelledby="edit-plan">
          <h2 id="edit-plan">Plan</h2>
          <PlanForm iso3={p.countryIso3} plan={p} key={p.version} />
        </section>
      )}
      {editable && <ObjectivesEditor plan={p} />}
      {editable && <ActivitiesEditor plan={p} />}
      {editable && <IndicatorsEditor plan={p} />}
      <PeriodsEditor plan={p} canCreate={canManagePeriods(me.data, p.countryIso3)} />
      <section className="section" aria-labelledby="plan-history">
        <h2 id="plan-history">History</h2>
        <p className="muted small">Every change of the plan and its elements: who, when, old → new.</p>
        <ElementHistory planId={p.id} label="the plan" />
      </section>
    </>
  );
}
