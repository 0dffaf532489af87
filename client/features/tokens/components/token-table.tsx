import type { ApiToken } from '../../../../shared';
import { useI18n } from '../../../i18n/context';

/** A list of API tokens (never their secrets) with a Revoke button for each active one. */
export function TokenTable({
  tokens,
  caption,
  onRevoke,
  revoking,
}: {
  tokens: ApiToken[];
  caption: string;
  onRevoke: (token: ApiToken) => void;
  revoking: boolean;
}) {
  const { t, formatDate } = useI18n();
  const when = (iso: string | null) =>
    iso ? formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' }) : '—';
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('tokens.name')}</th>
            <th scope="col">{t('tokens.col.prefix')}</th>
            <th scope="col">{t('tokens.scope')}</th>
            <th scope="col">{t('tokens.col.created')}</th>
            <th scope="col">{t('tokens.col.lastUsed')}</th>
            <th scope="col">{t('tokens.col.state')}</th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr key={token.id}>
              <th scope="row">{token.name}</th>
              <td>
                <code>{token.prefix}…</code>
              </td>
              <td>{token.scope === 'write' ? t('tokens.readWrite') : t('tokens.readOnly')}</td>
              <td>
                {when(token.createdAt)}
                {token.createdBy && (
                  <div className="muted small">{t('tokens.by', { name: token.createdBy.displayName })}</div>
                )}
              </td>
              <td>{when(token.lastUsedAt)}</td>
              <td>
                {token.revokedAt ? (
                  t('tokens.revoked', { when: when(token.revokedAt) })
                ) : (
                  <button
                    type="button"
                    className="button"
                    disabled={revoking}
                    onClick={() => onRevoke(token)}
                    aria-label={t('tokens.revokeNamed', { name: token.name })}
                  >
                    {t('tokens.revoke')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
