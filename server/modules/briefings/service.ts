import type { z } from 'zod';
import {
  type BriefingPackQuerySchema,
  type BriefingSession,
  type BriefingSessionInput,
  BriefingSessionInputSchema,
  type BriefingTopic,
  type Locale,
  type PeerGroupType,
  UpdateBriefingSessionBodySchema,
} from '../../../shared';
import type { Db, DbOrTx } from '../../db/client';
import { AppError, notFound, parseInput } from '../../lib/errors';
import type { Principal } from '../auth/permissions';
import type { MeProfileReader } from '../me-profiles/reader';
import { assertBriefingAccess } from './access';
import { auditBriefing } from './audit';
import {
  findSessionRow,
  insertSessionRow,
  listPackRows,
  listSessionRows,
  type PackRefRow,
  type SessionRow,
  updateSessionIfVersion,
} from './repository';
import { checkSessionRefs, resolveSessionCountries } from './session-countries';

/** What the briefings service needs: the database, the clock and the public M&E profiles. */
export interface BriefingDeps {
  db: Db;
  now: () => Date;
  reader: MeProfileReader;
}

export type PackFormat = z.output<typeof BriefingPackQuerySchema>['format'];
type SessionData = Omit<BriefingSession, 'packs'>;

const userRef = (id: number | null, name: string | null) =>
  id !== null && name !== null ? { id, name } : null;

export function toSession(r: SessionRow): SessionData {
  return {
    id: r.id,
    title: r.title,
    date: r.date,
    groupType: r.groupType as PeerGroupType,
    group: r.group,
    caseStudy: r.caseStudy,
    topics: r.topics as BriefingTopic[],
    agenda: r.agenda,
    lang: r.lang as Locale,
    startedFrom: r.startedFrom,
    countries: r.countries,
    createdBy: userRef(r.createdBy, r.createdByName),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}

export const toPackRef = (r: PackRefRow) => ({
  id: r.id,
  format: r.format as PackFormat,
  lang: r.lang as Locale,
  bytes: r.bytes,
  sha256: r.sha256,
  createdAt: r.createdAt.toISOString(),
  createdBy: userRef(r.createdBy, r.createdByName),
});

/** What the audit keeps of a session: everything but the timestamps, the countries by code. */
const audited = (s: Omit<SessionData, 'id' | 'createdBy' | 'createdAt' | 'updatedAt' | 'version'>) => ({
  title: s.title,
  date: s.date,
  groupType: s.groupType,
  group: s.group,
  caseStudy: s.caseStudy,
  topics: s.topics,
  agenda: s.agenda,
  lang: s.lang,
  startedFrom: s.startedFrom,
  countries: s.countries.map((c) => c.iso3),
});

export async function listSessions(deps: BriefingDeps, p: Principal | null) {
  assertBriefingAccess(p);
  return { items: (await listSessionRows(deps.db)).map(toSession) };
}

export async function sessionRow(db: DbOrTx, id: number): Promise<SessionRow> {
  const row = await findSessionRow(db, id);
  if (!row) throw notFound(`id: no briefing session ${id}`);
  return row;
}

export async function getSession(
  deps: BriefingDeps,
  p: Principal | null,
  id: number,
): Promise<BriefingSession> {
  assertBriefingAccess(p);
  const row = await sessionRow(deps.db, id);
  return { ...toSession(row), packs: (await listPackRows(deps.db, id)).map(toPackRef) };
}

const exists = (db: DbOrTx) => async (id: number) => (await findSessionRow(db, id)) !== undefined;

export async function createSession(deps: BriefingDeps, p: Principal | null, input: BriefingSessionInput) {
  const who = assertBriefingAccess(p);
  const body = parseInput(BriefingSessionInputSchema, input);
  const id = await deps.db.transaction(async (tx) => {
    await checkSessionRefs(tx, body, exists(tx));
    const countries = await resolveSessionCountries(tx, who, body);
    const now = deps.now();
    const fields = { ...body, countries, createdBy: who.userId, createdAt: now, updatedAt: now };
    const newId = await insertSessionRow(tx, fields);
    await auditBriefing(tx, who, now, {
      entityType: 'briefing_session',
      entityId: newId,
      action: 'create',
      old: null,
      new: audited({ ...body, countries }),
    });
    return newId;
  });
  return getSession(deps, p, id);
}

const stale = (sent: number, current: number, session: SessionData) =>
  new AppError(409, `version: stale (you sent ${sent}, the session is at ${current}); reload it`, {
    current: session,
  });

export async function updateSession(deps: BriefingDeps, p: Principal | null, id: number, input: unknown) {
  const who = assertBriefingAccess(p);
  const { version, ...body } = parseInput(UpdateBriefingSessionBodySchema, input);
  await deps.db.transaction(async (tx) => {
    const before = await sessionRow(tx, id);
    if (before.version !== version) throw stale(version, before.version, toSession(before));
    await checkSessionRefs(tx, body, exists(tx), id);
    const countries = await resolveSessionCountries(tx, who, body);
    const now = deps.now();
    const done = await updateSessionIfVersion(tx, id, version, { ...body, countries, updatedAt: now });
    if (!done) throw stale(version, version + 1, toSession(before));
    await auditBriefing(tx, who, now, {
      entityType: 'briefing_session',
      entityId: id,
      action: 'update',
      old: audited(toSession(before)),
      new: audited({ ...body, countries }),
    });
  });
  return getSession(deps, p, id);
}
