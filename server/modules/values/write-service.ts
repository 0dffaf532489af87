import {
  type Provenance,
  type PutValueBody,
  provenanceOf,
  type StoredValue,
  type ValueWorkflow,
} from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { AppError } from '../../lib/errors';
import type { ServiceContext } from '../../service-context';
import { channelOf, type WriteChannel } from '../audit/channel';
import { assertCanWriteValue, type Principal } from '../auth/permissions';
import { toIndicator } from '../frameworks/repository';
import { assertValueWritable } from '../submissions/lock';
import { standingOf } from '../visibility/repository';
import { evidenceOf, latestComments } from './annotation-repository';
import { columnsOf, valueSnapshot } from './columns';
import { toStoredValue } from './dto';
import { writeValue } from './save-statement-repository';
import { type FoundValue, findValue, type Holder, loadSaveContext, type ValueKey } from './write-repository';

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

/** Where a value the caller may write stands: the submissions that hold it, as the value_provenance view. */
function sourceOf(holders: Holder[]): Provenance {
  const workflow: ValueWorkflow = holders.some((h) => h.state === 'approved')
    ? 'approved'
    : holders.some((h) => h.state === 'submitted')
      ? 'submitted'
      : holders.some((h) => h.state === 'returned')
        ? 'returned'
        : 'draft';
  return provenanceOf(
    workflow,
    holders.some((h) => h.demo),
  );
}

/**
 * Stores one indicator value (admins; focal points of the country and sector) of a national
 * framework. Optimistic concurrency: changing an existing value needs the version that was read; a
 * stale one is a 409 with the current value. Submitted and approved periods are locked (409). Every
 * write is audited, old → new, with where it came from: the grid (a session), an API token, or the
 * channel the caller names (a spreadsheet upload).
 *
 * Two statements, in the caller's transaction: one reads what the checks need and locks the submissions
 * that hold the value (loadSaveContext), one writes (writeValue: the lock and version checked, the value,
 * its comment and evidence, the audit row). The answer is built from
 * what the request already knows rather than read back.
 */
export async function putValue(
  ctx: ServiceContext,
  p: Principal | null,
  key: ValueKeyInput,
  body: PutValueBody,
  channel: WriteChannel = channelOf(p, 'grid'),
): Promise<{ created: boolean; value: StoredValue }> {
  const db = ctx.db;
  const loaded = await loadSaveContext(db, key);
  if (!loaded) throw new AppError(404, `framework: no framework with code ${key.framework}`);
  const { framework, existing, holders } = loaded;
  if (!loaded.indicator)
    throw new AppError(
      404,
      `indicator: no indicator with code ${key.indicator} in framework ${key.framework}`,
    );
  const indicator = toIndicator(loaded.indicator);
  assertCanWriteValue(p, key.country, indicator.sectors);
  assertNotPublished(framework);
  const principal = p as Principal;
  if (!loaded.countryFound) throw new AppError(404, `country: no country with ISO3 code ${key.country}`);
  const period = loaded.period;
  if (!period) throw new AppError(404, `period: no period ${key.period} in framework ${key.framework}`);
  const columns = columnsOf(indicator, body);
  const k = { countryIso3: key.country, indicatorId: indicator.id, periodId: period.id };
  const meta = {
    indicatorCode: indicator.code,
    frameworkCode: indicator.frameworkCode,
    periodCode: period.code,
  };
  const lockKey = { countryIso3: key.country, indicatorId: indicator.id, periodCode: period.code };
  if (holders.some((h) => h.state === 'submitted' || h.state === 'approved')) {
    await assertValueWritable(db, lockKey);
  }
  const source = sourceOf(holders);
  const before = existing
    ? toStoredValue(existing.found.value, {
        ...meta,
        updatedByName: existing.found.updatedByName,
        comment: existing.comment,
        evidence: existing.evidence,
        source,
      })
    : null;
  if (!existing) {
    if (body.version !== undefined)
      throw new AppError(409, `version: there is no value yet (you sent ${body.version})`);
  } else if (body.version === undefined) {
    throw new AppError(
      409,
      `version: the value exists (version ${existing.found.value.version}); send the version you read (${byWhom(before as StoredValue)})`,
      { current: before },
    );
  } else if (body.version !== existing.found.value.version) {
    // Known stale before writing: answered without the write statement (which would bump
    // analytics_version for nothing).
    const c = before as StoredValue;
    throw new AppError(
      409,
      `version: stale (you sent ${body.version}, the value is at ${c.version}, ${byWhom(c)}); reload it`,
      { current: c },
    );
  }
  const version = existing ? (body.version as number) + 1 : 1;
  const comment = body.comment && body.comment !== existing?.comment ? body.comment : null;
  const newComment = body.comment ? body.comment : (existing?.comment ?? null);
  const evidence = body.evidence ?? existing?.evidence ?? [];
  const now = ctx.now();
  const { row, locked } = await writeValue(db, {
    key: k,
    periodCode: period.code,
    columns,
    update: existing ? { id: existing.found.value.id, version: body.version as number } : null,
    comment,
    evidence: body.evidence ?? null,
    userId: principal.userId,
    at: now,
    channel,
    audit: {
      old: existing
        ? { ...valueSnapshot(existing.found.value), comment: existing.comment, evidence: existing.evidence }
        : null,
      new: { ...valueSnapshot({ ...columns, version }), comment: newComment, evidence },
    },
  });
  if (!row) {
    // Submitted or approved meanwhile: the lock's own answer, naming it.
    if (locked) await assertValueWritable(db, lockKey);
    throw existing
      ? await conflict(
          db,
          k,
          meta,
          (c) =>
            `version: stale (you sent ${body.version}, the value is at ${c.version}, ${byWhom(c)}); reload it`,
        )
      : await conflict(
          db,
          k,
          meta,
          (c) => `version: someone else saved this value meanwhile (${byWhom(c)}); reload it`,
        );
  }
  const value = toStoredValue(
    {
      id: row.id,
      ...k,
      ...columns,
      choices: row.choices,
      version: row.version,
      updatedAt: now,
      updatedBy: principal.userId,
    },
    { ...meta, updatedByName: principal.displayName, comment: newComment, evidence, source },
  );
  return { created: !existing, value };
}
