import { type AuditEntry, type Country, ME_SECTIONS, type MeProfile } from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { AppError } from '../../lib/errors';
import type { ServiceContext } from '../../service-context';
import { auditOfEntities } from '../audit/history-repository';
import type { Principal } from '../auth/permissions';
import { findCountry } from '../countries/repository';
import { planReach } from '../plans/access';
import { mayReadDrafts } from '../visibility/scope';
import { assertMayReadProfileHistory, mayEditProfile, mayValidateProfile, profileReadScope } from './access';
import { currentPlans, planIndicatorRefs } from './plan-repository';
import { sectionRecords } from './repository';
import { toSectionViews } from './view';

/** How much of a profile to assemble: the draft layer and draft plans only for who may read them. */
export interface ProfileReach {
  drafts: boolean;
  draftPlans: boolean;
  can: MeProfile['can'];
  year: number;
}

export async function requireCountry(db: DbOrTx, iso3: string): Promise<Country> {
  const country = await findCountry(db, iso3);
  if (!country) throw new AppError(404, `country: no country with ISO3 code ${iso3}`);
  return country;
}

/** A profile: every section in ME_SECTIONS order, and the current plan's indicators for step 3. */
export async function assembleProfile(db: DbOrTx, country: Country, reach: ProfileReach): Promise<MeProfile> {
  const records = await sectionRecords(db, country.iso3);
  const plan = (await currentPlans(db, [country.iso3], reach.year, () => reach.draftPlans)).get(country.iso3);
  return {
    country: { iso3: country.iso3, name: country.name },
    sections: toSectionViews(records, reach.drafts),
    plan: plan ? { id: plan.id, name: plan.title, indicators: await planIndicatorRefs(db, plan.id) } : null,
    can: reach.can,
  };
}

/** A country's profile as the caller may read it (404 unknown country; 401/403 as every read). */
export async function getProfile(ctx: ServiceContext, p: Principal | null, iso3: string): Promise<MeProfile> {
  const country = await requireCountry(ctx.db, iso3);
  const scope = profileReadScope(ctx.policy, p, iso3);
  return assembleProfile(ctx.db, country, {
    drafts: mayReadDrafts(scope, iso3),
    draftPlans: planReach(ctx.policy, p, iso3) === 'all',
    can: { edit: mayEditProfile(p, iso3), validate: mayValidateProfile(p, iso3) },
    year: ctx.now().getUTCFullYear(),
  });
}

/** The audit entity id of a section: stable before its row exists and after its layers change. */
export const sectionEntityId = (iso3: string, section: string) => `${iso3}:${section}`;

/** Every change of the profile's sections (saves, workflow steps, loads of the published layer), newest first. */
export async function profileHistory(
  ctx: ServiceContext,
  p: Principal | null,
  iso3: string,
): Promise<{ items: AuditEntry[] }> {
  await requireCountry(ctx.db, iso3);
  assertMayReadProfileHistory(ctx.policy, p, iso3);
  const rows = await auditOfEntities(ctx.db, [
    { type: 'me_profile_section', ids: ME_SECTIONS.map((s) => sectionEntityId(iso3, s)) },
  ]);
  return { items: rows.map(({ entityType: _t, entityId: _i, ...entry }) => entry) };
}
