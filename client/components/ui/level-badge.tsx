import type { Level } from '../../../shared';
import { useT } from '../../i18n/context';

/** A TrACSS level letter; colour supports the letter, never replaces it. */
export function LevelBadge({ level }: { level: Level }) {
  const t = useT();
  return (
    <span className={`level-badge level-badge--${level}`} title={t('common.level', { level })}>
      {level}
    </span>
  );
}
