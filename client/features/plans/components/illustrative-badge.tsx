import { useT } from '../../../i18n/context';

/** Marks demo data that fills a gap in what was published (see the plan's source note). */
export function IllustrativeBadge() {
  const t = useT();
  return (
    <span className="badge badge--illustrative" title={t('badge.illustrativeHint')}>
      {t('common.illustrative')}
    </span>
  );
}
