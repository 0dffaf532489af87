import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCK_FILE, lockDataDir } from '../../server/db/data-dir-lock';

// The lock reads /proc to tell a live owner from a stale lock; these cases are Linux's.
const linux = existsSync('/proc/self/stat');

const dirs: string[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function dataDir(lock?: string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nap-lock-'));
  dirs.push(dir);
  if (lock !== undefined) writeFileSync(path.join(dir, LOCK_FILE), lock);
  return dir;
}

function capture() {
  const warnings: { fields: Record<string, unknown>; msg: string }[] = [];
  return {
    warnings,
    log: { warn: (fields: object, msg: string) => warnings.push({ fields: fields as never, msg }) },
  };
}

/** The start time /proc gives a pid (what a lock records). */
function startOf(pid: number): string {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] as string;
}

function run(cmd: string, args: string[]): ChildProcess {
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'ignore'] });
  children.push(child);
  return child;
}

/** Waits (up to 30 s: a loaded machine) until `read` gives what `want` accepts. */
async function until<T>(read: () => T, want: (v: T) => boolean, what: string) {
  for (let i = 0; i < 3000; i++) {
    if (want(read())) return;
    await sleep(10);
  }
  throw new Error(`${what} never happened`);
}

function procFile(pid: number, file: string): string | null {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return null;
  }
}

/** A process's state letter (R, S, Z …), null once it is gone. */
function stateOf(pid: number): string | null {
  const stat = procFile(pid, 'stat');
  return stat === null ? null : (stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0] ?? null);
}

const untilState = (pid: number, want: (s: string | null) => boolean) =>
  until(() => stateOf(pid), want, `process ${pid} reaching the expected state`);

describe.runIf(linux)('the PGlite data folder lock', () => {
  it('records this process and removes its lock on release', () => {
    const dir = dataDir();
    const release = lockDataDir(dir);
    const lock = JSON.parse(readFileSync(path.join(dir, LOCK_FILE), 'utf8'));
    expect(lock.pid).toBe(process.pid);
    expect(lock.start).toBe(startOf(process.pid));
    release();
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });

  it('refuses a second lock of a folder this process already holds', () => {
    const dir = dataDir();
    const release = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(new RegExp(`in use by process ${process.pid}`));
    release();
    lockDataDir(dir)();
  });

  it('refuses a folder held by a live server process', async () => {
    const server = run(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    const pid = server.pid as number;
    await untilState(pid, (s) => s !== null);
    const dir = dataDir(JSON.stringify({ pid, start: startOf(pid) }));
    expect(() => lockDataDir(dir)).toThrow(new RegExp(`in use by process ${pid}`));
    // An old-style lock (the bare pid) of a live Node process is obeyed too.
    expect(() => lockDataDir(dataDir(String(pid)))).toThrow(/in use/);
  });

  it('takes over the lock of a process that has ended, with a log line', async () => {
    const dead = run(process.execPath, ['-e', '']);
    const pid = dead.pid as number;
    await new Promise((r) => dead.once('exit', r));
    await untilState(pid, (s) => s === null);
    const dir = dataDir(JSON.stringify({ pid, start: '1' }));
    const { log, warnings } = capture();
    const release = lockDataDir(dir, log);
    expect(JSON.parse(readFileSync(path.join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.msg).toMatch(/stale lock .* taken over: its process has ended/);
    expect(warnings[0]?.fields.previousOwner).toMatchObject({ pid });
    release();
  });

  it('takes over the lock of a killed process its parent has not collected yet (a zombie)', async () => {
    // sh starts a child, then becomes `sleep`, which never collects it: once killed, the child is a
    // zombie — what a server killed with -9 is until its parent reaps it.
    const parent = run('sh', ['-c', 'sleep 60 & echo $!; exec sleep 60']);
    const pid = Number(await new Promise<string>((r) => parent.stdout?.once('data', (d) => r(String(d)))));
    // Only once the shell has become `sleep`: a shell still running could reap its killed child (on a
    // loaded machine it may not have reached its `exec` yet when the child's pid is printed).
    await until(
      () => procFile(parent.pid as number, 'comm')?.trim(),
      (comm) => comm === 'sleep',
      'the shell becoming sleep',
    );
    const start = startOf(pid);
    process.kill(pid, 'SIGKILL');
    await untilState(pid, (s) => s === 'Z');
    const { log, warnings } = capture();
    lockDataDir(dataDir(JSON.stringify({ pid, start })), log)();
    expect(warnings[0]?.msg).toMatch(/not yet reaped/);
  });

  it('takes over a lock whose pid now belongs to another process, such as PID 1', () => {
    const { log, warnings } = capture();
    lockDataDir(dataDir(JSON.stringify({ pid: 1, start: '0' })), log)();
    expect(warnings[0]?.msg).toMatch(/its pid now belongs to another process/);
  });

  it('takes over an old-style lock naming a live process that is not a server', async () => {
    const other = run('sleep', ['60']);
    const pid = other.pid as number;
    await untilState(pid, (s) => s !== null);
    const { log, warnings } = capture();
    lockDataDir(dataDir(String(pid)), log)();
    expect(warnings[0]?.msg).toMatch(/its pid now belongs to sleep/);
  });

  it('takes over a lock naming this very process (a container restarted with the same pid)', () => {
    const { log, warnings } = capture();
    lockDataDir(dataDir(String(process.pid)), log)();
    expect(warnings[0]?.msg).toMatch(/names this process/);
  });

  it('takes over a lock written before the machine restarted', () => {
    const { log, warnings } = capture();
    const lock = { pid: process.ppid, start: startOf(process.ppid), boot: 'another-boot' };
    lockDataDir(dataDir(JSON.stringify(lock)), log)();
    expect(warnings[0]?.msg).toMatch(/before the machine restarted/);
  });
});
