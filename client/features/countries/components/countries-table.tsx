import { Link } from 'react-router';
import type { Country } from '../../../../shared';
import { useI18n } from '../../../i18n/context';
import { useCountryName } from '../../../i18n/countries';

export function CountriesTable({
  countries,
  respondents,
  answerLabel,
}: {
  countries: readonly Country[];
  /** ISO3 codes of countries that answered the survey; the column is hidden while unknown. */
  respondents?: ReadonlySet<string>;
  answerLabel: string;
}) {
  const { t, locale } = useI18n();
  const countryName = useCountryName();
  // Alphabetical in the interface language (the API sorts by the English name).
  const collator = new Intl.Collator(locale);
  const sorted =
    locale === 'en'
      ? countries
      : [...countries].sort((a, b) => collator.compare(countryName(a), countryName(b)));
  if (countries.length === 0) {
    return <p className="notice">{t('countries.none')}</p>;
  }
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">{t('countries.caption', { count: countries.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('countries.col.country')}</th>
            <th scope="col">{t('countries.col.iso3')}</th>
            <th scope="col">{t('countries.col.whoRegion')}</th>
            <th scope="col">{t('countries.col.income')}</th>
            {respondents && <th scope="col">{answerLabel}</th>}
          </tr>
        </thead>
        <tbody>
          {sorted.map((c) => (
            <tr key={c.iso3}>
              <th scope="row">
                <Link to={`/countries/${c.iso3}`}>{countryName(c)}</Link>
              </th>
              <td>
                <code>{c.iso3}</code>
              </td>
              <td>{c.whoRegion ? t(`whoRegion.${c.whoRegion}`) : '—'}</td>
              <td>{c.incomeGroup ? t(`income.${c.incomeGroup}`) : '—'}</td>
              {respondents && <td>{respondents.has(c.iso3) ? t('countries.answered') : '—'}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
