import { type FormEvent, useId, useState } from 'react';
import { type CreatedToken, CreateTokenBodySchema } from '../../shared';
import { ErrorState } from '../components/ui/error-state';
import { LoadingState } from '../components/ui/loading-state';
import { isUnauthenticated, RequireAuth, SignInRedirect } from '../features/auth/components/require-auth';
import { useCreateToken } from '../features/tokens/api/create-token';
import { useTokens } from '../features/tokens/api/get-tokens';
import { useRevokeToken } from '../features/tokens/api/revoke-token';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—');

function TokensContent() {
  const id = useId();
  const tokens = useTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  if (isUnauthenticated(tokens.error)) return <SignInRedirect />;

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const parsed = CreateTokenBodySchema.safeParse({ name: data.get('name'), scope: data.get('scope') });
    if (!parsed.success) {
      setProblem(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      return;
    }
    setProblem(null);
    create.mutate(parsed.data, {
      onSuccess: (t) => {
        setCreated(t);
        form.reset();
      },
    });
  }

  const error = problem ?? create.error?.message ?? revoke.error?.message ?? null;
  return (
    <>
      <section className="section" aria-labelledby={`${id}-new`}>
        <h2 id={`${id}-new`}>New token</h2>
        <form className="form" onSubmit={onSubmit} noValidate aria-label="New API token">
          <div className="field">
            <label htmlFor={`${id}-name`}>Name</label>
            <input id={`${id}-name`} name="name" maxLength={100} required />
          </div>
          <div className="field">
            <label htmlFor={`${id}-scope`}>Scope</label>
            <select id={`${id}-scope`} name="scope" defaultValue="read">
              <option value="read">Read only</option>
              <option value="write">Read and write</option>
            </select>
          </div>
          <button type="submit" className="button" disabled={create.isPending}>
            Create token
          </button>
        </form>
        {error && (
          <p className="error-state" role="alert">
            {error}
          </p>
        )}
        {created && (
          <div className="notice" role="status">
            <p>
              Token <strong>{created.name}</strong> created. Copy it now: it will not be shown again.
            </p>
            <p>
              <code data-testid="new-token">{created.token}</code>
            </p>
            <p className="muted small">Send it as the header Authorization: Bearer &lt;token&gt;.</p>
          </div>
        )}
      </section>
      <section className="section" aria-labelledby={`${id}-list`}>
        <h2 id={`${id}-list`}>Your tokens</h2>
        {tokens.isPending && <LoadingState label="Loading your tokens" />}
        {tokens.isError && <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} />}
        {tokens.data && tokens.data.items.length === 0 && <p>You have no API token.</p>}
        {tokens.data && tokens.data.items.length > 0 && (
          <div className="table-scroll">
            <table className="table">
              <caption className="visually-hidden">Your API tokens</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Starts with</th>
                  <th scope="col">Scope</th>
                  <th scope="col">Created</th>
                  <th scope="col">Last used</th>
                  <th scope="col">State</th>
                </tr>
              </thead>
              <tbody>
                {tokens.data.items.map((t) => (
                  <tr key={t.id}>
                    <th scope="row">{t.name}</th>
                    <td>
                      <code>{t.prefix}…</code>
                    </td>
                    <td>{t.scope === 'write' ? 'Read and write' : 'Read only'}</td>
                    <td>{when(t.createdAt)}</td>
                    <td>{when(t.lastUsedAt)}</td>
                    <td>
                      {t.revokedAt ? (
                        `Revoked ${when(t.revokedAt)}`
                      ) : (
                        <button
                          type="button"
                          className="button"
                          disabled={revoke.isPending}
                          onClick={() => revoke.mutate(t.id)}
                          aria-label={`Revoke ${t.name}`}
                        >
                          Revoke
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

export function TokensPage() {
  return (
    <>
      <title>API tokens — NAP Tracker</title>
      <h1>API tokens</h1>
      <p className="lede">
        Tokens let scripts and other systems (for example DHIS2 integrations) use the API as you.
      </p>
      <RequireAuth need="session">
        <TokensContent />
      </RequireAuth>
    </>
  );
}
