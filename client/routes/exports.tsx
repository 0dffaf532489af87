import { useQuery } from '@tanstack/react-query';
import { startTransition, useOptimistic } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorState } from '../components/ui/error-state';
import { useCountries } from '../features/countries/api/get-countries';
import { adxExportUrl, type ExportFilters, valuesExportUrl } from '../features/exports/api/export-urls';
import { useFrameworks } from '../features/exports/api/get-frameworks';
import { CountryChooser } from '../features/exports/components/country-chooser';
import { ExportMenu } from '../features/exports/components/export-menu';
import { parseYear, YearField } from '../features/exports/components/year-field';
import { countryPlansQueryOptions } from '../features/plans/api/get-country-plans';
import { useT } from '../i18n/context';

function filtersOf(params: URLSearchParams): ExportFilters {
  const countries = (params.get('countries') ?? '').split(',').filter((c) => /^[A-Z]{3}$/.test(c));
  return {
    countries,
    plan: countries.length === 1 && params.get('plan') ? Number(params.get('plan')) : undefined,
    framework: params.get('framework') ?? undefined,
    from: parseYear(params.get('from')),
    to: parseYear(params.get('to')),
    status: params.get('status') === 'all' ? 'all' : 'approved',
  };
}

function withParam(prev: URLSearchParams, key: string, value: string | undefined) {
  const next = new URLSearchParams(prev);
  if (value) next.set(key, value);
  else next.delete(key);
  if (key === 'countries') next.delete('plan');
  return next;
}

/** The filters live in the address, so an export can be shared as a link (like every view). */
function useExportFilters() {
  const [params, setParams] = useSearchParams();
  // A choice shows at once: the address changes in the router's transition, which React may run
  // later (a busy phone), and a controlled field would show the old value until then.
  const [shown, show] = useOptimistic(params, (current, [key, value]: [string, string | undefined]) =>
    withParam(current, key, value),
  );
  const set = (key: string, value: string | undefined) =>
    startTransition(() => {
      show([key, value]);
      setParams((prev) => withParam(prev, key, value), { replace: true });
    });
  return { filters: filtersOf(shown), set };
}

export function ExportsPage() {
  const { filters, set } = useExportFilters();
  const countries = useCountries();
  const frameworks = useFrameworks();
  const single = filters.countries?.length === 1 ? (filters.countries[0] as string) : '';
  const plans = useQuery({ ...countryPlansQueryOptions(single), enabled: single !== '' });
  const csv = valuesExportUrl(filters, 'csv');
  const t = useT();

  return (
    <>
      <title>{t('app.titleSuffix', { page: t('nav.exports') })}</title>
      <header className="page-header">
        <h1>{t('nav.exports')}</h1>
        <p className="lede">{t('exports.lede')}</p>
      </header>
      {countries.isError ? (
        <ErrorState
          title={t('countries.loadError')}
          error={countries.error}
          onRetry={() => void countries.refetch()}
        />
      ) : null}
      <form className="export-form" aria-label={t('exports.filters')} onSubmit={(e) => e.preventDefault()}>
        <CountryChooser
          countries={countries.data?.items ?? []}
          value={filters.countries ?? []}
          onChange={(next) => set('countries', next.join(','))}
        />
        <div className="export-form__row">
          <div>
            <label htmlFor="export-plan">{t('exports.plan')}</label>
            <select
              id="export-plan"
              value={filters.plan ?? ''}
              disabled={!single}
              aria-describedby="export-plan-help"
              onChange={(e) => set('plan', e.target.value || undefined)}
            >
              <option value="">{t('exports.allPlans')}</option>
              {single && plans.data
                ? plans.data.items.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.title} ({p.periodStart}–{p.periodEnd})
                    </option>
                  ))
                : null}
            </select>
            <p id="export-plan-help" className="hint">
              {single ? t('exports.planOnly') : t('exports.chooseOne')}
            </p>
          </div>
          <div>
            <label htmlFor="export-framework">{t('exports.framework')}</label>
            <select
              id="export-framework"
              value={filters.framework ?? ''}
              onChange={(e) => set('framework', e.target.value || undefined)}
            >
              <option value="">{t('exports.allFrameworks')}</option>
              {(frameworks.data?.items ?? []).map((f) => (
                <option key={f.code} value={f.code}>
                  {f.name}
                </option>
              ))}
            </select>
          </div>
          <YearField
            id="export-from"
            label={t('exports.from')}
            value={filters.from}
            onChange={(y) => set('from', y === undefined ? undefined : String(y))}
          />
          <YearField
            id="export-to"
            label={t('exports.to')}
            value={filters.to}
            onChange={(y) => set('to', y === undefined ? undefined : String(y))}
          />
        </div>
        <fieldset>
          <legend>{t('exports.values')}</legend>
          <label>
            <input
              type="radio"
              name="export-status"
              checked={filters.status !== 'all'}
              onChange={() => set('status', undefined)}
            />{' '}
            {t('exports.approvedOnly')}
          </label>{' '}
          <label>
            <input
              type="radio"
              name="export-status"
              checked={filters.status === 'all'}
              onChange={() => set('status', 'all')}
            />{' '}
            {t('exports.everything')}
          </label>
        </fieldset>
      </form>
      <section aria-labelledby="export-downloads" className="section">
        <h2 id="export-downloads">{t('exports.download')}</h2>
        <div className="export-downloads">
          <a className="button" href={csv} download>
            CSV
          </a>
          <a className="button" href={`${csv}&bom=true`} download>
            {t('exports.csvExcel')}
          </a>
          <a className="button" href={valuesExportUrl(filters, 'xlsx')} download>
            XLSX
          </a>
          <a className="button" href={valuesExportUrl(filters, 'json')} download>
            JSON
          </a>
          <a className="button" href={adxExportUrl(filters)} download>
            ADX (DHIS2)
          </a>
          <ExportMenu
            filters={filters}
            {...(single
              ? { countryReport: { iso3: single, ...(filters.plan ? { plan: filters.plan } : {}) } }
              : {})}
          />
        </div>
        <p className="hint">{t('exports.englishColumns')}</p>
        <p className="hint">
          {t('exports.api')} <code className="export-url">{csv}</code> {t('exports.formats')}{' '}
          <code>{'/api/exports/adx'}</code>
          {t('exports.formatsEnd')}
        </p>
      </section>
    </>
  );
}
