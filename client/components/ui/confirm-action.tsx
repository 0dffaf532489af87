import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { REASON_MAX_LENGTH } from '../../../shared/constants/reporting';
import { useT } from '../../i18n/context';

export type ActionVariant = 'primary' | 'secondary' | 'danger';

const buttonClass = (v: ActionVariant) =>
  v === 'primary' ? 'button' : v === 'danger' ? 'button button--danger' : 'button button--secondary';

interface Props {
  /** The button that opens the confirmation. */
  label: string;
  variant: ActionVariant;
  /** What will happen, as a question: "Submit 6 values for Jordan 2020 to the validator?" */
  question: string;
  /** A line under the question: what follows from it (locked, who is told …). */
  detail?: ReactNode;
  confirmLabel: string;
  /** Ask for a reason (required when given): its label. */
  reasonLabel?: string;
  pending: boolean;
  /** A problem from the server, shown in the panel. */
  error: string | null;
  /** Runs the step; resolves true when it went through (the panel closes). */
  onConfirm: (reason: string) => Promise<boolean>;
  disabled?: boolean;
}

/**
 * A workflow step that is hard to undo: the button opens a panel that says what will happen and,
 * where needed, asks for the reason; nothing is sent before the person confirms. Escape and Cancel
 * close it and give the focus back to the button.
 */
export function ConfirmAction(p: Props) {
  const id = useId();
  const t = useT();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const first = useRef<HTMLTextAreaElement & HTMLButtonElement>(null);

  useEffect(() => {
    if (open) first.current?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    setMissing(false);
    trigger.current?.focus();
  };
  const confirm = async () => {
    if (p.reasonLabel && !reason.trim()) {
      setMissing(true);
      first.current?.focus();
      return;
    }
    if (await p.onConfirm(reason.trim())) {
      setReason('');
      setOpen(false);
    }
  };

  return (
    <>
      <button
        ref={trigger}
        type="button"
        className={buttonClass(p.variant)}
        aria-expanded={open}
        aria-controls={open ? `${id}-panel` : undefined}
        disabled={p.disabled || p.pending}
        onClick={() => (open ? close() : setOpen(true))}
      >
        {p.label}
      </button>
      {open && (
        <div
          id={`${id}-panel`}
          role="alertdialog"
          aria-labelledby={`${id}-q`}
          aria-describedby={p.detail ? `${id}-d` : undefined}
          className="confirm-panel"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              close();
            }
          }}
        >
          <p id={`${id}-q`} className="confirm-panel__question">
            {p.question}
          </p>
          {p.detail && (
            <p id={`${id}-d`} className="muted small">
              {p.detail}
            </p>
          )}
          {p.reasonLabel && (
            <div className="field">
              <label htmlFor={`${id}-reason`}>{p.reasonLabel}</label>
              <textarea
                id={`${id}-reason`}
                ref={first}
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
          {p.error && (
            <p className="field-error" role="alert">
              {p.error}
            </p>
          )}
          <div className="confirm-panel__actions">
            <button
              ref={p.reasonLabel ? undefined : first}
              type="button"
              className={buttonClass(p.variant === 'secondary' ? 'primary' : p.variant)}
              disabled={p.pending}
              onClick={() => void confirm()}
            >
              {p.confirmLabel}
            </button>
            <button type="button" className="button button--secondary" onClick={close}>
              {t('confirm.cancel')}
            </button>
          </div>
        </div>
      )}
    </>
  );
}
