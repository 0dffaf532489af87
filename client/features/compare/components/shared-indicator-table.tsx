import type { SharedIndicatorResult } from '../../../../shared';
import { numberFormat } from '../../../../shared/i18n/intl-formats';
import { SourceBadge } from '../../../components/ui/source-badge';
import { useI18n } from '../../../i18n/context';
import { useCountryName } from '../../../i18n/countries';

type Amount = { value: number | null; level: string | null } | null;

/** A level letter, or the number with its unit; "—" when there is none. */
export function formatIndicatorAmount(a: Amount, unit: string | null, locale = 'en'): string {
  if (!a) return '—';
  if (a.level) return a.level;
  if (a.value === null) return '—';
  const n = numberFormat(locale, { maximumFractionDigits: 2 }).format(a.value);
  return unit === '%' ? `${n} %` : unit ? `${n} ${unit}` : n;
}

/** The chart's numbers as a table: one row per country whose plan tracks the indicator. */
export function SharedIndicatorTable({ data, caption }: { data: SharedIndicatorResult; caption: string }) {
  const unit = data.indicator.unit;
  const { t, locale, formatPercent } = useI18n();
  const countryName = useCountryName();
  const amount = (a: Amount) => formatIndicatorAmount(a, unit, locale);
  return (
    <table className="table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('shared.col.country')}</th>
          <th scope="col">{t('shared.col.latest')}</th>
          <th scope="col">{t('shared.col.baseline')}</th>
          <th scope="col">{t('shared.col.target')}</th>
          <th scope="col">{t('shared.col.percent')}</th>
          <th scope="col">{t('shared.col.status')}</th>
        </tr>
      </thead>
      <tbody>
        {data.rows.map((r) => {
          const { latest, target, percentOfTarget, status } = r.progress;
          return (
            <tr key={r.iso3}>
              <th scope="row">
                {countryName(r)}{' '}
                <span className="muted small">
                  ({r.plan.title}
                  {r.plan.title.includes(String(r.plan.periodStart))
                    ? ''
                    : `, ${r.plan.periodStart}–${r.plan.periodEnd}`}
                  {r.plan.status === 'draft' ? t('shared.draftSuffix') : ''})
                </span>
              </th>
              <td>
                {latest ? (
                  <>
                    {`${amount(latest)} (${latest.periodCode})`}{' '}
                    <SourceBadge source={latest.source} name={latest.sourceName} />
                  </>
                ) : (
                  '—'
                )}
              </td>
              <td>{r.baseline ? `${amount(r.baseline)} (${r.baseline.year})` : '—'}</td>
              <td>
                {target
                  ? t('shared.targetBy', {
                      amount: amount(target),
                      year: String(target.year),
                      direction: t(`direction.${r.direction}`),
                    })
                  : '—'}{' '}
                {r.illustrative && (
                  <span className="badge badge--illustrative" title={t('common.illustrativeHint')}>
                    {t('common.illustrative')}
                  </span>
                )}
              </td>
              <td>{percentOfTarget === null ? '—' : formatPercent(percentOfTarget, 1)}</td>
              <td>
                <span className={`badge badge--${status}`}>{t(`progress.${status}`)}</span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
