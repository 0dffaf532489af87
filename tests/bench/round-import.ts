/**
 * A whole round's import, end to end: the round's file (tests/bench/round-file.ts: 184 countries ×
 * 250 questions, as CSV) POSTed to the admin upload (POST /api/rounds/:code/import through
 * app.inject, signed in as an administrator: multipart, parsing, checks, the write and its triggers)
 * and given to the command line (`node scripts/launch.mjs import tracss …`, what `npm run import`
 * runs: the process start and its database check included), each into a fresh round of the same
 * questions; the floor is psql `\copy` of the same rows into indicator_values (best of 2: before and
 * after the imports), in the same run.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import { buildApp } from '../../server/app';
import type { Database } from '../../server/db/client';
import { indicators, indicatorValues } from '../../server/db/schema';
import { createRound } from '../../server/modules/rounds/service';
import { copyLines } from '../../server/modules/values/bulk-insert-repository';
import { uploadForm } from '../server/support/upload';
import { injectedAdmin } from './client-session';
import { PUBLISHED_WRITE } from './dataset';
import { type Row, row } from './report';
import { ROUND_COUNTRIES, roundBody, roundFile } from './round-file';

const run = promisify(execFile);
const COPY_COLUMNS =
  'country_iso3, indicator_id, period_id, status, level, numeric_value, numerator, denominator, ' +
  'text_value, choices, status_reason, version, updated_at, updated_by';

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, (performance.now() - t) / 1000];
}

export async function benchRoundImport(opts: { url: string; database: Database; log: (s: string) => void }) {
  const { database, url, log } = opts;
  const codes = ['copy-1', 'upload', 'cli', 'copy-2'].map((c) => `bench-tracss-${c}`);
  for (const code of codes) await createRound(database.db, roundBody(code), new Date());
  const { csv, answers } = await roundFile(database, 20_250_101);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nap-bench-round-'));
  const app = await buildApp({ database });
  try {
    await app.ready();
    const session = await injectedAdmin(app, database, 'bench-admin@example.org', 'bench');
    const headers = { cookie: session.cookie, 'x-csrf-token': session.csrf };
    const file = path.join(dir, 'bench-round.csv');
    writeFileSync(file, csv);
    const upload = (code: string, dryRun: boolean) =>
      app.inject({
        method: 'POST',
        url: `/api/rounds/${code}/import`,
        headers,
        payload: uploadForm({ name: 'bench-round.csv', data: csv }, { dryRun: String(dryRun) }),
      });

    const u = new URL(url);
    const psqlCopy = async (code: string) => {
      // The same answers as the import wrote them, for another round of the same questions.
      const target = await database.rows<{ code: string; id: number; period: number }>(sql`
        select i.code, i.id, p.id as period from indicators i join periods p on p.framework_code = i.framework_code
        where i.framework_code = ${code}`);
      const idOf = new Map(target.map((t) => [t.code, t]));
      const rows = await database.db
        .select({ v: indicatorValues, code: indicators.code })
        .from(indicatorValues)
        .innerJoin(indicators, eq(indicators.id, indicatorValues.indicatorId))
        .where(eq(indicators.frameworkCode, codes[1] as string));
      const values = rows.map(({ v, code: c }) => {
        const t = idOf.get(c);
        if (!t) throw new Error(`no question ${c} in ${code}`);
        return { ...v, indicatorId: t.id, periodId: t.period };
      });
      const tsv = path.join(dir, `${code}.tsv`);
      writeFileSync(tsv, [...copyLines(values, new Date())].join(''));
      log(`  psql \\copy ${values.length} rows into ${code}`);
      const [, s] = await timed(() =>
        run('psql', [
          ...['-h', u.hostname, '-U', 'postgres', '-d', u.pathname.slice(1), '-v', 'ON_ERROR_STOP=1'],
          ...['-c', PUBLISHED_WRITE, '-c', `\\copy indicator_values (${COPY_COLUMNS}) from '${tsv}'`],
        ]),
      );
      return s;
    };

    log('  admin upload, dry run (read and check only)');
    const [dry, dryS] = await timed(() => upload(codes[1] as string, true));
    if (dry.statusCode !== 200) throw new Error(`dry run: ${dry.statusCode} ${dry.body.slice(0, 500)}`);
    const n = dry.json().values as number;
    log(`  ${n} answers of ${dry.json().countries} countries (${answers} non-blank cells)`);
    log('  admin upload');
    const [res, uploadS] = await timed(() => upload(codes[1] as string, false));
    if (res.statusCode !== 200 || res.json().values !== n)
      throw new Error(`upload: ${res.statusCode} ${res.body}`);
    const copyFirstS = await psqlCopy(codes[0] as string);

    // The command line as `npm run import` runs it: the built tool (built first, untimed, when stale).
    const built = spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { stdio: 'inherit' });
    if (built.status !== 0) throw new Error('build failed');
    log('  command line import');
    const [cli, cliS] = await timed(() =>
      run(
        process.execPath,
        [
          'scripts/launch.mjs',
          'import',
          'tracss',
          file,
          '--framework',
          codes[2] as string,
          '--period',
          '2030',
        ],
        { env: { ...process.env, DATABASE_URL: url } },
      ),
    );
    if (!cli.stdout.includes(`Imported ${n} answers`)) throw new Error(`cli: ${cli.stdout} ${cli.stderr}`);
    const copyS = Math.min(copyFirstS, await psqlCopy(codes[3] as string));

    const floor = { name: 'psql \\copy of the same rows (best of 2)', value: n / copyS };
    const sec = `Round import (${n.toLocaleString('en-US')} answers: ${ROUND_COUNTRIES} countries × 250 questions, CSV)`;
    const budget = { ratioMin: 0.5 };
    return [
      row(
        sec,
        'psql \\copy of the same rows (best of 2: before and after the imports)',
        floor.value,
        'rows/s',
        null,
      ),
      row(
        sec,
        'admin upload (POST /api/rounds/:code/import), end to end',
        n / uploadS,
        'rows/s',
        floor,
        budget,
      ),
      row(sec, 'admin upload, dry run (read and check the file, no write)', n / dryS, 'rows/s', floor, null),
      row(
        sec,
        'command line (npm run import: process start, database check, import)',
        n / cliS,
        'rows/s',
        floor,
        budget,
      ),
    ] satisfies Row[];
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
