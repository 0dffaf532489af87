import { useState } from 'react';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { useT } from '../../../i18n/context';
import { useErrorText } from '../../../lib/error-text';
import { useCreateUserToken } from '../api/create-user-token';
import { useUserTokens } from '../api/get-user-tokens';
import { useRevokeUserToken } from '../api/revoke-user-token';
import { TokenForm } from './token-form';
import { TokenTable } from './token-table';

function UserTokens({ userId, who }: { userId: number; who: string }) {
  const tokens = useUserTokens(userId);
  const create = useCreateUserToken(userId);
  const revoke = useRevokeUserToken(userId);
  const t = useT();
  const { errorText } = useErrorText();
  return (
    <>
      <TokenForm
        label={t('tokens.newFor', { name: who })}
        create={create.mutateAsync}
        pending={create.isPending}
        error={
          (create.error ? errorText(create.error) : revoke.error ? errorText(revoke.error) : undefined) ??
          null
        }
      />
      {tokens.isPending && <LoadingState label={t('tokens.loadingFor', { name: who })} />}
      {tokens.isError && <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} />}
      {tokens.data && tokens.data.items.length === 0 && <p className="small">{t('tokens.noneShort')}</p>}
      {tokens.data && tokens.data.items.length > 0 && (
        <TokenTable
          tokens={tokens.data.items}
          caption={t('tokens.of', { name: who })}
          onRevoke={(token) => revoke.mutate(token.id)}
          revoking={revoke.isPending}
        />
      )}
    </>
  );
}

/**
 * An administrator's view of one account's API tokens: list, create (the secret is shown once,
 * to the administrator, who hands it over), revoke. Loaded only when opened.
 */
export function UserTokensPanel({ userId, who }: { userId: number; who: string }) {
  const [open, setOpen] = useState(false);
  const t = useT();
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('tokens.of', { name: who })}</summary>
      {open && <UserTokens userId={userId} who={who} />}
    </details>
  );
}
