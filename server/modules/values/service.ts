import type { ValueQuery } from '../../../shared';
import { allInOrder } from '../../lib/all-in-order';
import { AppError } from '../../lib/errors';
import type { ServiceContext } from '../../service-context';
import { assertCanReadCountry, type Principal } from '../auth/permissions';
import { findCountry } from '../countries/repository';
import { getFramework, getIndicator, resolvePeriod } from '../frameworks/service';
import { readScope } from '../visibility/scope';
import { queryValues } from './repository';

type Query = { limit: number; offset: number } & Omit<ValueQuery, 'limit' | 'offset'>;

/** The country exists (404), then the caller may read it (403). */
async function checkCountry(ctx: ServiceContext, p: Principal | null, iso3: string) {
  if (!(await findCountry(ctx.db, iso3)))
    throw new AppError(404, `country: no country with ISO3 code ${iso3}`);
  assertCanReadCountry(ctx.policy, p, iso3);
}

/**
 * Values the caller may see (server/modules/visibility): published and approved national values of
 * the countries it may read; unapproved national values only where it holds a role (or reads every
 * country). Each value says where it comes from (`source`).
 */
export async function listValues(ctx: ServiceContext, p: Principal | null, q: Query) {
  const db = ctx.db;
  // The filters' look-ups run together; an unknown filter is named in a 404 rather than answered with
  // an empty page, the first in this order whichever query fails first (allInOrder).
  await allInOrder([
    q.country ? checkCountry(ctx, p, q.country) : null,
    // getIndicator checks the framework first itself.
    q.framework && !q.indicator ? getFramework(db, q.framework) : null,
    q.framework && q.indicator ? getIndicator(db, q.framework, q.indicator) : null,
    q.framework && q.period ? resolvePeriod(db, q.framework, q.period) : null,
  ]);
  const scope = readScope(ctx.policy, p);
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
