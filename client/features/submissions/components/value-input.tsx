import type { EntryRow } from '../../../../shared';
import { LEVELS } from '../../../../shared/constants/level';
import { TEXT_VALUE_MAX } from '../../../../shared/constants/value';
import { parseLocaleNumber } from '../../../../shared/i18n/number';
import { useI18n } from '../../../i18n/context';
import type { Draft } from '../drafts';

interface Props {
  row: EntryRow;
  /** The code the row goes by (names the inputs). */
  code: string;
  draft: Draft;
  disabled: boolean;
  onChange: (patch: Partial<Draft>) => void;
  /** The id of the row's problem message while the value is refused (marks the inputs invalid). */
  problemId?: string | undefined;
}

/**
 * The input(s) of a value, by the indicator's measure type. Cells carry data-cell for grid navigation.
 * Numbers are typed and shown as the interface language writes them ("45,5" in French); the draft
 * keeps them as typed and drafts.ts reads them.
 */
export function ValueInput({ row, code, draft, disabled, onChange, problemId }: Props) {
  const i = row.indicator;
  const { t, formatNumber } = useI18n();
  const invalid = problemId ? { 'aria-invalid': true as const, 'aria-describedby': problemId } : {};
  const inputMode = i.measureType === 'text' ? 'text' : i.measureType === 'count' ? 'numeric' : 'decimal';
  const text = (label: string, value: string, field: 'main' | 'denominator', suffix?: string) => (
    <label className="entry-input">
      <span className="visually-hidden">{label}</span>
      <input
        data-cell
        type="text"
        inputMode={inputMode}
        maxLength={i.measureType === 'text' ? TEXT_VALUE_MAX : 100}
        aria-label={label}
        {...invalid}
        value={value}
        disabled={disabled}
        onChange={(e) => onChange({ [field]: e.target.value })}
      />
      {suffix && <span className="muted small"> {suffix}</span>}
    </label>
  );
  switch (i.measureType) {
    case 'percentage':
      return text(t('grid.valueOfPct', { code }), draft.main, 'main', '%');
    case 'number':
    case 'count':
      return text(t('grid.valueOf', { code }), draft.main, 'main', i.unit ?? undefined);
    case 'text':
      return text(t('grid.valueOf', { code }), draft.main, 'main');
    case 'ratio': {
      const n = parseLocaleNumber(draft.main, draft.locale);
      const d = parseLocaleNumber(draft.denominator, draft.locale);
      const v = n.ok && d.ok ? n.value / d.value : Number.NaN;
      return (
        <span className="entry-ratio">
          {text(
            `${t('grid.numeratorOf', { code })}${i.numeratorLabel ? ` (${i.numeratorLabel})` : ''}`,
            draft.main,
            'main',
          )}
          <span aria-hidden="true"> / </span>
          {text(
            `${t('grid.denominatorOf', { code })}${i.denominatorLabel ? ` (${i.denominatorLabel})` : ''}`,
            draft.denominator,
            'denominator',
          )}
          <output className="muted small" aria-label={t('grid.ratioOf', { code })}>
            {Number.isFinite(v) ? ` = ${formatNumber(v, { maximumFractionDigits: 3 })}` : ''}
          </output>
        </span>
      );
    }
    case 'level':
      return (
        <select
          data-cell
          aria-label={t('grid.levelOf', { code })}
          {...invalid}
          value={draft.main}
          disabled={disabled}
          onChange={(e) => onChange({ main: e.target.value })}
        >
          <option value="">—</option>
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {l}
              {i.levels ? ` — ${i.levels[l]}` : ''}
            </option>
          ))}
        </select>
      );
    case 'yes_no':
      return (
        <select
          data-cell
          aria-label={t('grid.answerOf', { code })}
          {...invalid}
          value={draft.main}
          disabled={disabled}
          onChange={(e) => onChange({ main: e.target.value })}
        >
          <option value="">—</option>
          <option value="yes">{t('grid.yes')}</option>
          <option value="no">{t('grid.no')}</option>
        </select>
      );
  }
}
