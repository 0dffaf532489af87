import type { NotComparedPair } from '../../../../shared';
import { useI18n } from '../../../i18n/context';

/**
 * The crosswalk's pairs that are not compared — redefined questions, and questions without a
 * counterpart in the later round — each with the reason the crosswalk gives. Never charted.
 */
export function NotComparedList({ pairs, later }: { pairs: readonly NotComparedPair[]; later: string }) {
  const { t } = useI18n();
  if (pairs.length === 0) return null;
  return (
    <section className="section" aria-labelledby="not-compared-heading">
      <h3 id="not-compared-heading">{t('change.notComparedTitle', { count: pairs.length })}</h3>
      <p className="muted small">{t('change.notComparedIntro')}</p>
      <ul className="not-compared">
        {pairs.map((p) => (
          <li key={`${p.from}-${p.to ?? ''}`}>
            <strong>
              {p.to
                ? t('change.notComparedPair', { from: p.from, to: p.to })
                : t('change.noCounterpart', { from: p.from, round: later })}
            </strong>
            {p.note && (
              <>
                {t('change.reasonSeparator')}
                <span lang="en">{p.note}</span>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
