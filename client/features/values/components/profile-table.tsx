import { LevelBadge } from '../../../components/ui/level-badge';
import { SourceBadge } from '../../../components/ui/source-badge';
import type { ContentText } from '../../../i18n/content';
import { ContentTextView, useContentTexts } from '../../../i18n/content';
import { useT } from '../../../i18n/context';
import type { ProfileRow } from '../profile-rows';

/**
 * The country's answers to a published round, question by question, each with what its level means;
 * with `national`, its latest own report on each question in the next column, so the two answers sit
 * side by side, each labelled with its source. On a narrow screen each question becomes a card whose
 * cells carry their column's name (data-label), so the answers need no sideways scrolling.
 */
export function ProfileTable({
  rows,
  label,
  survey,
  national = false,
}: {
  rows: readonly ProfileRow[];
  label: string;
  /** The published dataset, e.g. TrACSS 2019–2020: heads the published answers' column. */
  survey: string;
  national?: boolean;
}) {
  const t = useT();
  const content = useContentTexts(
    'indicator',
    rows.map((r) => r.id),
  );
  const publishedHeader = t('profile.col.published', { survey });
  const wording = (r: ProfileRow, level: string | null | undefined, text: string | null) =>
    level && text ? content(r.id, `level_${level.toLowerCase()}`, text) : null;
  return (
    <div className="table-scroll">
      <table className="table table--profile" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">{t('profile.col.code')}</th>
            <th scope="col">{t('profile.col.indicator')}</th>
            <th scope="col">{publishedHeader}</th>
            {national && <th scope="col">{t('profile.col.national')}</th>}
            <th scope="col">{t('profile.col.sector')}</th>
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
              <td className="profile-answer" data-label={publishedHeader}>
                <PublishedAnswer row={r} />
                {/* Beside a national report, the published answer is labelled in the row itself too. */}
                {r.national && (
                  <>
                    {' '}
                    <SourceBadge source="published" name={survey} />
                  </>
                )}
                <Wording value={wording(r, r.level, r.wording)} />
              </td>
              {national && (
                <td className="profile-answer" data-label={t('profile.col.national')}>
                  <NationalCell report={r.national} />
                  <Wording value={wording(r, r.national?.level, r.nationalWording)} />
                </td>
              )}
              <td data-label={t('profile.col.sector')}>
                {r.sectors.map((s) => t(`sector.${s}`)).join(', ') || '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The published answer: its level, the option chosen, or the options chosen as a list
 * (docs/decisions/choice-questions.md); "not applicable" as such; else "no answer".
 */
function PublishedAnswer({ row }: { row: ProfileRow }) {
  const t = useT();
  if (row.status === 'not_applicable')
    return <span className="muted">{t('valueStatus.not_applicable')}</span>;
  if (row.level) return <LevelBadge level={row.level} />;
  if (row.kind === 'multiple_choice' && row.choices)
    return row.choices.length === 0 ? (
      <span>{t('profile.noneChosen')}</span>
    ) : (
      <ul className="profile-choices" lang="en">
        {row.choices.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
    );
  if (row.kind === 'single_choice' && row.choices?.[0]) return <span lang="en">{row.choices[0]}</span>;
  return <span className="muted">{t('profile.noAnswer')}</span>;
}

function Wording({ value }: { value: ContentText | null }) {
  if (!value) return null;
  return (
    <span className="profile-wording">
      <ContentTextView value={value} />
    </span>
  );
}

function NationalCell({ report }: { report: ProfileRow['national'] }) {
  const t = useT();
  if (!report) return <span className="muted">{t('profile.noReport')}</span>;
  const answer =
    report.status !== 'reported' ? (
      t(`valueStatus.${report.status}`)
    ) : report.level ? (
      <LevelBadge level={report.level} />
    ) : (
      (report.textValue ?? '—')
    );
  return (
    <>
      {answer} <span>{t('profile.reportPeriod', { period: report.periodCode })}</span>{' '}
      <SourceBadge source={report.source} />
    </>
  );
}
