import { SECTOR_NAMES } from '../../../../shared';
import { LevelBadge } from '../../../components/ui/level-badge';
import type { ProfileRow } from '../profile-rows';

export function ProfileTable({ rows, label }: { rows: readonly ProfileRow[]; label: string }) {
  return (
    <div className="table-scroll">
      <table className="table table--profile" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Code</th>
            <th scope="col">Indicator</th>
            <th scope="col">Sector</th>
            <th scope="col">Level</th>
            <th scope="col">What the level means</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.code}>
              <td>
                <code>{r.code}</code>
              </td>
              <th scope="row">
                {r.name}
                {r.subItem && <span className="muted"> — {r.subItem}</span>}
              </th>
              <td>{r.sectors.map((s) => SECTOR_NAMES[s]).join(', ') || '—'}</td>
              <td>{r.level ? <LevelBadge level={r.level} /> : <span className="muted">No answer</span>}</td>
              <td>{r.wording ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
