import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { restore } from '../db/backup';

const USAGE = `Usage: npm run restore -- FILE [--force]

Replaces the database the server uses (DATABASE_URL, else the PGlite folder PGLITE_DATA_DIR) with a
backup made by \`npm run backup\`, of the same kind. Stop the server(s) first; start them again
afterwards (they migrate a backup from an older version on start).
  PGlite    the backup is loaded into a new data folder; the current one is kept beside it as
            <folder>.before-restore-<time>.
  Postgres  the application's schemas are dropped and the backup loaded in one transaction: a
            failed restore changes nothing. Refused while servers are connected, unless --force.`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [file] = positionals;
  if (values.help || !file) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const config = loadConfig();
  try {
    await restore({ databaseUrl: config.DATABASE_URL, pgliteDataDir: config.PGLITE_DATA_DIR }, file, {
      force: values.force,
      log: { info: (m) => console.log(m) },
    });
    return 0;
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    return 1;
  }
}

process.exitCode = await main();
