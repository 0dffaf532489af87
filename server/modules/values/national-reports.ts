import { and, desc, eq, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  type Level,
  type NationalReportList,
  provenanceOf,
  type ValueStatus,
  type ValueWorkflow,
} from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { indicators, indicatorValues, periods, valueProvenance } from '../../db/schema';
import { AppError } from '../../lib/errors';
import type { ServiceContext } from '../../service-context';
import { assertCanReadCountry, type Principal } from '../auth/permissions';
import { findCountry } from '../countries/repository';
import { getPublishedFramework } from '../frameworks/service';
import { type ReadScope, readScope } from '../visibility/scope';
import { visibleValues } from '../visibility/sql';

const question = alias(indicators, 'question');

/** The national values reporting on a published framework's questions, newest first, as the scope allows. */
async function reportsOn(db: DbOrTx, scope: ReadScope, iso3: string, frameworkCode: string) {
  const where: (SQL | undefined)[] = [
    eq(question.frameworkCode, frameworkCode),
    eq(indicatorValues.countryIso3, iso3),
    visibleValues(scope),
  ];
  return db
    .select({
      questionId: question.id,
      questionCode: question.code,
      indicatorCode: indicators.code,
      frameworkCode: indicators.frameworkCode,
      periodCode: periods.code,
      endDate: periods.endDate,
      status: indicatorValues.status,
      level: indicatorValues.level,
      numericValue: indicatorValues.numericValue,
      textValue: indicatorValues.textValue,
      workflow: valueProvenance.workflow,
      demo: valueProvenance.demo,
    })
    .from(indicatorValues)
    .innerJoin(indicators, eq(indicators.id, indicatorValues.indicatorId))
    .innerJoin(question, eq(question.id, indicators.followsIndicatorId))
    .innerJoin(periods, eq(periods.id, indicatorValues.periodId))
    .innerJoin(valueProvenance, eq(valueProvenance.valueId, indicatorValues.id))
    .where(and(...where))
    .orderBy(desc(periods.endDate), question.sortOrder);
}

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
  const rows = await reportsOn(ctx.db, readScope(ctx.policy, p), iso3, frameworkCode);
  return {
    framework: frameworkCode,
    items: rows.map(({ workflow, demo, endDate, ...r }) => ({
      ...r,
      year: Number(endDate.slice(0, 4)),
      status: r.status as ValueStatus,
      level: r.level as Level | null,
      source: provenanceOf(workflow as ValueWorkflow, demo),
    })),
  };
}
