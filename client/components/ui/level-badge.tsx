import type { Level } from '../../../shared';

/** A TrACSS level letter; colour supports the letter, never replaces it. */
export function LevelBadge({ level }: { level: Level }) {
  return (
    <span className={`level-badge level-badge--${level}`} title={`Level ${level}`}>
      {level}
    </span>
  );
}
