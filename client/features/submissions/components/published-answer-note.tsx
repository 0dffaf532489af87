import type { EntryRow } from '../../../../shared';
import { LevelBadge } from '../../../components/ui/level-badge';
import { SourceBadge } from '../../../components/ui/source-badge';
import { useI18n } from '../../../i18n/context';
import { answerText } from './previous-values';

/**
 * The published answer to the question this row follows, for reference: the country enters its own
 * assessment beside it, and the published answer does not change. Shown as on the country page: the
 * answer, its source, then what the level means.
 */
export function PublishedAnswerNote({ row }: { row: EntryRow }) {
  const { t, formatNumber } = useI18n();
  const p = row.published;
  if (!p) return null;
  const wording = p.level && row.indicator.levels ? row.indicator.levels[p.level] : null;
  return (
    <p className="entry-published small">
      {p.level && p.status === 'reported' ? (
        <LevelBadge level={p.level} />
      ) : (
        <strong>{answerText(p, t, formatNumber)}</strong>
      )}{' '}
      <SourceBadge source="published" name={p.frameworkName} />
      {wording && <span className="entry-published__wording muted">{wording}</span>}
    </p>
  );
}
