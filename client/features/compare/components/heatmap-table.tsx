import { Link } from 'react-router';
import { type HeatmapCountry, type HeatmapIndicator, WHO_REGION_NAMES } from '../../../../shared';
import { type HeatmapSort, type HeatmapSortKey, nextSort } from '../heatmap-sort';

const SORT_LABELS: Record<HeatmapSortKey, string> = {
  country: 'Country',
  region: 'WHO region',
  score: 'Score',
};

function SortHeader({
  sortKey,
  sort,
  onSort,
}: {
  sortKey: HeatmapSortKey;
  sort: HeatmapSort;
  onSort: (s: HeatmapSort) => void;
}) {
  const active = sort.key === sortKey;
  return (
    <th
      scope="col"
      aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
      className="heatmap__sortable"
    >
      <button type="button" className="sort-button" onClick={() => onSort(nextSort(sort, sortKey))}>
        {SORT_LABELS[sortKey]}
        <span aria-hidden="true">{active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ' ↕'}</span>
      </button>
    </th>
  );
}

function Row({ c, pinned }: { c: HeatmapCountry; pinned?: boolean }) {
  return (
    <tr className={pinned ? 'is-pinned' : undefined}>
      <th scope="row" className="heatmap__country">
        <Link to={`/countries/${c.iso3}`}>{c.name}</Link>
        {pinned && <span className="pin-tag">case study</span>}
      </th>
      <td className="nowrap">{c.whoRegion ?? '—'}</td>
      <td className="num">{c.score === null ? '—' : c.score.toFixed(2)}</td>
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
            <span className="visually-hidden">no answer</span>
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
  return (
    <div className="table-scroll">
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
        Score: mean level over the answered indicators (A = 1 … E = 5). Regions:{' '}
        {Object.entries(WHO_REGION_NAMES)
          .map(([code, name]) => `${code} ${name}`)
          .join(', ')}
        .
      </p>
    </div>
  );
}
