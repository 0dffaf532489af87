import { useT } from '../../../i18n/context';
import type { SourceDraft } from '../form-state';

/** Which of the section's sources an answer cites, by number; shown once the section lists a source. */
export function CitePicker({
  sources,
  value,
  onChange,
  what,
  error,
  errorId,
}: {
  sources: readonly SourceDraft[];
  value: readonly number[];
  onChange: (next: number[]) => void;
  /** What cites them, for the legend ("Sources for Number of M&E indicators"). */
  what: string;
  error?: string | undefined;
  errorId?: string;
}) {
  const t = useT();
  if (sources.length === 0) return null;
  return (
    <fieldset
      className="cite-picker small"
      aria-describedby={error ? errorId : undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend>{t('meForm.cites', { what })}</legend>
      {sources.map((s, i) => {
        const n = i + 1;
        return (
          <label key={n} className="check">
            <input
              type="checkbox"
              checked={value.includes(n)}
              onChange={(e) => onChange(e.target.checked ? [...value, n] : value.filter((r) => r !== n))}
            />{' '}
            [{n}] {s.title.trim() || t('meForm.untitledSource')}
          </label>
        );
      })}
      {error && (
        <p id={errorId} className="error-text small">
          {error}
        </p>
      )}
    </fieldset>
  );
}
