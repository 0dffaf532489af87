import { CHANGE_KINDS, type ChangePair } from '../../../../shared';
import { CHANGE_LABELS } from '../../../components/charts/change-chart-data';

/** The chart's numbers as a table, with each member's two levels for whoever needs them. */
export function ChangeTable({ pairs, caption }: { pairs: readonly ChangePair[]; caption: string }) {
  return (
    <table className="table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Question (earlier → later round)</th>
          {CHANGE_KINDS.map((k) => (
            <th key={k} scope="col">
              {CHANGE_LABELS[k]}
            </th>
          ))}
          <th scope="col">Who moved</th>
        </tr>
      </thead>
      <tbody>
        {pairs.map((p) => (
          <tr key={`${p.from.id}-${p.to.id}`}>
            <th scope="row">
              {p.from.code} → {p.to.code} {p.to.name}
            </th>
            {CHANGE_KINDS.map((k) => (
              <td key={k}>{p.counts[k]}</td>
            ))}
            <td>
              {p.countries
                .filter((c) => c.change === 'improved' || c.change === 'regressed')
                .map((c) => `${c.iso3} ${c.from}→${c.to}`)
                .join(', ') || '—'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
