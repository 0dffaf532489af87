import type { Sector } from '../../../../shared/constants/indicator';
import { useT } from '../../../i18n/context';
import { useMeText } from '../text';

export type GapNumber = 1 | 2 | 3 | 4 | 5;
export const gapKey = (n: number) => `gap.${n as GapNumber}` as const;

/** The GAP objectives and One Health sectors a challenge or a lesson touches, as small labels. */
export function ObjectiveSectorTags({
  objectives,
  sectors,
}: {
  objectives: readonly number[];
  sectors: readonly Sector[];
}) {
  const t = useT();
  const text = useMeText();
  if (objectives.length === 0 && sectors.length === 0) return null;
  return (
    <ul className="tag-list small" aria-label={t('meView.touches')}>
      {objectives.map((n) => (
        <li key={`o${n}`} className="tag" title={t(gapKey(n))}>
          {t('planEdit.gap', { n })}
        </li>
      ))}
      {sectors.map((s) => (
        <li key={s} className="tag">
          {text.options.sector[s]}
        </li>
      ))}
    </ul>
  );
}
