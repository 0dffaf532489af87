import type { QueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import type { Plan } from '../../shared';
import { ErrorState } from '../components/ui/error-state';
import { LoadingState } from '../components/ui/loading-state';
import { useMe } from '../features/auth/api/get-me';
import { countryQueryOptions, useCountry } from '../features/countries/api/get-country';
import { ExportMenu } from '../features/exports/components/export-menu';
import { countryPlansQueryOptions, useCountryPlans } from '../features/plans/api/get-country-plans';
import { BudgetYearsTable } from '../features/plans/components/budget-years-table';
import { IllustrativeBadge } from '../features/plans/components/illustrative-badge';
import { ImplementationSection } from '../features/plans/components/implementation-section';
import { MePlan } from '../features/plans/components/me-plan';
import { ObjectivesTable } from '../features/plans/components/objectives-table';
import { PlanIndicatorsTable } from '../features/plans/components/plan-indicators-table';
import { PlanStructure } from '../features/plans/components/plan-structure';
import { ProgressSection } from '../features/plans/components/progress-section';
import { formatMoney } from '../features/plans/format';
import { useI18n, useT } from '../i18n/context';
import { useCountryName } from '../i18n/countries';

/**
 * The answers the page's first render shows, for client/main.tsx (client/app/routes.tsx, PageHandle): the
 * country (the heading) and its plans. Without them the first render laid out a loading state with the
 * footer under it, at the foot of the screen, and the plan then pushed the footer away (a layout shift).
 */
export function prefetchCountryPlanPage(queryClient: QueryClient, code: string) {
  const iso3 = code.toUpperCase();
  return Promise.all([
    queryClient.prefetchQuery(countryQueryOptions(iso3)),
    queryClient.prefetchQuery(countryPlansQueryOptions(iso3)),
  ]);
}

/** A country's national action plan(s): objectives, activities, implementation and indicator progress. */
export function CountryPlanPage() {
  const iso3 = (useParams().iso3 ?? '').toUpperCase();
  const country = useCountry(iso3);
  const plans = useCountryPlans(iso3);
  const me = useMe();
  const t = useT();
  const countryName = useCountryName();
  const name = country.data ? countryName(country.data) : iso3;
  // The server decides; this only hides controls it would refuse.
  const canEdit = !!me.data?.roles.some(
    (r) => r.role === 'admin' || (r.role === 'focal_point' && r.country === iso3),
  );

  return (
    <>
      <title>{t('app.titleSuffix', { page: t('plan.title', { name }) })}</title>
      <p className="breadcrumb">
        <Link to={`/countries/${iso3}`}>← {name}</Link>
      </p>
      <h1>{t('plan.h1', { name })}</h1>
      <ExportMenu
        filters={{ countries: [iso3], plan: plans.data?.items[0]?.id }}
        countryReport={{ iso3, plan: plans.data?.items[0]?.id }}
      />
      {canEdit && (
        <p>
          <Link to={`/countries/${iso3}/plan/new`}>{t('plan.new')}</Link>
        </p>
      )}
      {plans.isPending ? (
        <LoadingState label={t('plan.loading')} rows={5} />
      ) : plans.isError ? (
        <ErrorState title={t('plan.loadError')} error={plans.error} onRetry={() => void plans.refetch()} />
      ) : plans.data.items.length === 0 ? (
        <p className="notice">{t('plan.none', { name })}</p>
      ) : (
        plans.data.items.map((plan) => <PlanView key={plan.id} plan={plan} canEdit={canEdit} />)
      )}
    </>
  );
}

function PlanView({ plan, canEdit }: { plan: Plan; canEdit: boolean }) {
  const { t, locale } = useI18n();
  // Indicators of the plan's M&E plan are shown under their planning element; the others here.
  const others = plan.indicators.filter((i) => !i.planningElement);
  const hasMePlan = others.length < plan.indicators.length;
  return (
    <article aria-labelledby={`plan-${plan.id}`} className="section">
      <h2 id={`plan-${plan.id}`}>
        {plan.title} {plan.illustrative && <IllustrativeBadge />}
      </h2>
      <p>
        <Link to={`/plans/${plan.id}/edit`}>{canEdit ? t('plan.edit') : t('plan.periodsHistory')}</Link>
      </p>
      <dl className="facts">
        <div>
          <dt>{t('plan.period')}</dt>
          <dd>
            {plan.periodStart}–{plan.periodEnd}
          </dd>
        </div>
        <div>
          <dt>{t('plan.status')}</dt>
          <dd>{t(`planStatus.${plan.status}`)}</dd>
        </div>
        <div>
          <dt>{t('plan.budget')}</dt>
          <dd>
            {plan.budget ? formatMoney(plan.budget.total, plan.budget.currency, locale) : t('plan.notCosted')}
          </dd>
        </div>
      </dl>
      {plan.sourceNote && <p className="muted small">{t('plan.source', { note: plan.sourceNote })}</p>}
      <ObjectivesTable plan={plan} />
      <BudgetYearsTable plan={plan} />
      <ImplementationSection plan={plan} />
      <ProgressSection plan={plan} />
      <PlanStructure plan={plan} canEdit={canEdit} />
      <MePlan plan={plan} />
      {(!hasMePlan || others.length > 0) && (
        <section aria-labelledby={`indicators-${plan.id}`} className="section">
          <h2 id={`indicators-${plan.id}`}>{hasMePlan ? t('me.others') : t('plan.indicators')}</h2>
          <p className="muted small">{t('plan.statusHint')}</p>
          <PlanIndicatorsTable plan={plan} indicators={others} />
        </section>
      )}
    </article>
  );
}
