import type { PutValueBody, StoredValue } from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { AppError } from '../../lib/errors';
import type { ServiceContext } from '../../service-context';
import { channelOf, type WriteChannel } from '../audit/channel';
import { recordAudit } from '../audit/entity-repository';
import { assertCanWriteValue, type Principal } from '../auth/permissions';
import { findCountry } from '../countries/repository';
import { getFramework, getIndicator, resolvePeriod } from '../frameworks/service';
import { assertValueWritable } from '../submissions/lock';
import { standingOf } from '../visibility/repository';
import { addComment, evidenceOf, latestComments, replaceEvidence } from './annotation-repository';
import { columnsOf, valueSnapshot } from './columns';
import { toStoredValue } from './dto';
import {
  type FoundValue,
  findValue,
  insertValue,
  updateValueIfVersion,
  type ValueKey,
} from './write-repository';

export interface ValueKeyInput {
  country: string;
  framework: string;
  indicator: string;
  period: string;
}

type Meta = { indicatorCode: string; frameworkCode: string; periodCode: string };

async function present(db: DbOrTx, found: FoundValue, meta: Meta): Promise<StoredValue> {
  const id = found.value.id;
  const [comments, evidence] = [await latestComments(db, [id]), await evidenceOf(db, [id])];
  const standing = (await standingOf(db, [id])).get(id);
  return toStoredValue(found.value, {
    ...meta,
    updatedByName: found.updatedByName,
    comment: comments.get(id) ?? null,
    evidence: evidence.get(id) ?? [],
    source: standing?.source ?? 'national_draft',
  });
}

/** A 409 that carries the current value and who wrote it, so that nothing typed is lost. */
async function conflict(db: DbOrTx, k: ValueKey, meta: Meta, message: (c: StoredValue) => string) {
  const found = await findValue(db, k);
  if (!found) return new AppError(409, 'version: someone else changed this value meanwhile; reload it');
  const current = await present(db, found, meta);
  return new AppError(409, message(current), { current });
}

const byWhom = (c: StoredValue) => `changed by ${c.updatedBy?.name ?? 'an import'} at ${c.updatedAt}`;

/**
 * Published data (a TrACSS round, any imported public dataset) is read-only: only an administrator's
 * re-import changes it. A country reports on a published question through its own national indicator
 * that follows the question (its plan's indicator), in its national framework.
 */
export function assertNotPublished(framework: { code: string; name: string; kind: string }) {
  if (framework.kind === 'national') return;
  throw new AppError(
    403,
    `framework: ${framework.code} (${framework.name}) is published data and read-only; only an administrator's ` +
      "re-import changes it. Enter your country's own assessment in its reporting period instead",
  );
}

/**
 * Stores one indicator value (admins; focal points of the country and sector) of a national
 * framework. Optimistic concurrency: changing an existing value needs the version that was read; a
 * stale one is a 409 with the current value. Submitted and approved periods are locked (409). Every
 * write is audited, old → new, with where it came from: the grid (a session), an API token, or the
 * channel the caller names (a spreadsheet upload).
 */
export async function putValue(
  ctx: ServiceContext,
  p: Principal | null,
  key: ValueKeyInput,
  body: PutValueBody,
  channel: WriteChannel = channelOf(p, 'grid'),
): Promise<{ created: boolean; value: StoredValue }> {
  const db = ctx.db;
  const framework = await getFramework(db, key.framework);
  const indicator = await getIndicator(db, key.framework, key.indicator);
  assertCanWriteValue(p, key.country, indicator.sectors);
  assertNotPublished(framework);
  const userId = (p as Principal).userId;
  if (!(await findCountry(db, key.country))) {
    throw new AppError(404, `country: no country with ISO3 code ${key.country}`);
  }
  const period = await resolvePeriod(db, key.framework, key.period);
  const columns = columnsOf(indicator, body);
  const k = { countryIso3: key.country, indicatorId: indicator.id, periodId: period.id };
  const meta = {
    indicatorCode: indicator.code,
    frameworkCode: indicator.frameworkCode,
    periodCode: period.code,
  };
  const now = ctx.now();
  return db.transaction(async (tx) => {
    await assertValueWritable(tx, {
      countryIso3: key.country,
      indicatorId: indicator.id,
      periodCode: period.code,
    });
    const existing = await findValue(tx, k);
    let old: Record<string, unknown> | null = null;
    let row: { id: number; version: number } | undefined;
    if (!existing) {
      if (body.version !== undefined)
        throw new AppError(409, `version: there is no value yet (you sent ${body.version})`);
      row = await insertValue(tx, k, columns, now, userId);
      if (!row)
        throw await conflict(
          tx,
          k,
          meta,
          (c) => `version: someone else saved this value meanwhile (${byWhom(c)}); reload it`,
        );
    } else {
      const before = await present(tx, existing, meta);
      if (body.version === undefined) {
        throw new AppError(
          409,
          `version: the value exists (version ${existing.value.version}); send the version you read (${byWhom(before)})`,
          { current: before },
        );
      }
      row = await updateValueIfVersion(tx, existing.value.id, body.version, columns, now, userId);
      if (!row) {
        throw await conflict(
          tx,
          k,
          meta,
          (c) =>
            `version: stale (you sent ${body.version}, the value is at ${c.version}, ${byWhom(c)}); reload it`,
        );
      }
      old = { ...valueSnapshot(existing.value), comment: before.comment, evidence: before.evidence };
    }
    const valueId = row.id;
    const latest = (await latestComments(tx, [valueId])).get(valueId) ?? null;
    if (body.comment && body.comment !== latest) await addComment(tx, valueId, body.comment, userId, now);
    if (body.evidence) await replaceEvidence(tx, valueId, body.evidence, userId, now);
    const found = (await findValue(tx, k)) as FoundValue;
    const value = await present(tx, found, meta);
    await recordAudit(tx, {
      entityType: 'value',
      entityId: valueId,
      action: existing ? 'update' : 'create',
      countryIso3: key.country,
      userId,
      at: now,
      channel,
      old,
      new: {
        ...valueSnapshot({ ...columns, version: row.version }),
        comment: value.comment,
        evidence: value.evidence,
      },
    });
    return { created: !existing, value };
  });
}
