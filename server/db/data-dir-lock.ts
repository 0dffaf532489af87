import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Who holds a PGlite data folder. Besides the pid, the lock records the process's start time (in
 * clock ticks since boot, /proc/<pid>/stat) and the boot id, so that a pid reused by another
 * process, a lock left from before a reboot or a container restart (where the server was PID 1 and
 * PID 1 is now something else, or this very process) is recognised as stale rather than obeyed.
 */
export interface LockOwner {
  pid: number;
  /** /proc/<pid>/stat starttime; absent off Linux. */
  start?: string;
  /** /proc/sys/kernel/random/boot_id; absent off Linux. */
  boot?: string;
  host?: string;
}

export interface LockLog {
  warn(fields: object, msg: string): void;
}

export const LOCK_FILE = 'nap-tracker.lock';

/** Lock files this process holds: a lock naming our pid that is not among them is a previous life's. */
const held = new Set<string>();

function readProc(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** State and start time of a live pid from /proc, null when there is no such process (or no /proc). */
function procStat(pid: number): { state: string; start: string } | null {
  const stat = readProc(`/proc/${pid}/stat`);
  if (stat === null) return null;
  // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { state: fields[0] ?? '', start: fields[19] ?? '' };
}

const hasProc = () => readProc('/proc/self/stat') !== null;
const bootId = () => readProc('/proc/sys/kernel/random/boot_id')?.trim();

export function currentOwner(): LockOwner {
  const start = procStat(process.pid)?.start;
  const boot = bootId();
  return { pid: process.pid, ...(start ? { start } : {}), ...(boot ? { boot } : {}), host: os.hostname() };
}

function parseOwner(text: string): LockOwner | null {
  const trimmed = text.trim();
  // Locks written before the start time was recorded hold the bare pid.
  if (/^\d+$/.test(trimmed)) return { pid: Number(trimmed) };
  try {
    const o = JSON.parse(trimmed) as LockOwner;
    return Number.isInteger(o.pid) && o.pid > 0 ? o : null;
  } catch {
    return null;
  }
}

/** Why the recorded owner cannot be holding the folder now, or null when it may be. */
export function staleReason(owner: LockOwner | null, file?: string): string | null {
  if (!owner) return 'unreadable lock file';
  if (owner.pid === process.pid) {
    return file && held.has(file) ? null : 'it names this process (a restart that reused the pid)';
  }
  if (hasProc()) {
    if (owner.boot && owner.boot !== bootId()) return 'written before the machine restarted';
    const stat = procStat(owner.pid);
    if (!stat) return 'its process has ended';
    // A killed process stays a zombie until its parent collects it: it holds nothing any more.
    if (stat.state === 'Z' || stat.state === 'X') return 'its process has ended (not yet reaped)';
    if (owner.start) {
      return owner.start === stat.start ? null : 'its pid now belongs to another process';
    }
    // An old-style lock (pid only): only a Node process can be a server of ours.
    const argv0 = readProc(`/proc/${owner.pid}/cmdline`)?.split('\0')[0] ?? '';
    return /node/i.test(path.basename(argv0))
      ? null
      : `its pid now belongs to ${path.basename(argv0) || 'another process'}`;
  }
  try {
    process.kill(owner.pid, 0);
    return null;
  } catch (err) {
    // EPERM: the process exists under another user, so it may well be a server.
    return (err as NodeJS.ErrnoException).code === 'ESRCH' ? 'its process has ended' : null;
  }
}

/**
 * PGlite is one process's database: a second process opening the same folder would corrupt it.
 * Takes the folder's lock file or refuses with a clear message; a stale lock (see staleReason) is
 * taken over and logged. Returns the release function.
 */
export function lockDataDir(dir: string, log?: LockLog): () => void {
  const file = path.join(dir, LOCK_FILE);
  const mine = JSON.stringify(currentOwner());
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(file, mine, { flag: 'wx' });
      held.add(file);
      return () => {
        held.delete(file);
        if (readProc(file) === mine) rmSync(file, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const text = readProc(file);
    if (text === null) continue; // released meanwhile: try again
    const owner = parseOwner(text);
    const reason = staleReason(owner, file);
    if (reason === null) {
      throw new Error(
        `The data folder ${dir} is in use by process ${owner?.pid} (a running server?). Stop it first, ` +
          'or set DATABASE_URL to use a Postgres server that several processes can share.',
      );
    }
    // Move the stale lock aside under a name of our own: of two processes starting together, only
    // one can move it; the other finds the new lock on its next attempt.
    const aside = `${file}.stale-${process.pid}`;
    try {
      renameSync(file, aside);
    } catch {
      continue;
    }
    if (readProc(aside) !== text) {
      renameSync(aside, file); // someone else's fresh lock: put it back and look again
      continue;
    }
    rmSync(aside, { force: true });
    log?.warn({ dir, previousOwner: owner, reason }, `stale lock of the data folder taken over: ${reason}`);
  }
  throw new Error(`Could not take the lock of the data folder ${dir}: another process is starting on it.`);
}
