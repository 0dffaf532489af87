import type { MeSection, MeSectionContent, MeSectionView } from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { AppError } from '../../lib/errors';
import type { ServiceContext } from '../../service-context';
import { channelOf } from '../audit/channel';
import { recordAudit } from '../audit/entity-repository';
import { assertFourEyes, type Principal } from '../auth/permissions';
import { assertCanEditProfile, assertCanValidateProfile } from './access';
import { checkSectionContent } from './content';
import {
  insertSection,
  lockSection,
  type SectionRow,
  sectionRecords,
  updateSectionIfVersion,
} from './repository';
import { requireCountry, sectionEntityId } from './service';
import { toSectionView } from './view';

export type MeTransition = 'submit' | 'approve' | 'return';

/** The section as its editors and validators see it (they hold a role in the country, or are administrators). */
async function sectionView(db: DbOrTx, iso3: string, section: MeSection): Promise<MeSectionView> {
  const [record] = await sectionRecords(db, iso3, section);
  return toSectionView(section, record, true);
}

/** A 409 that carries the section as it is now, so that nothing typed is lost. */
async function conflict(db: DbOrTx, iso3: string, section: MeSection, message: string) {
  return new AppError(409, message, { current: await sectionView(db, iso3, section) });
}

const stale = (sent: number, current: number) =>
  `version: stale (you sent ${sent}, the section is at ${current}); reload it`;

/** What the audit keeps of a section: its draft, and its approved content when a step changes it. */
function snapshot(row: SectionRow | undefined, withApproved: boolean): Record<string, unknown> | null {
  if (!row) return null;
  return {
    section: row.section,
    version: row.version,
    state: row.draftState,
    reason: row.draftReason,
    draft: row.draftContent,
    ...(withApproved ? { approved: row.approvedContent } : {}),
  };
}

/**
 * Saves a section's draft (the country's focal points and administrators), in one transaction: the
 * row is locked, the version the caller read checked (409 with the current section when stale), the
 * change audited old → new. A submitted section waits for its validator (409); a returned one becomes
 * a draft again, its reason kept until the next submission. Only the draft layer is written: the
 * published layer is reference data, the approved one a validator's.
 */
export async function saveSection(
  ctx: ServiceContext,
  p: Principal | null,
  iso3: string,
  section: MeSection,
  body: { content: MeSectionContent; version: number },
): Promise<MeSectionView> {
  await requireCountry(ctx.db, iso3);
  assertCanEditProfile(p, iso3);
  const content = checkSectionContent(section, body.content);
  const user = p as Principal;
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const current = await lockSection(tx, iso3, section);
    const version = current?.version ?? 0;
    if (version !== body.version) throw await conflict(tx, iso3, section, stale(body.version, version));
    if (current?.draftState === 'submitted')
      throw await conflict(
        tx,
        iso3,
        section,
        'state: the section is submitted; a validator must approve or return it before it changes again',
      );
    const changes = {
      draftContent: content,
      draftState: 'draft',
      draftUpdatedBy: user.userId,
      draftUpdatedAt: now,
      draftSubmittedBy: null,
      draftSubmittedAt: null,
      version: version + 1,
    };
    const after = current
      ? await updateSectionIfVersion(tx, current.id, version, changes)
      : await insertSection(tx, { countryIso3: iso3, section, ...changes });
    if (!after) throw await conflict(tx, iso3, section, 'version: the section changed meanwhile; reload it');
    await recordAudit(tx, {
      entityType: 'me_profile_section',
      entityId: sectionEntityId(iso3, section),
      action: 'save',
      countryIso3: iso3,
      userId: user.userId,
      at: now,
      channel: channelOf(user),
      old: snapshot(current, false),
      new: snapshot(after, false),
    });
  });
  return sectionView(ctx.db, iso3, section);
}

const FROM: Record<MeTransition, readonly string[]> = {
  submit: ['draft', 'returned'],
  approve: ['submitted'],
  return: ['submitted'],
};

/** Does the approver approve their own work? Says how, or false. */
function approvesOwn(row: SectionRow, userId: number): string | false {
  if (row.draftSubmittedBy === userId) return 'submitted this section';
  if (row.draftUpdatedBy === userId) return 'last saved this section';
  return false;
}

function changesOf(t: MeTransition, row: SectionRow, userId: number, at: Date, reason?: string) {
  const version = row.version + 1;
  switch (t) {
    case 'submit':
      return {
        draftState: 'submitted',
        draftReason: null,
        draftSubmittedBy: userId,
        draftSubmittedAt: at,
        version,
      };
    case 'return':
      return { draftState: 'returned', draftReason: reason ?? null, version };
    case 'approve':
      // The approved content replaces the previous one whole; the draft is done with.
      return {
        approvedContent: row.draftContent,
        approvedBy: userId,
        approvedAt: at,
        draftContent: null,
        draftState: null,
        draftReason: null,
        draftUpdatedBy: null,
        draftUpdatedAt: null,
        draftSubmittedBy: null,
        draftSubmittedAt: null,
        version,
      };
  }
}

/**
 * Moves a section's draft through the workflow in one transaction: submit (focal points and
 * administrators), approve or return with a reason (validators and administrators). The version the
 * caller read is checked and the step audited (old → new). Four eyes, as for reporting periods
 * (config APPROVAL_FOUR_EYES): who submitted or last saved the draft may not approve it.
 */
export async function transitionSection(
  ctx: ServiceContext,
  p: Principal | null,
  iso3: string,
  section: MeSection,
  t: MeTransition,
  body: { version: number; reason?: string },
): Promise<MeSectionView> {
  await requireCountry(ctx.db, iso3);
  if (t === 'submit') assertCanEditProfile(p, iso3);
  else assertCanValidateProfile(p, iso3);
  const user = p as Principal;
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const current = await lockSection(tx, iso3, section);
    const version = current?.version ?? 0;
    if (!current || version !== body.version)
      throw await conflict(tx, iso3, section, stale(body.version, version));
    const state = current.draftState ?? 'none';
    if (!FROM[t].includes(state)) {
      const is = state === 'none' ? 'has no draft' : `is ${state}`;
      throw await conflict(
        tx,
        iso3,
        section,
        `state: the section ${is}; ${t} needs it ${FROM[t].join(' or ')}`,
      );
    }
    const self = t === 'approve' ? approvesOwn(current, user.userId) : false;
    const fourEyes = ctx.policy.fourEyes !== false;
    assertFourEyes(ctx.policy, self);
    const after = await updateSectionIfVersion(
      tx,
      current.id,
      version,
      changesOf(t, current, user.userId, now, body.reason),
    );
    if (!after) throw await conflict(tx, iso3, section, 'version: the section changed meanwhile; reload it');
    const approving = t === 'approve';
    await recordAudit(tx, {
      entityType: 'me_profile_section',
      entityId: sectionEntityId(iso3, section),
      action: t,
      countryIso3: iso3,
      userId: user.userId,
      at: now,
      channel: channelOf(user),
      old: snapshot(current, approving),
      new: approving ? { ...snapshot(after, true), fourEyes, selfApproved: !!self } : snapshot(after, false),
    });
  });
  return sectionView(ctx.db, iso3, section);
}
