import { useId } from 'react';
import { ME_FIELDS, ME_LIMITS, type MeStep } from '../../../../shared/constants/me-profile';
import { useT } from '../../../i18n/context';
import { type FormIssue, issueAt } from '../form-issues';
import type { StepDraft } from '../form-state';
import { CitePicker } from './cite-picker';
import { FieldError, invalidProps } from './field-error';
import { FieldInput } from './field-input';

/** The inputs of one of the eight steps, generated from its field definitions (ME_FIELDS). */
export function StepFormFields({
  step,
  draft,
  onChange,
  issues,
}: {
  step: MeStep;
  draft: StepDraft;
  onChange: (next: StepDraft) => void;
  issues: readonly FormIssue[];
}) {
  const id = useId();
  const t = useT();
  const textError = issueAt(issues, 'text');
  return (
    <>
      {ME_FIELDS[step].map((def) => {
        const field = draft.fields[def.key] ?? { value: def.kind === 'multi' ? [] : '', sources: [] };
        return (
          <FieldInput
            key={def.key}
            def={def}
            field={field}
            sources={draft.sources}
            onChange={(next) => onChange({ ...draft, fields: { ...draft.fields, [def.key]: next } })}
            error={issueAt(issues, `fields.${def.key}.value`) ?? issueAt(issues, `fields.${def.key}`)}
            citeError={issueAt(issues, `fields.${def.key}.sources`)}
          />
        );
      })}
      <div className="me-field">
        <div className="field field--wide">
          <label htmlFor={`${id}-text`}>{t('meForm.text')}</label>
          <textarea
            id={`${id}-text`}
            rows={4}
            value={draft.text}
            maxLength={ME_LIMITS.sectionText}
            onChange={(e) => onChange({ ...draft, text: e.target.value })}
            {...invalidProps(textError, `${id}-text-error`)}
          />
          <FieldError id={`${id}-text-error`} message={textError} />
        </div>
        <CitePicker
          sources={draft.sources}
          value={draft.textSources}
          onChange={(textSources) => onChange({ ...draft, textSources })}
          what={t('meForm.text')}
          error={issueAt(issues, 'textSources')}
          errorId={`${id}-text-cite-error`}
        />
      </div>
    </>
  );
}
