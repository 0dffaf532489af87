import { Link } from 'react-router';
import type { ClassificationBasis } from '../../../../shared/constants/compare';
import { ScrollTable } from '../../../components/ui/scroll-table';
import { useI18n } from '../../../i18n/context';
import { useCountryName } from '../../../i18n/countries';
import { useErrorText } from '../../../lib/error-text';
import { useChange } from '../api/get-change';
import { type GroupSelection, groupQuery, viewSearch } from '../group-params';

const MAX_MOVERS = 10;

/** The members that moved most between two rounds (net level steps over comparable questions). */
export function BiggestMovers({
  from,
  to,
  toLabel,
  selection,
  caseStudy,
  classification,
}: {
  from: string;
  to: string;
  toLabel: string;
  selection: GroupSelection;
  caseStudy: string | null;
  /** The classification of the dashboard's group, applied to the later round. */
  classification: ClassificationBasis;
}) {
  const change = useChange({ from, to, ...groupQuery(selection), classification });
  const { t, formatNumber } = useI18n();
  const { errorText } = useErrorText();
  const countryName = useCountryName();
  const movers = (change.data?.movers ?? []).filter((m) => m.net !== 0).slice(0, MAX_MOVERS);
  return (
    <section className="section" aria-labelledby="movers-heading">
      <h2 id="movers-heading">{t('movers.title', { round: toLabel })}</h2>
      {change.isPending ? (
        <p>{t('common.loading')}</p>
      ) : change.isError ? (
        <p role="alert">{t('movers.loadError', { message: errorText(change.error) })}</p>
      ) : movers.length === 0 ? (
        <p>{t('movers.none')}</p>
      ) : (
        <ScrollTable caption={t('movers.caption')}>
          <thead>
            <tr>
              <th scope="col">{t('countries.col.country')}</th>
              <th scope="col">{t('movers.col.net')}</th>
              <th scope="col">{t('movers.col.improved')}</th>
              <th scope="col">{t('movers.col.regressed')}</th>
            </tr>
          </thead>
          <tbody>
            {movers.map((m) => (
              <tr key={m.iso3}>
                <th scope="row">
                  <Link to={`/countries/${m.iso3}`}>{countryName(m)}</Link>
                </th>
                <td>{formatNumber(m.net, { signDisplay: 'exceptZero' })}</td>
                <td>{formatNumber(m.improved)}</td>
                <td>{formatNumber(m.regressed)}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
      <p>
        <Link
          to={{
            pathname: '/compare/change',
            search: viewSearch(selection, caseStudy, { from, to }, { classification }),
          }}
        >
          {t('movers.link')}
        </Link>
      </p>
    </section>
  );
}
