import { useId } from 'react';
import { isOneOf } from '../../../../shared/constants/guard';
import { ME_CHALLENGES, ME_LIMITS, type MeChallenge } from '../../../../shared/constants/me-profile';
import { useT } from '../../../i18n/context';
import { type FormIssue, issueAt } from '../form-issues';
import type { LessonDraft, SourceDraft } from '../form-state';
import { useMeText } from '../text';
import { CitePicker } from './cite-picker';
import { FieldError, invalidProps } from './field-error';
import { ObjectiveSectorInputs } from './objective-sector-inputs';

/** One lesson: title, the challenge it answers, what worked, objectives, sectors and sources. */
export function LessonRow({
  n,
  lesson,
  sources,
  issues,
  path,
  onChange,
  onRemove,
}: {
  n: number;
  lesson: LessonDraft;
  sources: readonly SourceDraft[];
  issues: readonly FormIssue[];
  path: string;
  onChange: (next: LessonDraft) => void;
  onRemove: () => void;
}) {
  const id = useId();
  const t = useT();
  const text = useMeText();
  const at = (k: string) => issueAt(issues, `${path}.${k}`);
  const name = t('meForm.lessonN', { n: String(n) });
  return (
    <fieldset className="form--grid lesson-row">
      <legend>{name}</legend>
      <div className="field field--wide">
        <label htmlFor={`${id}-title`}>{t('meForm.lessonTitle')}</label>
        <input
          id={`${id}-title`}
          value={lesson.title}
          maxLength={ME_LIMITS.lessonTitle}
          onChange={(e) => onChange({ ...lesson, title: e.target.value })}
          {...invalidProps(at('title'), `${id}-title-error`)}
        />
        <FieldError id={`${id}-title-error`} message={at('title')} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-challenge`}>{t('meForm.lessonChallenge')}</label>
        <select
          id={`${id}-challenge`}
          value={lesson.challenge}
          onChange={(e) => {
            const v = e.target.value;
            onChange({ ...lesson, challenge: isOneOf(ME_CHALLENGES, v) ? (v as MeChallenge) : '' });
          }}
          {...invalidProps(at('challenge'), `${id}-challenge-error`)}
        >
          <option value="">{t('meForm.noChallenge')}</option>
          {ME_CHALLENGES.map((c) => (
            <option key={c} value={c}>
              {text.challenges[c]}
            </option>
          ))}
        </select>
        <FieldError id={`${id}-challenge-error`} message={at('challenge')} />
      </div>
      <div className="field field--wide">
        <label htmlFor={`${id}-text`}>{t('meForm.lessonText')}</label>
        <textarea
          id={`${id}-text`}
          rows={3}
          value={lesson.text}
          maxLength={ME_LIMITS.text}
          onChange={(e) => onChange({ ...lesson, text: e.target.value })}
          {...invalidProps(at('text'), `${id}-text-error`)}
        />
        <FieldError id={`${id}-text-error`} message={at('text')} />
      </div>
      <ObjectiveSectorInputs
        objectives={lesson.objectives}
        sectors={lesson.sectors}
        onChange={(next) => onChange({ ...lesson, ...next })}
        what={name}
      />
      <CitePicker
        sources={sources}
        value={lesson.sources}
        onChange={(refs) => onChange({ ...lesson, sources: refs })}
        what={name}
        error={at('sources')}
        errorId={`${id}-cite-error`}
      />
      <p className="form__actions">
        <button type="button" className="button button--small button--secondary" onClick={onRemove}>
          {t('meForm.removeLesson', { n: String(n) })}
        </button>
      </p>
    </fieldset>
  );
}
