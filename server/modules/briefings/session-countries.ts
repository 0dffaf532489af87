import type { BriefingSessionInput, PeerGroupType } from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { AppError } from '../../lib/errors';
import type { Principal } from '../auth/permissions';
import { resolveGroup } from '../compare/group';
import { listCountries } from '../countries/repository';

/** A pack compares every country side by side: more than this is no longer a readable briefing. */
export const MAX_SESSION_COUNTRIES = 60;

const invalid = (field: string, message: string) =>
  new AppError(400, `${field}: ${message}`, { issues: [{ path: field, message }] });

/**
 * The countries of a session's group as it stands now (resolved as the comparison pages resolve
 * it: a private saved group only for its owner), by name; kept with the session so its packs stay
 * about the same countries when the group changes later.
 */
export async function resolveSessionCountries(
  db: DbOrTx,
  p: Principal,
  input: { groupType: PeerGroupType; group: string | null },
): Promise<{ iso3: string; name: string }[]> {
  const group = await resolveGroup(db, input.groupType, input.group ?? undefined, undefined, p);
  if (group.members.length === 0) throw invalid('group', 'the group has no countries');
  if (group.members.length > MAX_SESSION_COUNTRIES)
    throw invalid(
      'group',
      `at most ${MAX_SESSION_COUNTRIES} countries in a briefing; this group has ${group.members.length}`,
    );
  const names = new Map((await listCountries(db, {})).map((c) => [c.iso3, c.name]));
  return group.members
    .map((iso3) => ({ iso3, name: names.get(iso3) ?? iso3 }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

/** The case study must be a known country; the session continued must exist and be another one. */
export async function checkSessionRefs(
  db: DbOrTx,
  input: Pick<BriefingSessionInput, 'caseStudy' | 'startedFrom'>,
  exists: (id: number) => Promise<boolean>,
  self?: number,
): Promise<void> {
  if (input.caseStudy) {
    const known = (await listCountries(db, {})).some((c) => c.iso3 === input.caseStudy);
    if (!known) throw invalid('caseStudy', `unknown country code ${input.caseStudy}`);
  }
  if (input.startedFrom != null) {
    if (input.startedFrom === self) throw invalid('startedFrom', 'a session cannot continue itself');
    if (!(await exists(input.startedFrom)))
      throw invalid('startedFrom', `no briefing session ${input.startedFrom}`);
  }
}
