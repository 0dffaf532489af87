import {
  type Level,
  type NationalReportList,
  provenanceOf,
  type ValueStatus,
  type ValueWorkflow,
} from '../../../shared';
import { AppError } from '../../lib/errors';
import type { ServiceContext } from '../../service-context';
import { assertCanReadCountry, type Principal } from '../auth/permissions';
import { findCountry } from '../countries/repository';
import { getPublishedFramework } from '../frameworks/service';
import { readScope } from '../visibility/scope';
import { nationalValuesOn } from './national-repository';

/**
 * A country's own reports on a published framework's questions — shown beside the published answers
 * on the country page, each labelled with its source. The public sees approved reports only.
 */
export async function nationalReports(
  ctx: ServiceContext,
  p: Principal | null,
  iso3: string,
  frameworkCode: string,
): Promise<NationalReportList> {
  if (!(await findCountry(ctx.db, iso3)))
    throw new AppError(404, `country: no country with ISO3 code ${iso3}`);
  assertCanReadCountry(ctx.policy, p, iso3);
  await getPublishedFramework(ctx.db, frameworkCode);
  const rows = await nationalValuesOn(ctx.db, readScope(ctx.policy, p), frameworkCode, {
    countryIso3s: [iso3],
  });
  return {
    framework: frameworkCode,
    items: rows.map(({ workflow, demo, endDate, countryIso3: _c, ...r }) => ({
      ...r,
      year: Number(endDate.slice(0, 4)),
      status: r.status as ValueStatus,
      level: r.level as Level | null,
      source: provenanceOf(workflow as ValueWorkflow, demo),
    })),
  };
}
