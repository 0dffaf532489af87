import { EMAIL_MAX_LENGTH } from '../../../../shared/constants/role';
import { FieldError, invalidProps } from '../../../components/ui/field-error';
import { useT } from '../../../i18n/context';

/** The account's e-mail address as the sign-in and forgotten-password forms ask for it (the browser's user name). */
export function EmailField({ id, error }: { id: string; error?: string | null }) {
  const t = useT();
  return (
    <div className="field">
      <label htmlFor={`${id}-email`}>{t('signIn.email')}</label>
      <input
        id={`${id}-email`}
        name="email"
        type="email"
        autoComplete="username"
        required
        maxLength={EMAIL_MAX_LENGTH}
        {...invalidProps(`${id}-email`, error)}
      />
      <FieldError id={`${id}-email`} error={error} />
    </div>
  );
}
