import { type ReactNode, useState } from 'react';
import { ConfirmDialog } from './confirm-dialog';

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
  /** A problem from the server, shown in the dialog. */
  error: string | null;
  /** Runs the step; resolves true when it went through (the dialog closes). */
  onConfirm: (reason: string) => Promise<boolean>;
  disabled?: boolean;
}

/** A button for a step that is hard to undo: it opens the app's confirmation (`ConfirmDialog`). */
export function ConfirmAction(p: Props) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className={buttonClass(p.variant)}
        aria-haspopup="dialog"
        disabled={p.disabled || p.pending}
        onClick={() => setOpen(true)}
      >
        {p.label}
      </button>
      {open && (
        <ConfirmDialog
          title={p.question}
          confirmLabel={p.confirmLabel}
          danger={p.variant === 'danger'}
          reasonLabel={p.reasonLabel}
          busy={p.pending}
          error={p.error}
          onCancel={() => setOpen(false)}
          onConfirm={(reason) => {
            void p.onConfirm(reason).then((done) => done && setOpen(false));
          }}
        >
          {p.detail && <p className="muted small">{p.detail}</p>}
        </ConfirmDialog>
      )}
    </>
  );
}
