import { type FormEvent, useId, useState } from 'react';
import type { CreatedToken, CreateTokenBody } from '../../../../shared';
import { TOKEN_NAME_MAX_LENGTH } from '../../../../shared/constants/role';
import { FormError } from '../../../components/ui/field-error';
import { useT } from '../../../i18n/context';
import { useErrorText } from '../../../lib/error-text';

/**
 * The form that creates a token (name, scope) and the notice that shows its secret, once: the
 * secret lives only in this component's state and is gone when it unmounts.
 */
export function TokenForm({
  label,
  create,
  pending,
  error,
}: {
  label: string;
  create: (body: CreateTokenBody) => Promise<CreatedToken>;
  pending: boolean;
  error: string | null;
}) {
  const id = useId();
  const t = useT();
  const { zodText } = useErrorText();
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    // The schema is imported on submit: the tokens page's first JS has no zod
    // (docs/decisions/lazy-response-schemas.md).
    const { CreateTokenBodySchema } = await import('../../../../shared/api/users');
    const parsed = CreateTokenBodySchema.safeParse({ name: data.get('name'), scope: data.get('scope') });
    if (!parsed.success) {
      setProblem(zodText(parsed.error));
      return;
    }
    setProblem(null);
    create(parsed.data).then(
      (token) => {
        setCreated(token);
        form.reset();
      },
      () => setCreated(null), // the caller shows the error
    );
  }

  const shown = problem ?? error;
  return (
    <>
      <form className="form" onSubmit={onSubmit} noValidate aria-label={label}>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('tokens.name')}</label>
          <input id={`${id}-name`} name="name" maxLength={TOKEN_NAME_MAX_LENGTH} required />
        </div>
        <div className="field">
          <label htmlFor={`${id}-scope`}>{t('tokens.scope')}</label>
          <select id={`${id}-scope`} name="scope" defaultValue="read">
            <option value="read">{t('tokens.readOnly')}</option>
            <option value="write">{t('tokens.readWrite')}</option>
          </select>
        </div>
        <button type="submit" className="button" disabled={pending}>
          {t('tokens.create')}
        </button>
      </form>
      <FormError error={shown} />
      {created && (
        <div className="notice" role="status">
          <p>{t('tokens.created', { name: created.name })}</p>
          <p>
            <code data-testid="new-token">{created.token}</code>
          </p>
          <p className="muted small">{t('tokens.howToSend')}</p>
        </div>
      )}
    </>
  );
}
