/**
 * Bulk insert of ~100k values into indicator_values (its primary key, indexes, checks and foreign
 * keys in place): psql \copy (the floor) vs postgres.js COPY vs multi-row INSERT vs drizzle batch
 * insert vs the importers' insertValues, each into its own fresh framework and in one transaction
 * (all or nothing). The data is generated before the clock starts. psql and the importer run twice
 * each, in turns (psql, importer, the others, psql, importer), each after a CHECKPOINT; the budget
 * sets the faster of each pair against the other.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import postgres from 'postgres';
import type { Database } from '../../server/db/client';
import { indicatorValues } from '../../server/db/schema';
import { insertValues } from '../../server/modules/values/bulk-insert-repository';
import { allowPublishedWrite } from '../../server/modules/visibility/published-write-repository';
import {
  copyChunks,
  copyValuesPostgres,
  insertFramework,
  type LoadedFramework,
  PUBLISHED_WRITE,
  SEED,
} from './dataset';
import { generateFramework, generateValues, VALUE_COLUMNS } from './generator';
import { type Row, row } from './report';

const run = promisify(execFile);
const BATCH = 1000;

function objects(f: LoadedFramework, countries: string[], seed: number) {
  return [...generateValues(f.fw, countries, seed)].map((v) => ({
    countryIso3: v.country,
    indicatorId: f.indicatorIds[v.indicator] as number,
    periodId: f.periodIds[v.period] as number,
    status: v.status,
    level: v.level,
    numericValue: v.numericValue,
    numerator: v.numerator,
    denominator: v.denominator,
    textValue: v.textValue,
  }));
}

async function timed(fn: () => Promise<unknown>) {
  const t = performance.now();
  await fn();
  return (performance.now() - t) / 1000;
}

export async function benchBulkInsert(opts: {
  url: string;
  database: Database;
  countries: string[];
  log: (s: string) => void;
}): Promise<Row[]> {
  const fws: LoadedFramework[] = [];
  for (let i = 1; i <= 7; i++) {
    const fw = generateFramework({ code: `bench-insert-${i}`, indicators: 52, levelIndicators: 7 });
    fws.push(await insertFramework(opts.database, fw));
  }
  const [fCopy, fJsCopy, fInsert, fDrizzle, fCopyAgain, fImporter, fImporterAgain] = fws as [
    LoadedFramework,
    LoadedFramework,
    LoadedFramework,
    LoadedFramework,
    LoadedFramework,
    LoadedFramework,
    LoadedFramework,
  ];
  const n = opts.countries.length * 52 * 10;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nap-bench-copy-'));
  const client = postgres(opts.url, { max: 1, onnotice: () => {} });
  try {
    // Floor: psql \copy from a file (the client-side COPY every Postgres user has), run before and
    // after the others (the table grows by 100k rows per method): the faster of the two is the floor.
    const u = new URL(opts.url);
    const psqlCopy = async (f: LoadedFramework, seed: number) => {
      const file = path.join(dir, `values-${seed}.tsv`);
      writeFileSync(file, [...copyChunks(f, opts.countries, seed)].join(''));
      opts.log('  psql \\copy');
      await client`checkpoint`;
      return timed(() =>
        run('psql', [
          // Published data: the session is an import's (see PUBLISHED_WRITE).
          '-c',
          PUBLISHED_WRITE,
          '-h',
          u.hostname,
          '-U',
          'postgres',
          '-d',
          u.pathname.slice(1),
          '-v',
          'ON_ERROR_STOP=1',
          '-c',
          `\\copy indicator_values (${VALUE_COLUMNS.join(', ')}) from '${file}'`,
        ]),
      );
    };
    // The importer's write path (TrACSS workbook and round imports): one COPY on the import's
    // transaction, after the file is parsed. Measured as the floor is: twice, once right after each
    // psql \copy, each after a CHECKPOINT (so that none starts in the middle of one, paying its full-page
    // writes), the faster of the two against the faster of psql's. On this shared machine one sample
    // of either moved by up to a third between runs of the same code (docs/benchmarks.md).
    const importer = async (f: LoadedFramework, seed: number) => {
      const rows = objects(f, opts.countries, seed);
      opts.log('  importer write path (insertValues)');
      await client`checkpoint`;
      return timed(() =>
        opts.database.db.transaction(async (tx) => {
          await allowPublishedWrite(tx);
          await insertValues(tx, rows);
        }),
      );
    };
    const psqlFirstS = await psqlCopy(fCopy, SEED + 100);
    const importerFirstS = await importer(fImporter, SEED + 105);

    const chunks = [...copyChunks(fJsCopy, opts.countries, SEED + 101)];
    opts.log('  postgres.js COPY');
    const jsCopyS = await timed(() => copyValuesPostgres(client, chunks));

    const rowsInsert = objects(fInsert, opts.countries, SEED + 102);
    opts.log('  multi-row INSERT');
    await client.unsafe(PUBLISHED_WRITE);
    const insertS = await timed(() =>
      client.begin(async (tx) => {
        for (let i = 0; i < rowsInsert.length; i += BATCH) {
          const batch = rowsInsert.slice(i, i + BATCH).map((r) => ({
            country_iso3: r.countryIso3,
            indicator_id: r.indicatorId,
            period_id: r.periodId,
            status: r.status,
            level: r.level,
            numeric_value: r.numericValue,
            numerator: r.numerator,
            denominator: r.denominator,
            text_value: r.textValue,
          }));
          await tx`insert into indicator_values ${tx(batch, ...VALUE_COLUMNS)}`;
        }
      }),
    );

    const rowsDrizzle = objects(fDrizzle, opts.countries, SEED + 103);
    opts.log('  drizzle batch insert');
    const drizzleS = await timed(() =>
      opts.database.db.transaction(async (tx) => {
        await allowPublishedWrite(tx);
        for (let i = 0; i < rowsDrizzle.length; i += BATCH) {
          await tx.insert(indicatorValues).values(rowsDrizzle.slice(i, i + BATCH));
        }
      }),
    );

    const psqlSecondS = await psqlCopy(fCopyAgain, SEED + 104);
    const importerSecondS = await importer(fImporterAgain, SEED + 106);
    const psqlS = Math.min(psqlFirstS, psqlSecondS);
    const importerS = Math.min(importerFirstS, importerSecondS);
    const floor = { name: 'psql \\copy (best of 2)', value: n / psqlS };
    const s = `Bulk insert ${n.toLocaleString('en-US')} values`;
    const importBudget = { ratioMin: 0.9 };
    return [
      row(s, 'psql \\copy (best of 2: before and after the others)', floor.value, 'rows/s', null),
      row(s, 'psql \\copy, first', n / psqlFirstS, 'rows/s', null),
      row(s, 'psql \\copy, second', n / psqlSecondS, 'rows/s', null),
      row(s, 'postgres.js COPY', n / jsCopyS, 'rows/s', floor, null),
      row(s, `multi-row INSERT (${BATCH}/stmt, 1 tx)`, n / insertS, 'rows/s', floor, null),
      row(s, `drizzle batch insert (${BATCH}/stmt, 1 tx)`, n / drizzleS, 'rows/s', floor, null),
      row(
        s,
        "importer: insertValues (1 COPY in the import's tx; best of 2, each after psql's)",
        n / importerS,
        'rows/s',
        floor,
        importBudget,
      ),
      row(s, 'importer: insertValues, first', n / importerFirstS, 'rows/s', floor, null),
      row(s, 'importer: insertValues, second', n / importerSecondS, 'rows/s', floor, null),
    ];
  } finally {
    await client.end();
    rmSync(dir, { recursive: true, force: true });
  }
}
