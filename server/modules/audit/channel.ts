import { isOneOf } from '../../../shared/constants/guard';
import { AUDIT_CHANNELS, type AuditChannel } from '../../../shared/constants/history';
import type { Principal } from '../auth/permissions';

/** Where a change came from, as the audit entry records it (shared/constants/history.ts). */
export interface WriteChannel {
  channel: AuditChannel;
  /** The uploaded or imported file's name, or the API token's name; null when there is none. */
  channelDetail: string | null;
}

/**
 * The channel of a request's principal: an API token (with its name), else the app — `grid` for a
 * value saved in the data-entry grid, `web` for any other change made in the app.
 */
export function channelOf(p: Principal | null, app: 'grid' | 'web' = 'web'): WriteChannel {
  if (p?.via === 'token') return { channel: 'token', channelDetail: p.tokenName ?? null };
  return { channel: app, channelDetail: null };
}

/** A file's channel (an upload, an import, the command line), its name cut to the column's size. */
export const fileChannel = (channel: 'upload' | 'import' | 'cli', fileName: string | null): WriteChannel => ({
  channel,
  channelDetail: fileName ? fileName.slice(0, 300) : null,
});

/** The channel an audit row recorded, as the API sends it (null: written before channels were kept). */
export function channelOfRow(r: {
  channel: string | null;
  channelDetail: string | null;
}): { kind: AuditChannel; detail: string | null } | null {
  return isOneOf(AUDIT_CHANNELS, r.channel) ? { kind: r.channel, detail: r.channelDetail } : null;
}
