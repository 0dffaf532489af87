import { type FormEvent, useRef, useState } from 'react';
import type { MeSectionView } from '../../../../shared';
import { isMeStep } from '../../../../shared/constants/me-profile';
import { useT } from '../../../i18n/context';
import { ApiError } from '../../../lib/api-client';
import { useSaveMeSection } from '../api/save-me-section';
import { fromDraft } from '../form-content';
import { type FormIssue, hasInput, serverIssues } from '../form-issues';
import { removeSource, type SectionDraft, toDraft } from '../form-state';
import { useMeText } from '../text';
import { LearningFormFields } from './learning-form';
import { SourcesEditor } from './sources-editor';
import { StepFormFields } from './step-form';

/** What the form starts from: the country's draft, else its approved content, else the published one. */
export const startingContent = (view: MeSectionView) =>
  view.draft?.content ?? view.approved?.content ?? view.published?.content ?? null;

/**
 * A section's form: checked in the browser with the shared rules (the server checks again), saved
 * as a draft with the version read. A 409 means someone saved since: their version is offered.
 */
export function SectionEditor({
  iso3,
  view,
  onDone,
  onReload,
}: {
  iso3: string;
  view: MeSectionView;
  onDone: (saved: boolean) => void;
  /** Reloads the profile after a conflict; the caller keys the form by version, so it starts again from what is saved. */
  onReload: () => Promise<unknown>;
}) {
  const t = useT();
  const text = useMeText();
  const section = view.section;
  const [draft, setDraft] = useState<SectionDraft>(() => toDraft(section, startingContent(view)));
  const [issues, setIssues] = useState<FormIssue[]>([]);
  const [conflict, setConflict] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  const save = useSaveMeSection(iso3, section);
  const title = text.sections[section];

  const show = (found: FormIssue[]) => {
    setIssues(found);
    // The summary is announced (role alert); focus goes there so keyboard users start from it.
    requestAnimationFrame(() => summary.current?.focus());
  };

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setFailure(null);
    const { content, issues: found } = fromDraft(section, draft, t);
    if (found.length > 0) return show(found);
    // The shared rules load on save: the page's first JS carries no zod
    // (docs/decisions/lazy-response-schemas.md).
    const { meSectionContentSchema } = await import('../../../../shared/domain/me-profile');
    const parsed = meSectionContentSchema(section).safeParse(content);
    if (!parsed.success)
      return show(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
    setIssues([]);
    save.mutate(
      { content, version: view.version },
      {
        onSuccess: () => onDone(true),
        onError: (err) => {
          if (err instanceof ApiError && err.statusCode === 409) return setConflict(true);
          if (err instanceof ApiError && err.issues?.length) return show(serverIssues(err.issues));
          setFailure(err.message);
        },
      },
    );
  };

  const unplaced = issues.filter((i) => !hasInput(i.path));
  return (
    <form
      className="form form--grid me-editor"
      onSubmit={submit}
      noValidate
      aria-label={t('meForm.formLabel', { section: title })}
    >
      {issues.length > 0 && (
        <div className="error-state field--wide" role="alert" tabIndex={-1} ref={summary}>
          <p className="error-state__title">{t('meForm.fix', { count: issues.length })}</p>
          {unplaced.length > 0 && (
            <ul>
              {unplaced.map((i) => (
                <li key={`${i.path}:${i.message}`}>
                  {i.path || t('meForm.wholeSection')}: {i.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {conflict && (
        <div className="notice field--wide" role="alert">
          <p>{t('meForm.conflict', { section: title })}</p>
          <button type="button" className="button button--small" onClick={() => void onReload()}>
            {t('meForm.reload')}
          </button>
        </div>
      )}
      {draft.kind === 'step' && isMeStep(section) ? (
        <StepFormFields step={section} draft={draft} onChange={setDraft} issues={issues} />
      ) : draft.kind === 'learning' ? (
        <LearningFormFields draft={draft} onChange={setDraft} issues={issues} />
      ) : null}
      <SourcesEditor
        sources={draft.sources}
        onChange={(sources) => setDraft({ ...draft, sources })}
        onRemove={(i) => setDraft(removeSource(draft, i))}
        issues={issues}
      />
      {failure && (
        <p role="alert" className="error-text field--wide">
          {failure}
        </p>
      )}
      <p className="form__actions field--wide">
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? t('meForm.saving') : t('meForm.save')}
        </button>{' '}
        <button type="button" className="button button--secondary" onClick={() => onDone(false)}>
          {t('meForm.cancel')}
        </button>
      </p>
    </form>
  );
}
