import type { Framework, Indicator, MeasureType } from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { AppError } from '../../lib/errors';
import { listFrameworks, listIndicators, listPeriods } from './repository';

export async function getFramework(db: DbOrTx, code: string) {
  const [framework] = await listFrameworks(db, code);
  if (!framework) throw new AppError(404, `framework: no framework with code ${code}`);
  return framework;
}

/** Every framework, by name, with its indicator count. */
export async function allFrameworks(db: DbOrTx): Promise<Framework[]> {
  return listFrameworks(db);
}

/** A framework's indicators in questionnaire order; 404 when there is no such framework. */
export async function frameworkIndicators(
  db: DbOrTx,
  code: string,
  filter: { measureType?: MeasureType | undefined },
): Promise<Indicator[]> {
  await getFramework(db, code);
  return listIndicators(db, code, filter);
}

/**
 * A published framework (a TrACSS round): what comparisons across countries read. A national
 * framework is one country's reporting, compared through the questions it follows (source=national).
 */
export async function getPublishedFramework(db: DbOrTx, code: string) {
  const framework = await getFramework(db, code);
  if (framework.kind === 'national')
    throw new AppError(
      400,
      `framework: ${code} is one country's national reporting, not a published round; compare a published ` +
        "round, with source=national to use countries' own approved reports on its questions",
    );
  return framework;
}

export async function getFrameworkDetail(db: DbOrTx, code: string) {
  const framework = await getFramework(db, code);
  const periods = await listPeriods(db, code);
  return { ...framework, periods: periods.map(({ id: _id, ...p }) => p) };
}

export async function getIndicator(db: DbOrTx, frameworkCode: string, indicatorCode: string) {
  await getFramework(db, frameworkCode);
  const [indicator] = await listIndicators(db, frameworkCode, { code: indicatorCode });
  if (!indicator) {
    throw new AppError(
      404,
      `indicator: no indicator with code ${indicatorCode} in framework ${frameworkCode}`,
    );
  }
  return indicator;
}

/**
 * The period with this code, or the framework's latest period when no code is given. Also checks
 * that the framework exists (404 naming it), so callers need not look it up first.
 */
export async function resolvePeriod(db: DbOrTx, frameworkCode: string, periodCode?: string) {
  const periods = await listPeriods(db, frameworkCode);
  const period = periodCode ? periods.find((p) => p.code === periodCode) : periods.at(-1);
  if (!period) {
    // Only on the error path: name an unknown framework rather than its missing period.
    if (periods.length === 0) await getFramework(db, frameworkCode);
    throw new AppError(
      404,
      periodCode
        ? `period: no period ${periodCode} in framework ${frameworkCode}`
        : `period: framework ${frameworkCode} has no period yet`,
    );
  }
  return period;
}
