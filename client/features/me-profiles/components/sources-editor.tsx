import { useId } from 'react';
import { ME_LIMITS } from '../../../../shared/constants/me-profile';
import { useT } from '../../../i18n/context';
import { type FormIssue, issueAt } from '../form-issues';
import type { SourceDraft } from '../form-state';
import { FieldError, invalidProps } from './field-error';

/**
 * The section's numbered sources: title, where in the document, address. Removing one renumbers
 * what cites the ones after it (the caller's onRemove).
 */
export function SourcesEditor({
  sources,
  onChange,
  onRemove,
  issues,
}: {
  sources: readonly SourceDraft[];
  onChange: (next: SourceDraft[]) => void;
  onRemove: (index: number) => void;
  issues: readonly FormIssue[];
}) {
  const id = useId();
  const t = useT();
  const set = (i: number, patch: Partial<SourceDraft>) =>
    onChange(sources.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  return (
    <fieldset className="sources-editor field--wide">
      <legend>{t('meForm.sources')}</legend>
      <p className="muted small">{t('meForm.sourcesHint')}</p>
      {sources.map((s, i) => {
        const n = i + 1;
        const at = (k: keyof SourceDraft) => issueAt(issues, `sources.${i}.${k}`);
        const fid = (k: string) => `${id}-${i}-${k}`;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: a source is its number; removal renumbers
          <fieldset key={i} className="form--grid source-row">
            <legend>{t('meForm.sourceN', { n: String(n) })}</legend>
            <div className="field field--wide">
              <label htmlFor={fid('title')}>{t('meForm.sourceTitle')}</label>
              <input
                id={fid('title')}
                value={s.title}
                maxLength={ME_LIMITS.sourceTitle}
                onChange={(e) => set(i, { title: e.target.value })}
                {...invalidProps(at('title'), `${fid('title')}-error`)}
              />
              <FieldError id={`${fid('title')}-error`} message={at('title')} />
            </div>
            <div className="field">
              <label htmlFor={fid('locator')}>{t('meForm.sourceLocator')}</label>
              <input
                id={fid('locator')}
                value={s.locator}
                maxLength={ME_LIMITS.sourceLocator}
                placeholder={t('meForm.sourceLocatorExample')}
                onChange={(e) => set(i, { locator: e.target.value })}
                {...invalidProps(at('locator'), `${fid('locator')}-error`)}
              />
              <FieldError id={`${fid('locator')}-error`} message={at('locator')} />
            </div>
            <div className="field field--wide">
              <label htmlFor={fid('url')}>{t('meForm.sourceUrl')}</label>
              <input
                id={fid('url')}
                type="url"
                dir="ltr"
                value={s.url}
                maxLength={ME_LIMITS.sourceUrl}
                onChange={(e) => set(i, { url: e.target.value })}
                {...invalidProps(at('url'), `${fid('url')}-error`)}
              />
              <FieldError id={`${fid('url')}-error`} message={at('url')} />
            </div>
            <p className="form__actions">
              <button
                type="button"
                className="button button--small button--secondary"
                onClick={() => onRemove(i)}
              >
                {t('meForm.removeSource', { n: String(n) })}
              </button>
            </p>
          </fieldset>
        );
      })}
      {sources.length < ME_LIMITS.sources && (
        <button
          type="button"
          className="button button--small button--secondary"
          onClick={() => onChange([...sources, { title: '', locator: '', url: '' }])}
        >
          {t('meForm.addSource')}
        </button>
      )}
    </fieldset>
  );
}
