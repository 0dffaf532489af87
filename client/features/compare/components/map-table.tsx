import { Link } from 'react-router';
import type { MapRow } from '../../../components/charts/map-data';
import { LevelBadge } from '../../../components/ui/level-badge';
import { useT } from '../../../i18n/context';
import { useCountryName } from '../../../i18n/countries';

/** The map as a table: every member and its level on the indicator. */
export function MapTable({
  rows,
  caption,
  caseStudy,
}: {
  rows: readonly MapRow[];
  caption: string;
  caseStudy: string | null;
}) {
  const t = useT();
  const countryName = useCountryName();
  return (
    <div className="table-scroll">
      <table className="table table--compact">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('countries.col.country')}</th>
            <th scope="col">{t('profile.col.level')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.iso3} className={r.iso3 === caseStudy ? 'is-pinned' : undefined}>
              <th scope="row">
                <Link to={`/countries/${r.iso3}`}>{countryName(r)}</Link>
                {r.iso3 === caseStudy && <span className="pin-tag">{t('cmp.caseStudyTag')}</span>}
              </th>
              <td>{r.level ? <LevelBadge level={r.level} /> : t('cmp.noAnswer')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
