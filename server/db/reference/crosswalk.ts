import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { inArray } from 'drizzle-orm';
import { COMPARABILITIES, type Comparability, type PutCrosswalkBody } from '../../../shared';
import { AppError } from '../../lib/errors';
import { parseCsvRecords } from '../../lib/spreadsheet/csv';
import { pairCodes, writeCrosswalk } from '../../modules/rounds/crosswalk-service';
import { crosswalkPairs } from '../../modules/rounds/repository';
import type { Db } from '../client';
import { frameworks } from '../schema';
import { REFERENCE_DATA_DIR } from './paths';

/**
 * The reviewed crosswalks between TrACSS rounds that we ship (server/db/reference-data/tracss/, how
 * each was judged is in that folder's SOURCE.md): which question of one round asks about the same
 * capacity as which of the next, and whether their answers compare (comparable, caution,
 * not_comparable), with a note on what changed.
 */
export interface CrosswalkFile {
  file: string;
  from: string;
  to: string;
  /** The file's columns holding each round's question codes. */
  fromColumn: string;
  toColumn: string;
}

export const TRACSS_CROSSWALKS: readonly CrosswalkFile[] = [
  {
    file: path.join(REFERENCE_DATA_DIR, 'tracss/crosswalk_2019_2020_2025.csv'),
    from: 'tracss-2019-2020',
    to: 'tracss-2025',
    fromColumn: 'code_2019_2020',
    toColumn: 'code_2025',
  },
];

const COMPARABILITY_SET = new Set<string>(COMPARABILITIES);

/**
 * The pairs of a crosswalk file. A malformed file (a missing column, an unknown comparability, a
 * caution or not_comparable row without a note) is an error naming the row and the field: nothing of
 * it is loaded.
 */
export function parseCrosswalkFile(text: string, spec: CrosswalkFile): PutCrosswalkBody['pairs'] {
  const records = parseCsvRecords(text);
  const name = path.basename(spec.file);
  const required = [spec.fromColumn, spec.toColumn, 'comparability', 'note'];
  const missing = required.filter((c) => records[0] && !(c in records[0]));
  if (records.length === 0 || missing.length)
    throw new Error(
      `${name}: ${records.length === 0 ? 'no rows' : `missing column(s) ${missing.join(', ')}`}`,
    );
  const problems: string[] = [];
  const pairs = records.map((r, i) => {
    const row = i + 2; // the header is line 1
    const from = (r[spec.fromColumn] ?? '').trim();
    const to = (r[spec.toColumn] ?? '').trim();
    const comparability = (r.comparability ?? '').trim();
    const note = (r.note ?? '').trim();
    if (!from) problems.push(`row ${row}, ${spec.fromColumn}: is empty`);
    if (!COMPARABILITY_SET.has(comparability))
      problems.push(
        `row ${row}, comparability: "${comparability}" is not one of ${COMPARABILITIES.join(', ')}`,
      );
    else if (comparability !== 'comparable' && !note)
      problems.push(`row ${row}, note: a ${comparability} row needs a note saying why`);
    return {
      from,
      to: to || null,
      comparability: comparability as Comparability,
      ...(note ? { note } : {}),
    };
  });
  if (problems.length) throw new Error(`${name}: ${problems.join('; ')}`);
  return pairs;
}

type Log = { info: (obj: object, msg: string) => void; warn: (obj: object, msg: string) => void };

export type CrosswalkLoad =
  | { status: 'loaded' | 'unchanged'; from: string; to: string; pairs: number }
  | { status: 'skipped'; from: string; to: string; missing: string[] };

const sameKey = (p: { from: string; to?: string | null; comparability: string; note?: string | null }) =>
  JSON.stringify([p.from, p.to ?? null, p.comparability, p.note ?? null]);

/**
 * Loads one crosswalk file once both of its rounds exist, replacing the pairs stored between them
 * (whatever an administrator put there through PUT /api/crosswalk) with the file's. Idempotent: when
 * the database already holds exactly the file's pairs nothing is written. A round that is not loaded
 * yet skips the whole file with a logged warning; a code its round does not have fails, naming the
 * row, and writes nothing.
 */
export async function loadCrosswalk(db: Db, spec: CrosswalkFile, log?: Log): Promise<CrosswalkLoad> {
  const pairs = parseCrosswalkFile(await readFile(spec.file, 'utf8'), spec);
  const want = new Set(pairs.map(sameKey));
  // A restart finds the file's pairs stored: one query (stored pairs between two rounds mean both
  // rounds exist). The presence query and the rounds' look-ups that came first took 38–55 ms of a
  // PGlite restart, the pairs' ordering one query more (docs/benchmarks.md).
  const stored = await crosswalkPairs(db, spec.from, spec.to, { ordered: false });
  if (stored.length === want.size && stored.every((p) => want.has(sameKey(pairCodes(p)))))
    return { status: 'unchanged', from: spec.from, to: spec.to, pairs: pairs.length };
  const present = new Set(
    (
      await db
        .select({ code: frameworks.code })
        .from(frameworks)
        .where(inArray(frameworks.code, [spec.from, spec.to]))
    ).map((f) => f.code),
  );
  const missing = [spec.from, spec.to].filter((c) => !present.has(c));
  if (missing.length) {
    log?.warn(
      { file: path.basename(spec.file), missing, pairs: pairs.length },
      `crosswalk ${spec.from} → ${spec.to} not loaded: no framework ${missing.join(', ')} yet; its pairs are skipped`,
    );
    return { status: 'skipped', from: spec.from, to: spec.to, missing };
  }
  const body: PutCrosswalkBody = { from: spec.from, to: spec.to, pairs };
  try {
    await db.transaction((tx) => writeCrosswalk(tx, body));
  } catch (e) {
    if (!(e instanceof AppError) || !e.issues) throw e;
    const issues = e.issues;
    // pairs.N.field → the file's row N + 2 (after the header) and column, so the message points into the file.
    const column: Record<string, string> = { from: spec.fromColumn, to: spec.toColumn };
    const where = issues.map((i) => {
      const m = /^pairs\.(\d+)(?:\.(\w+))?$/.exec(i.path);
      const at = m ? `row ${Number(m[1]) + 2}${m[2] ? `, ${column[m[2]] ?? m[2]}` : ''}` : i.path;
      return `${at}: ${i.message}`;
    });
    throw new Error(`${path.basename(spec.file)}: ${where.join('; ')}`);
  }
  log?.info(
    { file: path.basename(spec.file), pairs: pairs.length },
    `crosswalk ${spec.from} → ${spec.to} loaded from its reviewed file`,
  );
  return { status: 'loaded', from: spec.from, to: spec.to, pairs: pairs.length };
}

/** Every shipped crosswalk, after the rounds it links were loaded. */
export async function loadCrosswalks(db: Db, log?: Log): Promise<CrosswalkLoad[]> {
  const out: CrosswalkLoad[] = [];
  for (const spec of TRACSS_CROSSWALKS) out.push(await loadCrosswalk(db, spec, log));
  return out;
}
