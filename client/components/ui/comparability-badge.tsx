import type { Comparability } from '../../../shared/constants/compare';
import { useT } from '../../i18n/context';

/**
 * How far a question's answers compare between two rounds (the crosswalk): the word carries the
 * meaning — "Caution: levels reworded" is what marks a caution pair — and the colour only supports it.
 */
export function ComparabilityBadge({ comparability }: { comparability: Comparability }) {
  const t = useT();
  return (
    <span
      className={`badge badge--comparability badge--${comparability}`}
      title={t(`crosswalk.hint.${comparability}`)}
    >
      {t(`crosswalk.${comparability}`)}
    </span>
  );
}
