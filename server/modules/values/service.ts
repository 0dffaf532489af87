import type { Indicator, PutValueBody, StoredValue, ValueInput, ValueQuery } from '../../../shared';
import { AppError } from '../../lib/errors';
import type { AuthContext } from '../auth/context';
import {
  assertCanReadCountry,
  assertCanWriteValue,
  type Principal,
  readableCountries,
} from '../auth/permissions';
import { findCountry } from '../countries/repository';
import { getFramework, getIndicator, resolvePeriod } from '../frameworks/service';
import { queryValues } from './repository';
import { findValueVersion, insertValue, updateValueIfVersion, type ValueColumns } from './write-repository';

type Query = { limit: number; offset: number } & Omit<ValueQuery, 'limit' | 'offset'>;

/** Values the caller may read: every country when data is public, else the caller's countries. */
export async function listValues(ctx: AuthContext, p: Principal | null, q: Query) {
  const db = ctx.db;
  // Unknown filters are named in a 404 rather than answered with an empty page.
  if (q.country && !(await findCountry(db, q.country))) {
    throw new AppError(404, `country: no country with ISO3 code ${q.country}`);
  }
  if (q.country) assertCanReadCountry(ctx.policy, p, q.country);
  const readable = readableCountries(ctx.policy, p);
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
      countryIn: readable === 'all' ? undefined : readable,
    },
    { limit: q.limit, offset: q.offset },
  );
  return { ...page, limit: q.limit, offset: q.offset };
}

function columnsOf(indicator: Indicator, body: PutValueBody): ValueColumns {
  const empty = { level: null, numericValue: null, numerator: null, denominator: null, textValue: null };
  const v: ValueInput | undefined = body.value;
  if (!v) return { status: body.status, ...empty };
  if (v.type !== indicator.measureType) {
    throw new AppError(
      400,
      `value.type: indicator ${indicator.code} is measured as ${indicator.measureType}, not ${v.type}`,
    );
  }
  const c: ValueColumns = { status: body.status, ...empty };
  switch (v.type) {
    case 'level':
      return {
        ...c,
        level: v.level,
        textValue: indicator.levels ? `${v.level} - ${indicator.levels[v.level]}` : v.level,
      };
    case 'yes_no':
      return { ...c, numericValue: v.answer ? 1 : 0, textValue: v.answer ? 'Yes' : 'No' };
    case 'number':
      return { ...c, numericValue: v.number };
    case 'percentage':
      return { ...c, numericValue: v.percentage };
    case 'ratio':
      return {
        ...c,
        numerator: v.numerator,
        denominator: v.denominator,
        numericValue: v.numerator / v.denominator,
      };
    case 'text':
      return { ...c, textValue: v.text };
  }
}

export interface ValueKeyInput {
  country: string;
  framework: string;
  indicator: string;
  period: string;
}

/**
 * Stores one indicator value (admins; focal points of the country and sector). Optimistic
 * concurrency: changing an existing value needs the version that was read; a stale one is a 409.
 */
export async function putValue(
  ctx: AuthContext,
  p: Principal | null,
  key: ValueKeyInput,
  body: PutValueBody,
): Promise<{ created: boolean; value: StoredValue }> {
  const db = ctx.db;
  const indicator = await getIndicator(db, key.framework, key.indicator);
  assertCanWriteValue(p, key.country, indicator.sectors);
  if (!(await findCountry(db, key.country))) {
    throw new AppError(404, `country: no country with ISO3 code ${key.country}`);
  }
  const period = await resolvePeriod(db, key.framework, key.period);
  const columns = columnsOf(indicator, body);
  const k = { countryIso3: key.country, indicatorId: indicator.id, periodId: period.id };
  const now = ctx.now();
  const result = await db.transaction(async (tx) => {
    const existing = await findValueVersion(tx, k);
    if (!existing) {
      if (body.version !== undefined)
        throw new AppError(409, `version: there is no value yet (you sent ${body.version})`);
      const row = await insertValue(tx, k, columns, now);
      if (!row) throw new AppError(409, 'version: someone else saved this value meanwhile; reload it');
      return { created: true, row };
    }
    if (body.version === undefined) {
      throw new AppError(
        409,
        `version: the value exists (version ${existing.version}); send the version you read`,
      );
    }
    const row = await updateValueIfVersion(tx, existing.id, body.version, columns, now);
    if (!row) {
      throw new AppError(
        409,
        `version: stale (you sent ${body.version}, the value is at ${existing.version}); reload it`,
      );
    }
    return { created: false, row };
  });
  return {
    created: result.created,
    value: {
      countryIso3: key.country,
      indicatorId: indicator.id,
      indicatorCode: indicator.code,
      frameworkCode: indicator.frameworkCode,
      periodCode: period.code,
      status: body.status,
      level: (columns.level as StoredValue['level']) ?? null,
      numericValue: columns.numericValue,
      numerator: columns.numerator,
      denominator: columns.denominator,
      textValue: columns.textValue,
      version: result.row.version,
      updatedAt: result.row.updatedAt.toISOString(),
    },
  };
}
