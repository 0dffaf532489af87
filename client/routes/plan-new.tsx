import { Link, useNavigate, useParams } from 'react-router';
import { useMe } from '../features/auth/api/get-me';
import { PlanForm } from '../features/plans/components/plan-form';
import { canEditPlan } from '../features/plans/permissions';
import { useT } from '../i18n/context';

/** A new national action plan of a country (a draft, the next generation unless said otherwise). */
export function PlanNewPage() {
  const iso3 = (useParams().iso3 ?? '').toUpperCase();
  const me = useMe();
  const navigate = useNavigate();
  const t = useT();
  return (
    <>
      <title>{t('app.titleSuffix', { page: t('planNew.title', { iso3 }) })}</title>
      <p className="breadcrumb">
        <Link to={`/countries/${iso3}/plan`}>← {t('planNew.back', { iso3 })}</Link>
      </p>
      <h1>{t('planNew.h1', { iso3 })}</h1>
      {!me.isPending && !canEditPlan(me.data, iso3) ? (
        <p className="notice">{t('planNew.readOnly')}</p>
      ) : (
        <PlanForm iso3={iso3} onSaved={(plan) => navigate(`/plans/${plan.id}/edit`)} />
      )}
    </>
  );
}
