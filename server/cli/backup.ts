import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { backup, defaultBackupFile, kindOf } from '../db/backup';

const USAGE = `Usage: npm run backup -- [--out FILE]

Backs up the database the server uses (DATABASE_URL, else the PGlite folder PGLITE_DATA_DIR):
  PGlite    the data folder as a tarball (FILE.pglite.tar.gz). Stop the server first: the
            embedded database belongs to one process at a time.
  Postgres  pg_dump's custom format (FILE.pgdump), while the servers run. The client tools come
            from PG_BIN_DIR, else the newest /usr/lib/postgresql/<version>/bin, else PATH.
Default FILE: backups/nap-tracker-<date>-<time>.<kind>. Restore with \`npm run restore -- FILE\`.`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { out: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const config = loadConfig();
  const target = { databaseUrl: config.DATABASE_URL, pgliteDataDir: config.PGLITE_DATA_DIR };
  try {
    await backup(target, values.out ?? defaultBackupFile(kindOf(target)), { info: (m) => console.log(m) });
    return 0;
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    return 1;
  }
}

process.exitCode = await main();
