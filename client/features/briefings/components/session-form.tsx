import { type FormEvent, useId, useState } from 'react';
import type { BriefingSessionInput } from '../../../../shared';
import { BRIEFING_LIMITS, BRIEFING_TOPICS } from '../../../../shared/constants/me-profile';
import { isLocale, LOCALE_NAMES, LOCALES } from '../../../../shared/i18n/locale';
import { meTopicLabel } from '../../../../shared/i18n/me-profile';
import { useT } from '../../../i18n/context';
import { ApiError } from '../../../lib/api-client';
import { CaseStudyPicker, GroupPicker } from '../../compare';
import { useMeText } from '../../me-profiles';
import { type SessionFormValues, sessionInput } from '../session-input';

type Problems = Partial<Record<'title' | 'date' | 'group' | 'topics' | 'agenda' | 'form', string>>;

/** Reads the body's issues into the form's fields; what names no field goes on top. */
function problemsOf(issues: readonly { path: string; message: string }[]): Problems {
  const out: Problems = {};
  for (const i of issues) {
    const head = i.path.split('.')[0] ?? '';
    const key =
      (['title', 'date', 'topics', 'agenda'] as const).find((k) => k === head) ??
      (head.startsWith('group') ? 'group' : 'form');
    out[key] ??= key === 'form' ? `${i.path}: ${i.message}` : i.message;
  }
  return out;
}

/**
 * A briefing session's record: title, date, the group and case study, what the pack holds, the
 * agenda and the pack's language. Checked with the shared schema before it is sent.
 */
export function SessionForm({
  initial,
  label,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial: SessionFormValues;
  label: string;
  submitLabel: string;
  /** Sends the body; rejects with the server's error. */
  onSubmit: (input: BriefingSessionInput) => Promise<unknown>;
  onCancel?: () => void;
}) {
  const id = useId();
  const t = useT();
  const text = useMeText();
  const [v, setV] = useState(initial);
  const [problems, setProblems] = useState<Problems>({});
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<SessionFormValues>) => setV((prev) => ({ ...prev, ...patch }));
  const err = (k: keyof Problems) =>
    problems[k] ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-${k}-error` } : {};
  const message = (k: keyof Problems) =>
    problems[k] ? (
      <p id={`${id}-${k}-error`} className="error-text small">
        {problems[k]}
      </p>
    ) : null;

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const found: Problems = {};
    if (!v.title.trim()) found.title = t('briefing.err.title');
    if (v.topics.length === 0) found.topics = t('briefing.err.topics');
    if (v.group.groupType === 'countries' && v.group.group.length === 0)
      found.group = t('briefing.err.group');
    if (Object.keys(found).length > 0) return setProblems(found);
    const input = sessionInput(v);
    // The schema loads on submit: the page's first JS carries no zod
    // (docs/decisions/lazy-response-schemas.md).
    const { BriefingSessionInputSchema } = await import('../../../../shared/api/briefings');
    const parsed = BriefingSessionInputSchema.safeParse(input);
    if (!parsed.success)
      return setProblems(
        problemsOf(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))),
      );
    setProblems({});
    setBusy(true);
    try {
      await onSubmit(input);
    } catch (error) {
      if (error instanceof ApiError && error.issues?.length) setProblems(problemsOf(error.issues));
      else setProblems({ form: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form form--grid" onSubmit={submit} noValidate aria-label={label}>
      {problems.form && (
        <p role="alert" className="error-text field--wide">
          {problems.form}
        </p>
      )}
      <div className="field field--wide">
        <label htmlFor={`${id}-title`}>{t('briefing.field.title')}</label>
        <input
          id={`${id}-title`}
          value={v.title}
          maxLength={BRIEFING_LIMITS.title}
          onChange={(e) => set({ title: e.target.value })}
          {...err('title')}
        />
        {message('title')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-date`}>{t('briefing.field.date')}</label>
        <input
          id={`${id}-date`}
          type="date"
          value={v.date}
          onChange={(e) => set({ date: e.target.value })}
          {...err('date')}
        />
        {message('date')}
      </div>
      <div className="field field--wide">
        <GroupPicker value={v.group} onChange={(group) => set({ group })} offerSave={false} />
        {message('group')}
      </div>
      <CaseStudyPicker value={v.caseStudy} onChange={(caseStudy) => set({ caseStudy })} />
      <fieldset className="field field--wide" {...err('topics')}>
        <legend>{t('briefing.field.topics')}</legend>
        {BRIEFING_TOPICS.map((topic) => (
          <label key={topic} className="check">
            <input
              type="checkbox"
              checked={v.topics.includes(topic)}
              onChange={(e) =>
                set({ topics: e.target.checked ? [...v.topics, topic] : v.topics.filter((x) => x !== topic) })
              }
            />{' '}
            {meTopicLabel(text, topic)}
          </label>
        ))}
        {message('topics')}
      </fieldset>
      <div className="field field--wide">
        <label htmlFor={`${id}-agenda`}>{t('briefing.field.agenda')}</label>
        <textarea
          id={`${id}-agenda`}
          rows={5}
          maxLength={BRIEFING_LIMITS.agenda}
          value={v.agenda}
          onChange={(e) => set({ agenda: e.target.value })}
          {...err('agenda')}
        />
        {message('agenda')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-lang`}>{t('briefing.field.lang')}</label>
        <select
          id={`${id}-lang`}
          value={v.lang}
          onChange={(e) => {
            if (isLocale(e.target.value)) set({ lang: e.target.value });
          }}
        >
          {LOCALES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LOCALE_NAMES[l]}
            </option>
          ))}
        </select>
      </div>
      {v.startedFrom !== null && (
        <p className="muted small field--wide">{t('briefing.continues', { id: String(v.startedFrom) })}</p>
      )}
      <p className="form__actions field--wide">
        <button type="submit" className="button" disabled={busy}>
          {submitLabel}
        </button>{' '}
        {onCancel && (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('meForm.cancel')}
          </button>
        )}
      </p>
    </form>
  );
}
