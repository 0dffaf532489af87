import { Link } from 'react-router';
import { useCountries } from '../features/countries/api/get-countries';
import { useRespondents } from '../features/values/api/get-respondents';
import { useI18n, useT } from '../i18n/context';
import { TRACSS } from '../lib/tracss';

function Count({ value, pending, error }: { value: number | undefined; pending: boolean; error: boolean }) {
  const { formatNumber } = useI18n();
  if (pending) return <span className="stat__value stat__value--pending">…</span>;
  if (error || value === undefined) return <span className="stat__value">—</span>;
  return <span className="stat__value">{formatNumber(value)}</span>;
}

export function HomePage() {
  const countries = useCountries();
  const respondents = useRespondents();
  const t = useT();

  return (
    <>
      <title>{t('home.title')}</title>
      <section className="hero">
        <h1>{t('app.name')}</h1>
        <p className="lede">{t('home.lede', { survey: TRACSS.label })}</p>
      </section>

      <section className="stats" aria-label={t('home.coverage')}>
        <div className="stat">
          <Count
            value={countries.data?.items.length}
            pending={countries.isPending}
            error={countries.isError}
          />
          <span className="stat__label">{t('home.countriesStat')}</span>
        </div>
        <div className="stat">
          <Count value={respondents.data?.size} pending={respondents.isPending} error={respondents.isError} />
          <span className="stat__label">{t('home.answeredStat', { survey: TRACSS.label })}</span>
        </div>
      </section>
      {(countries.isError || respondents.isError) && (
        <div className="error-state" role="alert">
          <p>{t('home.someFailed')}</p>
          <button
            type="button"
            className="button"
            onClick={() => {
              void countries.refetch();
              void respondents.refetch();
            }}
          >
            {t('common.tryAgain')}
          </button>
        </div>
      )}

      <section className="cards">
        <Link className="card card--feature" to="/countries/JOR">
          <span className="card__kicker">{t('home.caseStudyKicker')}</span>
          <span className="card__title">{t('home.caseStudyTitle')}</span>
          <span className="card__body">{t('home.caseStudyBody', { survey: TRACSS.label })}</span>
        </Link>
        <Link className="card" to="/countries">
          <span className="card__kicker">{t('home.browseKicker')}</span>
          <span className="card__title">{t('home.browseTitle')}</span>
          <span className="card__body">{t('home.browseBody')}</span>
        </Link>
      </section>
    </>
  );
}
