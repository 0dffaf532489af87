import { useId } from 'react';
import { ME_CHALLENGES, ME_LIMITS } from '../../../../shared/constants/me-profile';
import { useT } from '../../../i18n/context';
import { type FormIssue, issueAt } from '../form-issues';
import { type LearningDraft, newLessonKey } from '../form-state';
import { useMeText } from '../text';
import { CitePicker } from './cite-picker';
import { FieldError, invalidProps } from './field-error';
import { LessonRow } from './lesson-row';
import { ObjectiveSectorInputs } from './objective-sector-inputs';

/** The challenges (ticked from the shared vocabulary) and the lessons (rows) of the learning section. */
export function LearningFormFields({
  draft,
  onChange,
  issues,
}: {
  draft: LearningDraft;
  onChange: (next: LearningDraft) => void;
  issues: readonly FormIssue[];
}) {
  const id = useId();
  const t = useT();
  const text = useMeText();
  // Content lists the ticked challenges in the vocabulary's order: so do issue paths.
  const ticked = ME_CHALLENGES.filter((c) => draft.challenges.some((e) => e.code === c));
  return (
    <>
      <fieldset className="field--wide me-challenges">
        <legend>{t('meView.challenges')}</legend>
        <p className="muted small">{t('meForm.challengesHint')}</p>
        {ME_CHALLENGES.map((code) => {
          const entry = draft.challenges.find((e) => e.code === code);
          const label = text.challenges[code];
          const at = (k: string) => issueAt(issues, `challenges.${ticked.indexOf(code)}.${k}`);
          const set = (patch: Partial<NonNullable<typeof entry>>) =>
            onChange({
              ...draft,
              challenges: draft.challenges.map((e) => (e.code === code ? { ...e, ...patch } : e)),
            });
          return (
            <div key={code} className="me-challenge">
              <label className="check">
                <input
                  type="checkbox"
                  checked={!!entry}
                  onChange={(e) =>
                    onChange({
                      ...draft,
                      challenges: e.target.checked
                        ? [...draft.challenges, { code, note: '', objectives: [], sectors: [], sources: [] }]
                        : draft.challenges.filter((c) => c.code !== code),
                    })
                  }
                />{' '}
                {label}
              </label>
              {entry && (
                <div className="me-challenge__details">
                  <div className="field field--wide">
                    <label htmlFor={`${id}-${code}-note`}>
                      {t('meForm.challengeNote', { challenge: label })}
                    </label>
                    <textarea
                      id={`${id}-${code}-note`}
                      rows={2}
                      value={entry.note}
                      maxLength={ME_LIMITS.text}
                      onChange={(e) => set({ note: e.target.value })}
                      {...invalidProps(at('note'), `${id}-${code}-note-error`)}
                    />
                    <FieldError id={`${id}-${code}-note-error`} message={at('note') ?? at('code')} />
                  </div>
                  <ObjectiveSectorInputs
                    objectives={entry.objectives}
                    sectors={entry.sectors}
                    onChange={set}
                    what={label}
                  />
                  <CitePicker
                    sources={draft.sources}
                    value={entry.sources}
                    onChange={(sources) => set({ sources })}
                    what={label}
                    error={at('sources')}
                    errorId={`${id}-${code}-cite-error`}
                  />
                </div>
              )}
            </div>
          );
        })}
      </fieldset>
      <fieldset className="field--wide me-lessons">
        <legend>{t('meView.lessons')}</legend>
        {draft.lessons.map((lesson, i) => (
          <LessonRow
            key={lesson.key}
            n={i + 1}
            lesson={lesson}
            sources={draft.sources}
            issues={issues.filter((x) => x.path.startsWith(`lessons.${i}.`))}
            path={`lessons.${i}`}
            onChange={(next) =>
              onChange({ ...draft, lessons: draft.lessons.map((l) => (l.key === lesson.key ? next : l)) })
            }
            onRemove={() =>
              onChange({ ...draft, lessons: draft.lessons.filter((l) => l.key !== lesson.key) })
            }
          />
        ))}
        {draft.lessons.length < ME_LIMITS.lessons && (
          <button
            type="button"
            className="button button--small button--secondary"
            onClick={() =>
              onChange({
                ...draft,
                lessons: [
                  ...draft.lessons,
                  {
                    key: newLessonKey(),
                    challenge: '',
                    title: '',
                    text: '',
                    objectives: [],
                    sectors: [],
                    sources: [],
                  },
                ],
              })
            }
          >
            {t('meForm.addLesson')}
          </button>
        )}
      </fieldset>
    </>
  );
}
