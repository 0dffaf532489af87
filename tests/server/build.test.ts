import { isAscii } from 'node:buffer';
import { type ChildProcess, spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildServer, RUNTIME_PACKAGES, SERVER_ENTRIES } from '../../scripts/build.mjs';

// Inside the project, like dist/server: the packages left outside the bundle resolve from node_modules.
mkdirSync('dist', { recursive: true });
const out = mkdtempSync(path.join(path.resolve('dist'), 'build-test-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the server build', () => {
  it('needs only the dependencies a production install (npm ci --omit=dev) has', async () => {
    const imported = await buildServer(out);
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    // What node resolves at run time: the packages the bundle leaves outside (PGlite reads its
    // WebAssembly next to its code); Fastify and the rest are inside the bundle.
    expect(imported).toContain('@electric-sql/pglite');
    expect(imported).not.toContain('fastify');
    const outside = (p: string) =>
      RUNTIME_PACKAGES.some((r) => (r.endsWith('/*') ? p.startsWith(r.slice(0, -1)) : p === r));
    expect(imported.filter((p) => !outside(p))).toEqual([]);
    const notInstalled = imported.filter((p) => !(p in pkg.dependencies));
    expect(notInstalled).toEqual([]);
    // And the tools of development are not among them.
    for (const dev of ['tsx', 'vite', 'esbuild', 'vitest']) expect(imported).not.toContain(dev);
    // The server's bundle is ASCII, which its loader reads as one-byte text.
    expect(isAscii(readFileSync(path.join(out, 'server.cjs')))).toBe(true);
    for (const entry of Object.keys(SERVER_ENTRIES)) {
      expect(readFileSync(path.join(out, `${entry}.js`), 'utf8').length, entry).toBeGreaterThan(0);
    }
  });

  // The bundle must behave like the sources where packages load parts of themselves at run time
  // (@fastify/cookie imports `cookie` dynamically: bundled, signing in answered 500).
  it('runs: the built server signs in, answers as the signed-in user and serves its API description', async () => {
    const data = mkdtempSync(path.join(os.tmpdir(), 'nap-build-data-'));
    const { server, base, output } = await startBuilt(data, {
      LOAD_REFERENCE_DATA: 'false',
      ADMIN_EMAIL: 'built-admin@example.org',
      ADMIN_PASSWORD: 'a long password for the built server',
      LOG_LEVEL: 'warn',
    });
    try {
      await waitReady(base, server, output);
      const signIn = await fetch(`${base}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          email: 'built-admin@example.org',
          password: 'a long password for the built server',
        }),
      });
      expect(signIn.status, await signIn.clone().text()).toBe(200);
      const cookie = signIn.headers.get('set-cookie')?.split(';')[0];
      expect(cookie).toMatch(/^nap_session=/);
      const me = await fetch(`${base}/api/auth/me`, { headers: { cookie: cookie ?? '' } });
      expect(me.status).toBe(200);
      expect((await me.json()).email).toBe('built-admin@example.org');
      const openapi = await fetch(`${base}/api/openapi.json`);
      expect(openapi.status).toBe(200);
      expect((await openapi.json()).paths['/api/auth/sign-in']).toBeDefined();
    } finally {
      await stop(server);
      rmSync(data, { recursive: true, force: true });
    }
  }, 120_000);

  // A stop asked for while the database is being prepared (a first start's reference load, seconds
  // long) closes it cleanly rather than ending the process where it stands; the next start finishes it.
  it('stops cleanly on SIGTERM while a first start loads the reference data, and the next start completes it', async () => {
    const data = mkdtempSync(path.join(os.tmpdir(), 'nap-build-stop-'));
    const start = async (stopWhen?: string) => {
      const { server, base, output, when } = await startBuilt(data, {
        LOG_LEVEL: 'info',
        LOG_FORMAT: 'json',
      });
      if (stopWhen) {
        await when(stopWhen);
        await stop(server);
        return { output: output(), exitCode: server.exitCode, countries: 0 };
      }
      try {
        await waitReady(base, server, output);
        const countries = (await (await fetch(`${base}/api/countries`)).json()) as { items: unknown[] };
        return { output: output(), exitCode: null, countries: countries.items.length };
      } finally {
        await stop(server);
      }
    };
    try {
      // "database migrated": the app is built and the reference data are being loaded.
      const stopped = await start('"msg":"database migrated"');
      expect(stopped.exitCode, stopped.output).toBe(0);
      expect(stopped.output).toContain('"msg":"shutting down"');
      expect(stopped.output).not.toContain('is serving');
      const next = await start();
      expect(next.countries, next.output).toBeGreaterThan(190);
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  }, 180_000);

  // scripts/server-loader.mjs: the bundle is compiled from V8's code cache when the cache was made for it.
  it('writes a code cache for the next start, compiles from it, and sets a stale one aside', async () => {
    const data = mkdtempSync(path.join(os.tmpdir(), 'nap-build-cache-'));
    const cache = path.join(out, 'server.cjs.cache');
    rmSync(cache, { force: true });
    const start = async () => {
      const { server, base, output } = await startBuilt(data, {
        LOAD_REFERENCE_DATA: 'false',
        LOG_LEVEL: 'info',
        LOG_FORMAT: 'json',
      });
      try {
        await waitReady(base, server, output);
        expect((await fetch(`${base}/api/health`)).status).toBe(200);
      } finally {
        await stop(server);
      }
      expect(server.exitCode, output()).toBe(0);
      const serving = output()
        .split('\n')
        .filter((l) => l.includes('is serving'))
        .map((l) => JSON.parse(l) as { codeCache?: string });
      expect(serving, output()).toHaveLength(1);
      return serving[0]?.codeCache;
    };
    try {
      // A fresh build has none; stopped normally, the process writes one (header + V8's data).
      expect(await start()).toBe('none');
      expect(existsSync(cache)).toBe(true);
      expect(statSync(cache).size).toBeGreaterThan(100_000);
      expect(await start()).toBe('used');
      // The bundle rewritten (another build): the cache is not used, and is made again.
      const bundle = path.join(out, 'server.cjs');
      const later = new Date(statSync(bundle).mtimeMs + 60_000);
      utimesSync(bundle, later, later);
      expect(await start()).toBe('stale');
      expect(await start()).toBe('used');
      // A damaged cache is set aside the same way.
      const bytes = readFileSync(cache);
      writeFileSync(cache, bytes.subarray(0, 3));
      expect(await start()).toBe('stale');
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  }, 180_000);
});

/** The built server (out/index.js) on a PGlite folder, its output collected; `when` resolves at a line of it. */
async function startBuilt(data: string, env: Record<string, string>) {
  const port = await freePort();
  const server = spawn(process.execPath, [path.join(out, 'index.js')], {
    env: {
      ...process.env,
      DATABASE_URL: '',
      PGLITE_DATA_DIR: data,
      HOST: '127.0.0.1',
      PORT: String(port),
      CLIENT_DIST_DIR: path.join(data, 'no-client'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const waiting: { text: string; resolve: () => void }[] = [];
  const onData = (d: Buffer) => {
    output += d;
    for (const w of waiting) if (output.includes(w.text)) w.resolve();
  };
  server.stdout?.on('data', onData);
  server.stderr?.on('data', onData);
  return {
    server,
    base: `http://127.0.0.1:${port}`,
    output: () => output,
    when: (text: string) =>
      new Promise<void>((resolve) => {
        if (output.includes(text)) resolve();
        else waiting.push({ text, resolve });
      }),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitReady(base: string, child: ChildProcess, output: () => string) {
  const until = Date.now() + 90_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the built server exited (${child.exitCode}):\n${output()}`);
    const ready = await fetch(`${base}/api/ready`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the built server did not answer /api/ready:\n${output()}`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
