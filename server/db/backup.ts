import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { open, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { LOCK_FILE, lockDataDir } from './data-dir-lock';
import { createPglite } from './pglite';

/**
 * Backups of either database, each in its own native form:
 * - PGlite: the data folder as PGlite's own tarball (dumpDataDir), taken while no server has the
 *   folder open (the folder's lock is held meanwhile), restored with loadDataDir into a new folder.
 * - Postgres: pg_dump's custom format, restored by pg_restore into the same database in one
 *   transaction after dropping the application's schemas, so that the result is exactly the backup
 *   (tables a later migration added disappear too; the server migrates again on its next start).
 * A backup restores into the same kind of database only; the file's first bytes say which it is.
 */
export type BackupKind = 'pglite' | 'postgres';

export interface Target {
  databaseUrl?: string | undefined;
  pgliteDataDir: string;
}

export interface Log {
  info(msg: string): void;
}

/** Schemas the application owns: drizzle's migration journal and the tables. */
const APP_SCHEMAS = ['public', 'drizzle'];

export const kindOf = (t: Target): BackupKind => (t.databaseUrl ? 'postgres' : 'pglite');

export function defaultBackupFile(kind: BackupKind, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return path.join('backups', `nap-tracker-${stamp}.${kind === 'pglite' ? 'pglite.tar.gz' : 'pgdump'}`);
}

/** The kind of database a backup file holds, from its first bytes (gzip, or pg_dump's "PGDMP"). */
export async function backupKindOf(file: string): Promise<BackupKind | null> {
  const fh = await open(file, 'r');
  try {
    const { buffer } = await fh.read(Buffer.alloc(5), 0, 5, 0);
    if (buffer[0] === 0x1f && buffer[1] === 0x8b) return 'pglite';
    if (buffer.toString('latin1') === 'PGDMP') return 'postgres';
    return null;
  } finally {
    await fh.close();
  }
}

export async function backup(
  target: Target,
  file: string,
  log?: Log,
): Promise<{ kind: BackupKind; bytes: number }> {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const kind = kindOf(target);
  if (kind === 'pglite') {
    const dir = target.pgliteDataDir;
    if (!existsSync(path.join(dir, 'PG_VERSION'))) throw new Error(`No PGlite database in ${dir}`);
    const release = lockDataDir(dir, warnTo(log));
    try {
      const pg = await createPglite(dir);
      try {
        // A checkpoint first, so that the copied files hold every committed change.
        await pg.exec('checkpoint');
        const dump = await pg.dumpDataDir('gzip');
        await writeFile(file, Buffer.from(await dump.arrayBuffer()));
      } finally {
        await pg.close();
      }
    } finally {
      release();
    }
  } else {
    await runPg('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`], target);
  }
  const bytes = (await readFile(file)).length;
  log?.info(`${kind} backup written to ${file} (${(bytes / 1024 / 1024).toFixed(1)} MB)`);
  return { kind, bytes };
}

export async function restore(target: Target, file: string, opts: { force?: boolean; log?: Log } = {}) {
  const kind = kindOf(target);
  const fileKind = await backupKindOf(file);
  if (fileKind === null)
    throw new Error(`${file} is not a NAP Tracker backup (PGlite tarball or pg_dump file)`);
  if (fileKind !== kind) {
    throw new Error(
      `${file} is a ${fileKind} backup, but the configured database is ${kind} ` +
        `(${kind === 'postgres' ? 'DATABASE_URL is set' : 'DATABASE_URL is unset'}): restore it into the same kind.`,
    );
  }
  if (kind === 'pglite') await restorePglite(target.pgliteDataDir, file, opts.log);
  else await restorePostgres(target, file, opts);
}

/**
 * Restores into a new folder; an existing one is kept beside it (`<folder>.before-restore-<time>`),
 * never deleted. Its lock is taken first, so a running server makes the restore refuse.
 */
async function restorePglite(dir: string, file: string, log?: Log) {
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    const release = lockDataDir(dir, warnTo(log));
    release();
    const aside = `${dir}.before-restore-${new Date().toISOString().replace(/[-:.]/g, '').slice(0, 15)}`;
    renameSync(dir, aside);
    log?.info(`the previous data folder is kept as ${aside} (delete it once the restore is checked)`);
  }
  mkdirSync(dir, { recursive: true });
  const release = lockDataDir(dir, warnTo(log));
  try {
    const pg = await createPglite(dir, { loadDataDir: new Blob([await readFile(file)]) });
    await pg.query('select 1');
    await pg.close();
  } catch (err) {
    release();
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  // The tarball holds the lock of the process that made the backup, now over ours: drop it, or the
  // next start would report taking over a stale lock.
  rmSync(path.join(dir, LOCK_FILE), { force: true });
  release();
  log?.info(`PGlite data folder ${dir} restored from ${file}`);
}

async function restorePostgres(target: Target, file: string, opts: { force?: boolean; log?: Log }) {
  const others = await psqlScalar(
    target,
    "select count(*) from pg_stat_activity where datname = current_database() and application_name = 'nap-tracker'",
  );
  if (Number(others) > 0 && !opts.force) {
    throw new Error(
      `${others} connection(s) of a running NAP Tracker server are open to this database: stop the servers ` +
        'first (or pass --force to restore under them).',
    );
  }
  // pg_restore turns the backup into SQL, streamed into psql after the drop: ONE transaction, so a
  // failed restore leaves the database as it was.
  const preamble = `${APP_SCHEMAS.map((s) => `drop schema if exists ${s} cascade;`).join('\n')}\ncreate schema public;\n`;
  const psql = spawnPg(
    'psql',
    ['--no-psqlrc', '--quiet', '--single-transaction', '-v', 'ON_ERROR_STOP=1'],
    target,
  );
  const script = spawn(pgTool('pg_restore'), ['--no-owner', '--no-privileges', '--file=-', file], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  psql.stdin?.write(preamble);
  // psql commits when its input ends: end it only once pg_restore has written the whole backup;
  // if pg_restore fails, psql is stopped before that and the transaction is rolled back.
  script.stdout?.pipe(psql.stdin as NodeJS.WritableStream, { end: false });
  // When psql stops first (an SQL error), its exit status says why: stop pg_restore too.
  psql.stdin?.on('error', () => {});
  const restored = collect(psql, 'psql', { stdin: false });
  restored.catch(() => script.kill('SIGTERM'));
  try {
    await collect(script, 'pg_restore', { stdout: false });
  } catch (err) {
    if (psql.exitCode === null) {
      psql.kill('SIGTERM');
      await restored.catch(() => {});
      throw err;
    }
    throw (
      (await restored.then(
        () => null,
        (e: unknown) => e,
      )) ?? err
    );
  }
  psql.stdin?.end();
  await restored;
  opts.log?.info(`Postgres database restored from ${file}`);
}

function warnTo(log?: Log) {
  return log ? { warn: (_fields: object, msg: string) => log.info(msg) } : undefined;
}

/** The Postgres client tools: PG_BIN_DIR, else the newest /usr/lib/postgresql/<n>/bin, else PATH. */
export function pgTool(name: string): string {
  if (process.env.PG_BIN_DIR) return path.join(process.env.PG_BIN_DIR, name);
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const versions = readdirSync(base)
      .filter((v) => /^\d+$/.test(v) && existsSync(path.join(base, v, 'bin', name)))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(base, versions[0], 'bin', name);
  }
  return name;
}

/**
 * The connection for libpq tools from DATABASE_URL, the password in PGPASSWORD rather than on the
 * command line (where other users of the machine could read it).
 */
export function libpqConnection(databaseUrl: string): { uri: string; env: NodeJS.ProcessEnv } {
  const u = new URL(databaseUrl);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  u.password = '';
  return { uri: u.toString(), env };
}

/** A libpq tool connected to the target database (libpq takes a URI wherever it takes a name). */
function spawnPg(tool: string, args: string[], target: Target) {
  if (!target.databaseUrl) throw new Error('DATABASE_URL is required for Postgres tools');
  const { uri, env } = libpqConnection(target.databaseUrl);
  return spawn(pgTool(tool), [...args, `--dbname=${uri}`], { env, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** Waits for a tool; its stdout is collected unless piped elsewhere, its stdin ended unless piped. */
function collect(
  child: ReturnType<typeof spawn>,
  tool: string,
  io: { stdin?: Buffer | false; stdout?: false } = {},
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const out: Buffer[] = [];
    let err = '';
    if (io.stdout !== false) child.stdout?.on('data', (d: Buffer) => out.push(d));
    child.stderr?.on('data', (d: Buffer) => {
      err += d;
    });
    child.once('error', (e) => reject(new Error(`${tool}: ${e.message} (set PG_BIN_DIR to its folder)`)));
    child.once('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out));
      else reject(new Error(`${tool} failed (exit ${code}): ${err.trim().slice(-2000)}`));
    });
    if (io.stdin !== false) child.stdin?.end(io.stdin);
  });
}

async function runPg(tool: string, args: string[], target: Target) {
  await collect(spawnPg(tool, args, target), tool);
}

const capturePg = (tool: string, args: string[], target: Target) =>
  collect(spawnPg(tool, args, target), tool);

async function psqlScalar(target: Target, query: string): Promise<string> {
  const out = await capturePg('psql', ['--no-psqlrc', '--tuples-only', '--no-align', '-c', query], target);
  return out.toString().trim();
}
