import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { prepareDatabase } from '../db/bootstrap';
import { openDatabase } from '../db/client';
import { AppError } from '../lib/errors';
import { createUser } from '../modules/users/service';

const USAGE = `Usage: npm run create-admin -- --email EMAIL [--name "Display name"]

Creates an administrator in the database the server uses (DATABASE_URL, else the PGlite folder
PGLITE_DATA_DIR). The password is read from the environment variable NAP_ADMIN_PASSWORD, or else
from the first line of standard input (it is never a command-line argument, which other users of
the machine could see):

  NAP_ADMIN_PASSWORD='…' npm run create-admin -- --email admin@ministry.example
  printf '%s\\n' "$PASSWORD" | npm run create-admin -- --email admin@ministry.example`;

async function readStdinLine(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password (input is shown; prefer NAP_ADMIN_PASSWORD): ');
  let data = '';
  for await (const chunk of process.stdin) {
    data += chunk;
    if (data.includes('\n')) break;
  }
  return data.split(/\r?\n/)[0] ?? '';
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      name: { type: 'string', default: 'Administrator' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help || !values.email) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const password = process.env.NAP_ADMIN_PASSWORD || (await readStdinLine());
  const config = loadConfig();
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    pgliteDataDir: config.PGLITE_DATA_DIR,
  });
  try {
    await prepareDatabase(database, { loadReferenceData: config.LOAD_REFERENCE_DATA });
    const user = await createUser(
      { db: database.db, now: () => new Date() },
      null,
      {
        email: values.email,
        displayName: values.name,
        password,
        roles: [{ role: 'admin', country: null, sectors: [] }],
      },
      { system: true },
    );
    console.log(`Administrator ${user.email} created (id ${user.id}).`);
    return 0;
  } catch (e) {
    if (e instanceof AppError) {
      console.error(e.message);
      return 1;
    }
    throw e;
  } finally {
    await database.close();
  }
}

process.exitCode = await main();
