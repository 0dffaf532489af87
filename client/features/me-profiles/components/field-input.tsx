import { useId } from 'react';
import { ME_LIMITS, ME_OPTION_SETS, type MeFieldDef } from '../../../../shared/constants/me-profile';
import { useT } from '../../../i18n/context';
import type { FieldDraft, SourceDraft } from '../form-state';
import { useMeText } from '../text';
import { CitePicker } from './cite-picker';
import { FieldError, invalidProps } from './field-error';

/** One field of a step, its input chosen by kind, with the sources it cites. */
export function FieldInput({
  def,
  field,
  sources,
  onChange,
  error,
  citeError,
}: {
  def: MeFieldDef;
  field: FieldDraft;
  sources: readonly SourceDraft[];
  onChange: (next: FieldDraft) => void;
  error: string | undefined;
  citeError: string | undefined;
}) {
  const id = useId();
  const t = useT();
  const text = useMeText();
  const label = text.fields[def.key] ?? def.key;
  const errorId = `${id}-error`;
  const set = (value: string | string[]) => onChange({ ...field, value });
  const raw = typeof field.value === 'string' ? field.value : '';
  const options = def.options
    ? (ME_OPTION_SETS[def.options] as readonly string[]).map((o) => ({
        code: o,
        label: (text.options[def.options ?? 'audience'] as Record<string, string>)[o] ?? o,
      }))
    : [];
  const invalid = invalidProps(error, errorId);

  let input: React.ReactNode;
  if (def.kind === 'multi') {
    const picked = Array.isArray(field.value) ? field.value : [];
    input = (
      <fieldset className="field field--wide" {...invalid}>
        <legend>{label}</legend>
        {options.map((o) => (
          <label key={o.code} className="check">
            <input
              type="checkbox"
              checked={picked.includes(o.code)}
              onChange={(e) =>
                set(e.target.checked ? [...picked, o.code] : picked.filter((p) => p !== o.code))
              }
            />{' '}
            {o.label}
          </label>
        ))}
        <FieldError id={errorId} message={error} />
      </fieldset>
    );
  } else {
    let control: React.ReactNode;
    if (def.kind === 'yes_no' || def.kind === 'single') {
      const choices =
        def.kind === 'yes_no'
          ? [
              { code: 'yes', label: text.yes },
              { code: 'no', label: text.no },
            ]
          : options;
      control = (
        <select id={id} value={raw} onChange={(e) => set(e.target.value)} {...invalid}>
          <option value="">{t('meForm.notAnswered')}</option>
          {choices.map((o) => (
            <option key={o.code} value={o.code}>
              {o.label}
            </option>
          ))}
        </select>
      );
    } else if (def.kind === 'text' || def.kind === 'list') {
      control = (
        <textarea
          id={id}
          rows={def.kind === 'list' ? 4 : 3}
          value={raw}
          maxLength={def.kind === 'text' ? ME_LIMITS.text : undefined}
          onChange={(e) => set(e.target.value)}
          {...invalid}
        />
      );
    } else {
      const numeric = def.kind === 'count' || def.kind === 'amount_usd';
      control = (
        <input
          id={id}
          type="text"
          inputMode={def.kind === 'count' ? 'numeric' : numeric ? 'decimal' : undefined}
          dir={numeric ? 'ltr' : undefined}
          value={raw}
          maxLength={numeric ? 20 : ME_LIMITS.shortText}
          onChange={(e) => set(e.target.value)}
          {...invalid}
        />
      );
    }
    input = (
      <div className={def.kind === 'text' || def.kind === 'list' ? 'field field--wide' : 'field'}>
        <label htmlFor={id}>{label}</label>
        {def.kind === 'list' && <span className="muted small">{t('meForm.onePerLine')}</span>}
        {def.kind === 'amount_usd' && <span className="muted small">{t('meForm.usdHint')}</span>}
        {control}
        <FieldError id={errorId} message={error} />
      </div>
    );
  }
  return (
    <div className="me-field">
      {input}
      <CitePicker
        sources={sources}
        value={field.sources}
        onChange={(refs) => onChange({ ...field, sources: refs })}
        what={label}
        error={citeError}
        errorId={`${id}-cite-error`}
      />
    </div>
  );
}
