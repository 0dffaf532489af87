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
import { useT } from '../i18n/context';

/** Editing a plan: its details, objectives, activities, indicators with targets, reporting periods, history. */
export function PlanEditPage() {
  const planId = Number(useParams().planId);
  const plan = usePlan(planId);
  const me = useMe();
  const t = useT();

  if (plan.isPending) return <LoadingState label={t('plan.loading')} rows={6} />;
  if (plan.isError)
    return <ErrorState title={t('plan.loadError')} error={plan.error} onRetry={() => void plan.refetch()} />;
  const p = plan.data;
  const editable = canEditPlan(me.data, p.countryIso3);
  return (
    <>
      <title>{t('app.titleSuffix', { page: t('planEdit.title', { title: p.title }) })}</title>
      <p className="breadcrumb">
        <Link to={`/countries/${p.countryIso3}/plan`}>← {p.title}</Link>
      </p>
      <h1>{t('planEdit.h1', { title: p.title })}</h1>
      {!editable && <p className="notice">{t('planEdit.readOnly')}</p>}
      {editable && (
        <section className="section" aria-labelledby="edit-plan">
          <h2 id="edit-plan">{t('planEdit.plan')}</h2>
          <PlanForm iso3={p.countryIso3} plan={p} key={p.version} />
        </section>
      )}
      {editable && <ObjectivesEditor plan={p} />}
      {editable && <ActivitiesEditor plan={p} />}
      {editable && <IndicatorsEditor plan={p} />}
      <PeriodsEditor plan={p} canCreate={canManagePeriods(me.data, p.countryIso3)} />
      <section className="section" aria-labelledby="plan-history">
        <h2 id="plan-history">{t('period.history')}</h2>
        <p className="muted small">{t('planEdit.historyHint')}</p>
        <ElementHistory planId={p.id} label={t('planEdit.thePlan')} />
      </section>
    </>
  );
}
