import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { REASON_MAX_LENGTH } from '../../../shared/constants/reporting';
import { useT } from '../../i18n/context';

const FOCUSABLE = 'button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * The one confirmation of the app, before a step that is hard to undo (submit, approve, return, delete a
 * group, sign out with unsent values): a modal that says what will happen, asks for the reason where the
 * step needs one, and waits. Focus moves in, stays in (Tab cycles), Escape cancels, and focus returns to
 * the element that opened it (WAI-ARIA alert dialog pattern). `ConfirmAction` is the button that opens it.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
  busy = false,
  error,
  cancelLabel,
  danger = false,
  reasonLabel,
}: {
  /** What will happen, as a question: "Submit 6 values for Jordan 2020 to the validator?" */
  title: string;
  /** What follows from it (locked, who is told …). */
  children?: ReactNode;
  confirmLabel: string;
  /** The way out, when "Cancel" does not say it ("Stay signed in"). */
  cancelLabel?: string;
  /** The step loses something (red button). */
  danger?: boolean;
  /** Ask for a reason, required: its label. The reason is given to `onConfirm`, trimmed. */
  reasonLabel?: string;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
  busy?: boolean;
  error?: string | null;
}) {
  const t = useT();
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  const reasonBox = useRef<HTMLTextAreaElement>(null);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const first = box.current?.querySelector<HTMLElement>(FOCUSABLE);
    (first ?? box.current)?.focus();
    return () => opener?.focus();
  }, []);

  const confirm = () => {
    if (reasonLabel && !reason.trim()) {
      setMissing(true);
      reasonBox.current?.focus();
      return;
    }
    onConfirm(reason.trim());
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onCancel();
      return;
    }
    if (e.key !== 'Tab' || !box.current) return;
    const items = [...box.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
      (el) => !el.hasAttribute('disabled'),
    );
    const first = items[0];
    const last = items.at(-1);
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="dialog-backdrop">
      <div
        ref={box}
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={children ? `${id}-body` : undefined}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <h2 id={`${id}-title`} className="dialog__title">
          {title}
        </h2>
        {children && (
          <div id={`${id}-body`} className="dialog__body">
            {children}
          </div>
        )}
        {reasonLabel && (
          <div className="field">
            <label htmlFor={`${id}-reason`}>{reasonLabel}</label>
            <textarea
              id={`${id}-reason`}
              ref={reasonBox}
              rows={3}
              maxLength={REASON_MAX_LENGTH}
              value={reason}
              aria-invalid={missing ? true : undefined}
              aria-describedby={missing ? `${id}-missing` : undefined}
              onChange={(e) => {
                setReason(e.target.value);
                setMissing(false);
              }}
            />
            {missing && (
              <p id={`${id}-missing`} className="field-error">
                {t('confirm.reasonMissing')}
              </p>
            )}
          </div>
        )}
        {error && (
          <p role="alert" className="field-error">
            {error}
          </p>
        )}
        <p className="form__actions">
          <button
            type="button"
            className={danger ? 'button button--danger' : 'button'}
            onClick={confirm}
            disabled={busy}
          >
            {confirmLabel}
          </button>{' '}
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {cancelLabel ?? t('confirm.cancel')}
          </button>
        </p>
      </div>
    </div>
  );
}
