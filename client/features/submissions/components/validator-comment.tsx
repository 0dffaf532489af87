import { type FormEvent, useId, useState } from 'react';
import { COMMENT_MAX_LENGTH, type ValidatorComment } from '../../../../shared';
import { useI18n } from '../../../i18n/context';
import { useErrorText } from '../../../lib/error-text';
import { useValidatorComment } from '../api/validator-comment';

/** A validator's comment on the value, beside it: what they asked, who and when. */
export function ValidatorCommentNote({ comment }: { comment: ValidatorComment | null | undefined }) {
  const { t, formatDate } = useI18n();
  if (!comment) return null;
  return (
    <p className="entry-review small" data-testid="validator-comment">
      <strong>{t('validatorComment.label')}</strong>{' '}
      <span className="muted">
        (
        {t('validatorComment.by', {
          name: comment.by?.name ?? t('grid.someone'),
          date: formatDate(comment.at),
        })}
        )
      </span>
      : <bdi>{comment.body}</bdi>
    </p>
  );
}

/**
 * For the country's validators while the period is submitted: a comment on this one value, which
 * the focal points see beside it (and the period's history lists).
 */
export function ValidatorCommentForm(p: { periodId: number; planIndicatorId: number; code: string }) {
  const id = useId();
  const { t } = useI18n();
  const { errorText } = useErrorText();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [done, setDone] = useState(false);
  const send = useValidatorComment(p.periodId, p.planIndicatorId);
  if (!open)
    return (
      <>
        <button
          type="button"
          className="button button--small button--secondary"
          onClick={() => {
            setOpen(true);
            setDone(false);
          }}
        >
          {t('validatorComment.add', { code: p.code })}
        </button>
        {done && (
          <span role="status" className="muted small">
            {' '}
            {t('validatorComment.sent')}
          </span>
        )}
      </>
    );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send.mutate(text, {
      onSuccess: () => {
        setText('');
        setOpen(false);
        setDone(true);
      },
    });
  };
  return (
    <form className="entry-review-form" onSubmit={submit} noValidate>
      <label htmlFor={`${id}-comment`} className="small">
        {t('validatorComment.field', { code: p.code })}
      </label>
      <textarea
        id={`${id}-comment`}
        rows={2}
        maxLength={COMMENT_MAX_LENGTH}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <div>
        <button type="submit" className="button button--small" disabled={send.isPending || !text.trim()}>
          {t('validatorComment.send')}
        </button>{' '}
        <button
          type="button"
          className="button button--small button--secondary"
          onClick={() => setOpen(false)}
        >
          {t('common.cancel')}
        </button>
      </div>
      {send.isError && (
        <p role="alert" className="error-text small">
          {t('validatorComment.failed', { message: errorText(send.error) })}
        </p>
      )}
    </form>
  );
}
