import { Link } from 'react-router';
import type { HeatmapCountry, HeatmapIndicator } from '../../../../shared';
import { WHO_REGIONS } from '../../../../shared/constants/country';
import { useI18n, useT } from '../../../i18n/context';
import { useCountryName } from '../../../i18n/countries';
import { type HeatmapSort, type HeatmapSortKey, nextSort } from '../heatmap-sort';

function SortHeader({
  sortKey,
  sort,
  onSort,
}: {
  sortKey: HeatmapSortKey;
  sort: HeatmapSort;
  onSort: (s: HeatmapSort) => void;
}) {
  const t = useT();
  const active = sort.key === sortKey;
  return (
    <th
      scope="col"
      aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
      className="heatmap__sortable"
    >
      <button type="button" className="sort-button" onClick={() => onSort(nextSort(sort, sortKey))}>
        {t(`cmp.sort.${sortKey}`)}
        <span aria-hidden="true">{active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ' ↕'}</span>
      </button>
    </th>
  );
}

function Row({ c, pinned }: { c: HeatmapCountry; pinned?: boolean }) {
  const { t, formatNumber } = useI18n();
  const countryName = useCountryName();
  return (
    <tr className={pinned ? 'is-pinned' : undefined}>
      <th scope="row" className="heatmap__country">
        <Link to={`/countries/${c.iso3}`}>{countryName(c)}</Link>
        {pinned && <span className="pin-tag">{t('cmp.caseStudyTag')}</span>}
      </th>
      <td className="nowrap">{c.whoRegion ?? '—'}</td>
      <td className="num">
        {c.score === null
          ? '—'
          : formatNumber(c.score, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}
      </td>
      {c.levels.map((l, i) =>
        l ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: one cell per indicator column, fixed order
          <td key={i} className={`heat heat--${l}`}>
            {l}
          </td>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: one cell per indicator column, fixed order
          <td key={i} className="heat heat--none">
            <span aria-hidden="true">·</span>
            <span className="visually-hidden">{t('cmp.noAnswerLower')}</span>
          </td>
        ),
      )}
    </tr>
  );
}

/** The heatmap itself: an HTML table (so it is its own accessible alternative), letter and colour. */
export function HeatmapTable({
  indicators,
  rows,
  pinned,
  sort,
  onSort,
  caption,
}: {
  indicators: readonly HeatmapIndicator[];
  rows: readonly HeatmapCountry[];
  pinned?: HeatmapCountry | undefined;
  sort: HeatmapSort;
  onSort: (s: HeatmapSort) => void;
  caption: string;
}) {
  const t = useT();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable (WCAG 2.1.1)
    <section className="table-scroll" tabIndex={0} aria-label={caption}>
      <table className="table heatmap">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <SortHeader sortKey="country" sort={sort} onSort={onSort} />
            <SortHeader sortKey="region" sort={sort} onSort={onSort} />
            <SortHeader sortKey="score" sort={sort} onSort={onSort} />
            {indicators.map((ind) => (
              <th scope="col" key={ind.id} className="heatmap__indicator">
                <abbr title={ind.name}>{ind.code}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {pinned && <Row c={pinned} pinned />}
          {rows.map((c) => (
            <Row key={c.iso3} c={c} />
          ))}
        </tbody>
      </table>
      <p className="muted small heatmap__key">
        {t('cmp.heatmapKey', {
          regions: WHO_REGIONS.map((code) => `${code} ${t(`whoRegion.${code}`)}`).join(', '),
        })}
      </p>
    </section>
  );
}
