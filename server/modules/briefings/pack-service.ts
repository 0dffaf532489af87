import { createHash } from 'node:crypto';
import { notFound } from '../../lib/errors';
import type { Principal } from '../auth/permissions';
import { assertBriefingAccess } from './access';
import { auditBriefing } from './audit';
import { loadBriefingPackData } from './pack-data';
import { findPackRow, insertPackRow, listPackRows } from './repository';
import { type BriefingDeps, type PackFormat, sessionRow, toPackRef, toSession } from './service';

// pdfkit, Chart.js on a canvas and exceljs take most of a second to load: with the first pack, not at start.
const render = async (format: PackFormat, data: Awaited<ReturnType<typeof loadBriefingPackData>>) =>
  format === 'pdf'
    ? (await import('./pack-pdf')).briefingPackPdf(data)
    : (await import('./pack-xlsx')).briefingPackXlsx(data);

/**
 * Makes a pack from the public data as it is now and keeps it byte for byte (with its sha256), so
 * the session records exactly what was sent.
 */
export async function createPack(deps: BriefingDeps, p: Principal | null, id: number, format: PackFormat) {
  const who = assertBriefingAccess(p);
  const session = toSession(await sessionRow(deps.db, id));
  const now = deps.now();
  const data = await loadBriefingPackData(session, deps.reader, now);
  const content = await render(format, data);
  const sha256 = createHash('sha256').update(content).digest('hex');
  const packId = await deps.db.transaction(async (tx) => {
    const fields = { format, lang: session.lang, bytes: content.length, sha256 };
    const newId = await insertPackRow(tx, {
      ...fields,
      sessionId: id,
      content,
      createdBy: who.userId,
      createdAt: now,
    });
    await auditBriefing(tx, who, now, {
      entityType: 'briefing_pack',
      entityId: newId,
      action: 'create',
      old: null,
      new: { sessionId: id, ...fields },
    });
    return newId;
  });
  const ref = (await listPackRows(deps.db, id)).find((r) => r.id === packId);
  if (!ref) throw new Error('the pack just stored is gone');
  return toPackRef(ref);
}

/** "Cluster meeting: M&E — Jordan" → "cluster-meeting-m-e-jordan" (ASCII; empty for other scripts). */
export function slug(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

const CONTENT_TYPES = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** A stored pack, as it was made: its bytes, its type and a file name saying which session and when. */
export async function packFile(deps: BriefingDeps, p: Principal | null, id: number, packId: number) {
  assertBriefingAccess(p);
  const session = await sessionRow(deps.db, id);
  const pack = await findPackRow(deps.db, id, packId);
  if (!pack) throw notFound(`packId: session ${id} has no pack ${packId}`);
  const format = pack.format as PackFormat;
  const date = session.date ?? pack.createdAt.toISOString().slice(0, 10);
  const name = slug(session.title) || `session-${id}`;
  return {
    content: pack.content,
    sha256: pack.sha256,
    contentType: CONTENT_TYPES[format],
    filename: `briefing-${date}-${name}.${format}`,
  };
}
