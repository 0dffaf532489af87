import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** Node on a script: built JavaScript as it is (as `npm start` runs dist/server), TypeScript through tsx. */
export function node(script: string, env: Record<string, string>): ChildProcess {
  const args = /\.m?js$/.test(script) ? [script] : ['--import', 'tsx', script];
  return spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** Ends a child we started (by its pid) and waits for it to exit, SIGKILL after 10 s. */
export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** The first JSON line a child prints on stdout. */
export function firstJsonLine<T>(child: ChildProcess, timeoutMs = 120_000): Promise<T> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`child timed out:\n${err.slice(-2000)}`)), timeoutMs);
    child.stderr?.on('data', (d) => {
      err += d;
    });
    child.stdout?.on('data', (d) => {
      out += d;
      const nl = out.indexOf('\n');
      if (nl >= 0) {
        clearTimeout(timer);
        try {
          resolve(JSON.parse(out.slice(0, nl)) as T);
        } catch (e) {
          reject(e);
        }
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`child exited (${code}) before answering:\n${err.slice(-2000)}`));
    });
  });
}

/**
 * Spawns a server and measures the time from spawn until GET /api/ready answers 200 (polled every
 * 10 ms, on 127.0.0.1 only), then stops it. Bounded by timeoutMs.
 */
export async function timeToReady(script: string, env: Record<string, string>, timeoutMs = 120_000) {
  const port = await freePort();
  const t0 = performance.now();
  const child = node(script, { ...env, PORT: String(port), HOST: '127.0.0.1' });
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  child.stdout?.resume();
  try {
    while (performance.now() - t0 < timeoutMs) {
      if (child.exitCode !== null)
        throw new Error(`${script} exited (${child.exitCode}):\n${stderr.slice(-2000)}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/ready`);
        if (res.status === 200) return performance.now() - t0;
      } catch {
        // not listening yet
      }
      await sleep(10);
    }
    throw new Error(`${script} not ready after ${timeoutMs} ms:\n${stderr.slice(-2000)}`);
  } finally {
    await stop(child);
  }
}
