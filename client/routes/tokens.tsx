import { useId } from 'react';
import { ErrorState } from '../components/ui/error-state';
import { LoadingState } from '../components/ui/loading-state';
import { isUnauthenticated, RequireAuth, SignInRedirect } from '../features/auth/components/require-auth';
import { useCreateToken } from '../features/tokens/api/create-token';
import { useTokens } from '../features/tokens/api/get-tokens';
import { useRevokeToken } from '../features/tokens/api/revoke-token';
import { TokenForm } from '../features/tokens/components/token-form';
import { TokenTable } from '../features/tokens/components/token-table';
import { useT } from '../i18n/context';
import { useErrorText } from '../lib/error-text';

function TokensContent() {
  const id = useId();
  const t = useT();
  const { errorText } = useErrorText();
  const tokens = useTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken();

  if (isUnauthenticated(tokens.error)) return <SignInRedirect />;

  return (
    <>
      <section className="section" aria-labelledby={`${id}-new`}>
        <h2 id={`${id}-new`}>{t('tokens.new')}</h2>
        <TokenForm
          label={t('tokens.newLabel')}
          create={create.mutateAsync}
          pending={create.isPending}
          error={
            (create.error ? errorText(create.error) : revoke.error ? errorText(revoke.error) : undefined) ??
            null
          }
        />
      </section>
      <section className="section" aria-labelledby={`${id}-list`}>
        <h2 id={`${id}-list`}>{t('tokens.yours')}</h2>
        {tokens.isPending && <LoadingState label={t('tokens.loading')} />}
        {tokens.isError && <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} />}
        {tokens.data && tokens.data.items.length === 0 && <p>{t('tokens.none')}</p>}
        {tokens.data && tokens.data.items.length > 0 && (
          <TokenTable
            tokens={tokens.data.items}
            caption={t('tokens.caption')}
            onRevoke={(token) => revoke.mutate(token.id)}
            revoking={revoke.isPending}
          />
        )}
      </section>
    </>
  );
}

export function TokensPage() {
  const t = useT();
  return (
    <>
      <title>{t('app.titleSuffix', { page: t('tokens.title') })}</title>
      <h1>{t('tokens.title')}</h1>
      <p className="lede">{t('tokens.lede')}</p>
      <RequireAuth need="session">
        <TokensContent />
      </RequireAuth>
    </>
  );
}
