import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { COMPARABILITIES, type ImportMapping, ImportMappingSchema } from '../../shared';
import { loadConfig } from '../config';
import { prepareDatabase } from '../db/bootstrap';
import type { Database } from '../db/client';
import { openDatabase } from '../db/client';
import { TRACSS_2019_2020 } from '../db/reference/tracss-framework';
import { analyzeStale } from '../db/statistics';
import { AppError, parseInput } from '../lib/errors';
import { listPeriods } from '../modules/frameworks/repository';
import { importTracssWorkbook } from '../modules/imports/tracss-import';
import { putCrosswalk } from '../modules/rounds/crosswalk-service';
import { createRound } from '../modules/rounds/service';

const USAGE = `Usage: npm run import -- tracss <file.xlsx|file.csv> [--framework CODE] [--period CODE] [--mapping FILE.json] [--dry-run] [--force]
       npm run import -- round <round.json>

Imports a TrACSS country-responses file as the portal publishes it (.xlsx, or .csv) into the database
the server uses (DATABASE_URL, else the PGlite folder PGLITE_DATA_DIR). Every problem is listed with
its cell and nothing is written unless the whole file is valid; the columns it does not place are
listed with why (ignored on purpose, or a heading without answers).

  --framework  framework code (default ${TRACSS_2019_2020.code}; e.g. tracss-2025)
  --period     period code (default: the framework's only period)
  --mapping    column mapping (JSON: layout, sheet, headerRow, countryColumn, iso3Column, ignoreColumns,
               columns) for this run; by default the round's stored mapping
  --dry-run    check the file and report what would be imported; write nothing
  --force      import even if this exact file was imported before

\`round <round.json>\` creates a TrACSS round (framework, period, questions, mapping) and, when the
file has "crosswalk": { "from": "<earlier round>", "pairs": [...] }, its crosswalk, as
POST /api/rounds and PUT /api/crosswalk do.`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      framework: { type: 'string', default: TRACSS_2019_2020.code },
      period: { type: 'string' },
      mapping: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [kind, file] = positionals;
  if (values.help || (kind !== 'tracss' && kind !== 'round') || !file) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const data = await readFile(file).catch((e: NodeJS.ErrnoException) => {
    console.error(`file: cannot read ${file} (${e.code ?? e.message})`);
    return null;
  });
  if (!data) return 1;
  let mapping: ImportMapping | undefined;
  let round: unknown;
  try {
    if (values.mapping)
      mapping = parseInput(ImportMappingSchema, JSON.parse(await readFile(values.mapping, 'utf8')));
    if (kind === 'round') round = JSON.parse(data.toString('utf8'));
  } catch (e) {
    console.error(
      e instanceof AppError ? `mapping: ${e.message}` : `${values.mapping ?? file}: not valid JSON`,
    );
    return 1;
  }
  const config = loadConfig();
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    pgliteDataDir: config.PGLITE_DATA_DIR,
  });
  try {
    await prepareDatabase(database, { loadReferenceData: config.LOAD_REFERENCE_DATA });
    if (kind === 'round') return await createRoundFromFile(database, round);
    const periods = await listPeriods(database.db, values.framework);
    const periodCode = values.period ?? (periods.length === 1 ? periods[0]?.code : undefined);
    if (!periodCode) {
      console.error(`--period: name the period: ${values.framework} has ${periods.length} periods`);
      return 1;
    }
    const result = await importTracssWorkbook(database, {
      data,
      fileName: path.basename(file),
      frameworkCode: values.framework,
      periodCode,
      dryRun: values['dry-run'],
      force: values.force,
      channel: 'cli',
      ...(mapping ? { mapping } : {}),
    });
    if (result.alreadyImported) {
      console.log(
        `${result.fileName} was already imported for ${result.periodCode}; nothing to do (--force to re-import).`,
      );
    } else {
      const verb = result.dryRun ? 'Would import' : 'Imported';
      console.log(
        `${verb} ${result.values} answers of ${result.countries} countries into ${result.frameworkCode} ${result.periodCode}.`,
      );
      if (result.missingColumns.length) {
        console.log(
          `The file has no column for ${result.missingColumns.length} question(s): ${result.missingColumns.join(', ')}`,
        );
      }
      const why = { ignored: 'ignored on purpose', heading: 'a heading, no answers' };
      if (result.unplacedColumns.length)
        console.log(`Columns not placed (${result.unplacedColumns.length}):`);
      for (const c of result.unplacedColumns)
        console.log(`  ${c.column} ${why[c.reason]}: ${c.header.slice(0, 100)}`);
      // PGlite has no autovacuum: the planner's statistics of what was imported, before the server reads it.
      if (!result.dryRun && database.kind === 'pglite') await analyzeStale(database);
    }
    return 0;
  } catch (e) {
    if (e instanceof AppError) {
      console.error(e.message);
      for (const i of e.issues ?? []) console.error(`  ${i.path}: ${i.message}`);
      return 1;
    }
    throw e;
  } finally {
    await database.close();
  }
}

async function createRoundFromFile(database: Database, input: unknown): Promise<number> {
  const { crosswalk, ...body } = (input ?? {}) as { crosswalk?: { from: string; pairs: unknown[] } };
  const round = await createRound(database.db, body as never, new Date());
  console.log(
    `Created round ${round.code} (${round.questions} questions, period ${round.periods.join(', ')}).`,
  );
  if (crosswalk) {
    const cw = await putCrosswalk(database.db, {
      from: crosswalk.from,
      to: round.code,
      pairs: crosswalk.pairs as never,
    });
    console.log(
      `Crosswalk ${cw.from} → ${cw.to}: ${cw.pairs.length} pair(s): ` +
        COMPARABILITIES.map((c) => `${cw.pairs.filter((p) => p.comparability === c).length} ${c}`).join(
          ', ',
        ) +
        '.',
    );
  }
  return 0;
}

process.exitCode = await main();
