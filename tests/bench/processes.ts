import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
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

/**
 * The built server (`node dist/server/index.js`, built first if stale) on a PGlite folder: started, asked
 * for each URL twice (the second from its cache), and its peak resident memory read from the kernel
 * (VmHWM: the highest RSS the process ever had, start-up included), then stopped.
 */
export async function serverPeakRss(pgliteDataDir: string, urls: string[]): Promise<{ peakMb: number }> {
  const built = spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('server build failed');
  const port = await freePort();
  const child = node('dist/server/index.js', {
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'error',
    DATABASE_URL: '',
    PGLITE_DATA_DIR: pgliteDataDir,
  });
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  child.stdout?.resume();
  try {
    const base = `http://127.0.0.1:${port}`;
    const t0 = performance.now();
    for (;;) {
      if (child.exitCode !== null)
        throw new Error(`server exited (${child.exitCode}):\n${stderr.slice(-2000)}`);
      if (performance.now() - t0 > 300_000) throw new Error(`server not ready:\n${stderr.slice(-2000)}`);
      const ok = await fetch(`${base}/api/ready`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) break;
      await sleep(50);
    }
    for (const url of urls)
      for (let i = 0; i < 2; i++) {
        const res = await fetch(base + url);
        if (res.status !== 200) throw new Error(`${url}: ${res.status} ${await res.text()}`);
        await res.arrayBuffer();
      }
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const kb = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1]);
    if (!Number.isFinite(kb)) throw new Error('no VmHWM in /proc/<pid>/status');
    return { peakMb: kb / 1024 };
  } finally {
    await stop(child);
  }
}
