import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { prepareDatabase } from '../db/bootstrap';
import { openDatabase } from '../db/client';
import { AppError } from '../lib/errors';
import { createUser } from '../modules/users/service';

const USAGE = `Usage: npm run create-admin -- [--email EMAIL] [--name "Display name"]

Creates an administrator in the database the server uses (DATABASE_URL, else the PGlite folder
PGLITE_DATA_DIR), from the same variables as the server's first start: ADMIN_EMAIL (or --email) and
ADMIN_PASSWORD (NAP_ADMIN_PASSWORD, its former name here, still works), or else the password from the
first line of standard input. A password is never a command-line argument, which other users of the
machine could see:

  ADMIN_EMAIL=admin@ministry.example ADMIN_PASSWORD='…' npm run create-admin
  printf '%s\\n' "$PASSWORD" | npm run create-admin -- --email admin@ministry.example`;

async function readStdinLine(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password (input is shown; prefer ADMIN_PASSWORD): ');
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
  // The same variables as the server's first start (ADMIN_EMAIL and ADMIN_PASSWORD, checked together
  // by the configuration); --email names another address.
  const config = loadConfig();
  const email = values.email ?? config.ADMIN_EMAIL;
  if (values.help || !email) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const password = config.ADMIN_PASSWORD || process.env.NAP_ADMIN_PASSWORD || (await readStdinLine());
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
        email,
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
