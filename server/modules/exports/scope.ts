import type { AdxQuery } from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { AppError } from '../../lib/errors';
import type { ServiceContext } from '../../service-context';
import { assertCanReadCountry, type Principal, readableCountries } from '../auth/permissions';
import { resolveGroup } from '../compare/group';
import { planReach } from '../plans/access';
import { findPlanRows, type PlanRow } from '../plans/repository';
import { existingCountryCodes, frameworkExists } from './repository';

/** What one export reads, after the permission checks. */
export interface ExportScope {
  /** Countries to export, sorted; the caller may read each. */
  countries: string[];
  /** Of those, the countries whose drafts the caller may read (status=all only). */
  draftCountries: Set<string>;
  plan: PlanRow | null;
  frameworkCode: string | null;
  from: number | null;
  to: number | null;
}

const bad = (field: string, why: string) => new AppError(400, `${field}: ${why}`);

async function knownCountries(db: DbOrTx, wanted: string[] | undefined): Promise<string[]> {
  const known = await existingCountryCodes(db, wanted);
  const unknown = (wanted ?? []).filter((c) => !known.includes(c));
  if (unknown.length) throw bad('countries', `unknown ISO3 code ${unknown.slice(0, 5).join(', ')}`);
  return known;
}

/**
 * The export's countries, plan and framework, checked against what the caller may read: anonymous
 * callers only when data is public; a country named in `countries` that the caller may not read is
 * refused (403); without `countries`, every readable country. Drafts (status=all) only where the
 * caller has a role in the country, or reads every country: elsewhere the export silently holds the
 * approved values only (the x-export-drafts header and the XLSX about sheet say where drafts are in).
 */
export async function resolveScope(
  ctx: ServiceContext,
  p: Principal | null,
  q: AdxQuery,
  status: 'approved' | 'all',
): Promise<ExportScope> {
  const readable = readableCountries(ctx.policy, p);
  let plan: PlanRow | null = null;
  if (q.plan !== undefined) {
    const [row] = await findPlanRows(ctx.db, { id: q.plan });
    const reach = row ? planReach(ctx.policy, p, row.countryIso3) : 'none';
    if (!row || reach === 'none' || (reach === 'approved' && row.status === 'draft'))
      throw new AppError(404, `plan: no plan ${q.plan}`);
    if (q.countries && !q.countries.includes(row.countryIso3))
      throw bad('plan', `plan ${row.id} is a plan of ${row.countryIso3}, which is not among countries`);
    plan = row;
  }
  if (q.framework) {
    if (!(await frameworkExists(ctx.db, q.framework))) throw bad('framework', `no framework ${q.framework}`);
  }
  // A peer group's members add to the named countries; those the caller may not read are left out.
  const members =
    q.groupType && !plan ? (await resolveGroup(ctx.db, q.groupType, q.group, undefined, p)).members : [];
  const wanted = plan ? [plan.countryIso3] : q.countries;
  let list = await knownCountries(ctx.db, q.groupType && !plan ? undefined : wanted);
  if (q.groupType && !plan) {
    if (wanted) await knownCountries(ctx.db, wanted);
    list = list.filter((c) => members.includes(c) || wanted?.includes(c));
  }
  if (wanted) for (const c of wanted) assertCanReadCountry(ctx.policy, p, c);
  if (readable !== 'all') list = list.filter((c) => readable.includes(c));
  const draftCountries = new Set(
    status === 'all' ? list.filter((c) => planReach(ctx.policy, p, c) === 'all') : [],
  );
  return {
    countries: list,
    draftCountries,
    plan,
    frameworkCode: q.framework ?? null,
    from: q.from ?? null,
    to: q.to ?? null,
  };
}

/** The x-export-drafts header: where drafts are included. */
export function draftsHeader(scope: ExportScope): string {
  if (scope.draftCountries.size === 0) return 'none';
  if (scope.draftCountries.size === scope.countries.length) return 'all';
  const list = [...scope.draftCountries];
  return list.length > 40 ? `${list.length} countries` : list.join(',');
}
