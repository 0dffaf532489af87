import { Link, useParams } from 'react-router';
import { ErrorState } from '../components/ui/error-state';
import { LoadingState } from '../components/ui/loading-state';
import { useMeProfile } from '../features/me-profiles/api/get-me-profile';
import { ProfileHistory } from '../features/me-profiles/components/profile-history';
import { SectionCard } from '../features/me-profiles/components/section-card';
import { useMeText } from '../features/me-profiles/text';
import { useT } from '../i18n/context';
import { useCountryName } from '../i18n/countries';

/**
 * A country's M&E system profile on the eight steps of the Quadripartite's 2023 M&E guidance, plus
 * its challenges and lessons. The public reads approved content, else the published transcription;
 * focal points edit drafts, validators approve or return them, section by section.
 */
export function MeProfilePage() {
  const iso3 = (useParams().iso3 ?? '').toUpperCase();
  const profile = useMeProfile(iso3);
  const t = useT();
  const text = useMeText();
  const countryName = useCountryName();

  if (profile.isPending) return <LoadingState label={t('meView.loading')} rows={6} />;
  if (profile.isError)
    return (
      <>
        <title>{t('app.titleSuffix', { page: t('meView.unavailable') })}</title>
        <p className="breadcrumb">
          <Link to={`/countries/${iso3}`}>{iso3}</Link>
        </p>
        <ErrorState
          title={t('meView.loadError', { iso3 })}
          error={profile.error}
          onRetry={() => void profile.refetch()}
        />
      </>
    );
  const p = profile.data;
  const name = countryName(p.country);
  return (
    <>
      <title>{t('app.titleSuffix', { page: t('meView.title', { name }) })}</title>
      <p className="breadcrumb">
        <Link to="/countries">{t('country.allCountries')}</Link> ·{' '}
        <Link to={`/countries/${p.country.iso3}`}>{name}</Link>
      </p>
      <header className="page-header">
        <h1>{t('meView.title', { name })}</h1>
        <p className="lede">{t('meView.lede')}</p>
        <p className="muted small">
          {t('meView.publicNote')} <Link to="/learning">{t('meView.learningLink')}</Link>
        </p>
      </header>
      <nav aria-label={t('meView.toc')} className="me-toc">
        <ol>
          {p.sections.map((s) => (
            <li key={s.section}>
              <a href={`#me-${s.section}`}>{text.sections[s.section]}</a>
            </li>
          ))}
        </ol>
      </nav>
      {p.sections.map((view, i) => {
        const effective = p.effective[i];
        if (!effective) return null;
        return (
          <SectionCard
            key={view.section}
            profile={p}
            view={view}
            effective={effective}
            countryName={name}
            onReload={() => profile.refetch()}
          />
        );
      })}
      <ProfileHistory iso3={p.country.iso3} countryName={name} />
    </>
  );
}
