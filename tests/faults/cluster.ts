import { execFile } from 'node:child_process';
import { chownSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The PostgreSQL 15 binaries of the Debian package (PG_BIN overrides). */
const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

/**
 * A throw-away Postgres cluster in a temporary folder, on its own port, that a fault script may stop
 * and start at will (never the machine's own server). Postgres refuses to run as root: as root, the
 * folder is given to the postgres user and the tools run as that user.
 */
export interface Cluster {
  url: string;
  port: number;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** The end of the server log (to explain a failure). */
  logTail(): string;
  destroy(): Promise<void>;
}

async function postgresIds(): Promise<{ uid: number; gid: number }> {
  const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
  const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
  return { uid, gid };
}

export async function createCluster(port: number): Promise<Cluster> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'nap-fault-pg-'));
  const data = path.join(root, 'data');
  const log = path.join(root, 'server.log');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { uid, gid } = await postgresIds();
    chownSync(root, uid, gid);
  }
  const tool = (name: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', path.join(BIN, name), ...args])
      : run(path.join(BIN, name), args);

  await tool('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync']);
  const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1`;
  const start = async () => {
    await tool('pg_ctl', ['-D', data, '-l', log, '-o', options, '-w', '-t', '60', 'start']);
  };
  const stop = async () => {
    // Fast shutdown: what a restart by systemd or an upgrade does (sessions are terminated, 57P01).
    await tool('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '60', 'stop']);
  };
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start,
    stop,
    logTail: () => {
      try {
        return readFileSync(log, 'utf8').split('\n').slice(-30).join('\n');
      } catch {
        return '';
      }
    },
    destroy: async () => {
      await tool('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => {});
      rmSync(root, { recursive: true, force: true });
    },
  };
}
