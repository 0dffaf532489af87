import type { ValueQuery } from '../../../shared';
import { AppError } from '../../lib/errors';
import type { ServiceContext } from '../../service-context';
import { assertCanReadCountry, type Principal } from '../auth/permissions';
import { findCountry } from '../countries/repository';
import { getFramework, getIndicator, resolvePeriod } from '../frameworks/service';
import { readScope } from '../visibility/scope';
import { queryValues } from './repository';

type Query = { limit: number; offset: number } & Omit<ValueQuery, 'limit' | 'offset'>;

/**
 * Values the caller may see (server/modules/visibility): published and approved national values of
 * the countries it may read; unapproved national values only where it holds a role (or reads every
 * country). Each value says where it comes from (`source`).
 */
export async function listValues(ctx: ServiceContext, p: Principal | null, q: Query) {
  const db = ctx.db;
  // Unknown filters are named in a 404 rather than answered with an empty page.
  if (q.country && !(await findCountry(db, q.country))) {
    throw new AppError(404, `country: no country with ISO3 code ${q.country}`);
  }
  if (q.country) assertCanReadCountry(ctx.policy, p, q.country);
  const scope = readScope(ctx.policy, p);
  if (q.framework) await getFramework(db, q.framework);
  if (q.framework && q.indicator) await getIndicator(db, q.framework, q.indicator);
  if (q.framework && q.period) await resolvePeriod(db, q.framework, q.period);
  const page = await queryValues(
    db,
    {
      countryIso3: q.country,
      frameworkCode: q.framework,
      indicatorCode: q.indicator,
      periodCode: q.period,
    },
    scope,
    { limit: q.limit, offset: q.offset },
  );
  return { ...page, limit: q.limit, offset: q.offset };
}
