import { type FormEvent, useId, useState } from 'react';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../../../shared/constants/role';
import { FormError } from '../../../components/ui/field-error';
import { useT } from '../../../i18n/context';

type Field = 'currentPassword' | 'newPassword' | 'repeat';
/** The fields the server may name (the repeat is checked here only). */
export const PASSWORD_FIELDS = ['currentPassword', 'newPassword'] as const;
export type FieldErrors = Partial<Record<Field, string>>;

interface Props {
  /** Ask for the current password (changing your own) or not (a one-time link). */
  withCurrent: boolean;
  label: string;
  submitLabel: string;
  pending: boolean;
  /** Errors from the server, by field; `form` for the rest. */
  serverErrors: FieldErrors & { form?: string };
  onSubmit: (v: { currentPassword: string; newPassword: string }) => void;
}

/** Current password (optional), new password twice; checks length and the repeat before sending. */
export function PasswordForm({ withCurrent, label, submitLabel, pending, serverErrors, onSubmit }: Props) {
  const id = useId();
  const t = useT();
  const [local, setLocal] = useState<FieldErrors>({});
  const errors: FieldErrors = { ...serverErrors, ...local };

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const currentPassword = String(form.get('currentPassword') ?? '');
    const newPassword = String(form.get('newPassword') ?? '');
    const repeat = String(form.get('repeat') ?? '');
    const found: FieldErrors = {};
    if (withCurrent && !currentPassword) found.currentPassword = t('account.required');
    if (newPassword.length < PASSWORD_MIN_LENGTH)
      found.newPassword = t('account.tooShort', { min: PASSWORD_MIN_LENGTH });
    else if (repeat !== newPassword) found.repeat = t('account.repeatDiffers');
    setLocal(found);
    if (Object.keys(found).length === 0) onSubmit({ currentPassword, newPassword });
  }

  const input = (name: Field, text: string, autoComplete: string) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{text}</label>
      <input
        id={`${id}-${name}`}
        name={name}
        type="password"
        autoComplete={autoComplete}
        maxLength={PASSWORD_MAX_LENGTH}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `${id}-${name}-error` : undefined}
      />
      {errors[name] && (
        <p id={`${id}-${name}-error`} className="field-error">
          {errors[name]}
        </p>
      )}
    </div>
  );

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={label}>
      {withCurrent && input('currentPassword', t('account.currentPassword'), 'current-password')}
      {input('newPassword', t('account.newPassword'), 'new-password')}
      {input('repeat', t('account.repeatPassword'), 'new-password')}
      <p className="muted small">{t('account.passwordHint', { min: PASSWORD_MIN_LENGTH })}</p>
      <FormError error={serverErrors.form} />
      <button type="submit" className="button" disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
}
