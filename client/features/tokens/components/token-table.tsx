import type { ApiToken } from '../../../../shared';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—');

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
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
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
          {tokens.map((t) => (
            <tr key={t.id}>
              <th scope="row">{t.name}</th>
              <td>
                <code>{t.prefix}…</code>
              </td>
              <td>{t.scope === 'write' ? 'Read and write' : 'Read only'}</td>
              <td>
                {when(t.createdAt)}
                {t.createdBy && <div className="muted small">by {t.createdBy.displayName}</div>}
              </td>
              <td>{when(t.lastUsedAt)}</td>
              <td>
                {t.revokedAt ? (
                  `Revoked ${when(t.revokedAt)}`
                ) : (
                  <button
                    type="button"
                    className="button"
                    disabled={revoking}
                    onClick={() => onRevoke(t)}
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
  );
}
