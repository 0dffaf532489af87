import { useId } from 'react';
import { ErrorState } from '../components/ui/error-state';
import { LoadingState } from '../components/ui/loading-state';
import { isUnauthenticated, RequireAuth, SignInRedirect } from '../features/auth/components/require-auth';
import { useCreateToken } from '../features/tokens/api/create-token';
import { useTokens } from '../features/tokens/api/get-tokens';
import { useRevokeToken } from '../features/tokens/api/revoke-token';
import { TokenForm } from '../features/tokens/components/token-form';
import { TokenTable } from '../features/tokens/components/token-table';

function TokensContent() {
  const id = useId();
  const tokens = useTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();

  if (isUnauthenticated(tokens.error)) return <SignInRedirect />;

  return (
    <>
      <section className="section" aria-labelledby={`${id}-new`}>
        <h2 id={`${id}-new`}>New token</h2>
        <TokenForm
          label="New API token"
          create={create.mutateAsync}
          pending={create.isPending}
          error={create.error?.message ?? revoke.error?.message ?? null}
        />
      </section>
      <section className="section" aria-labelledby={`${id}-list`}>
        <h2 id={`${id}-list`}>Your tokens</h2>
        {tokens.isPending && <LoadingState label="Loading your tokens" />}
        {tokens.isError && <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} />}
        {tokens.data && tokens.data.items.length === 0 && <p>You have no API token.</p>}
        {tokens.data && tokens.data.items.length > 0 && (
          <TokenTable
            tokens={tokens.data.items}
            caption="Your API tokens"
            onRevoke={(t) => revoke.mutate(t.id)}
            revoking={revoke.isPending}
          />
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
