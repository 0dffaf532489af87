import { LevelBadge } from '../../../components/ui/level-badge';
import { ContentTextView, useContentTexts } from '../../../i18n/content';
import { useT } from '../../../i18n/context';
import type { ProfileRow } from '../profile-rows';

export function ProfileTable({ rows, label }: { rows: readonly ProfileRow[]; label: string }) {
  const t = useT();
  const content = useContentTexts(
    'indicator',
    rows.map((r) => r.id),
  );
  return (
    <div className="table-scroll">
      <table className="table table--profile" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">{t('profile.col.code')}</th>
            <th scope="col">{t('profile.col.indicator')}</th>
            <th scope="col">{t('profile.col.sector')}</th>
            <th scope="col">{t('profile.col.level')}</th>
            <th scope="col">{t('profile.col.meaning')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.code}>
              <td>
                <code>{r.code}</code>
              </td>
              <th scope="row">
                <ContentTextView value={content(r.id, 'name', r.name)} />
                {r.subItem && (
                  <span className="muted" lang="en">
                    {' '}
                    — {r.subItem}
                  </span>
                )}
              </th>
              <td>{r.sectors.map((s) => t(`sector.${s}`)).join(', ') || '—'}</td>
              <td>
                {r.level ? (
                  <LevelBadge level={r.level} />
                ) : (
                  <span className="muted">{t('profile.noAnswer')}</span>
                )}
              </td>
              <td>
                {r.wording && r.level ? (
                  <ContentTextView value={content(r.id, `level_${r.level.toLowerCase()}`, r.wording)} />
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
