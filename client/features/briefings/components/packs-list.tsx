import { LOCALE_NAMES } from '../../../../shared/i18n/locale';
import { useI18n } from '../../../i18n/context';
import { type BriefingPackRef, briefingPackUrl } from '../api/make-briefing-pack';

/** The packs made for a session, newest first, each kept as sent: download, size, when, by whom. */
export function PacksList({ sessionId, packs }: { sessionId: number; packs: readonly BriefingPackRef[] }) {
  const { t, formatDate, formatNumber } = useI18n();
  if (packs.length === 0) return <p className="muted small">{t('briefing.noPacks')}</p>;
  return (
    <ul className="packs" aria-label={t('briefing.packs')}>
      {packs.map((p) => {
        const kind = p.format === 'pdf' ? 'PDF' : 'XLSX';
        const size = formatNumber(Math.max(1, Math.round(p.bytes / 1024)));
        return (
          <li key={p.id}>
            <a href={briefingPackUrl(sessionId, p.id)} download>
              {t('briefing.download', { kind, lang: LOCALE_NAMES[p.lang] })}
            </a>{' '}
            <span className="muted small">
              {t('briefing.packMeta', {
                size,
                date: formatDate(p.createdAt, { dateStyle: 'medium', timeStyle: 'short' }),
                who: p.createdBy?.name ?? t('history.system'),
              })}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
