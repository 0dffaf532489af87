import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';

// postgres.js 3.4.9 crashed the process when a transaction's connection died under it: its ROLLBACK
// was written to the socket that close had set to null, from a setImmediate callback no caller can
// catch (porsager/postgres#1208). patches/postgres+3.4.9.patch settles such queries instead.
describe.runIf(process.env.DATABASE_URL)('postgres.js when a transaction’s connection dies', () => {
  it('rejects the transaction, stays up and serves the next query', async () => {
    const url = process.env.DATABASE_URL as string;
    const sql = postgres(url, { max: 2, onnotice: () => {} });
    const killer = postgres(url, { max: 1, onnotice: () => {} });
    try {
      let pid: number | null = null;
      const tx = sql.begin(async (t) => {
        const [row] = await t<{ pid: number }[]>`select pg_backend_pid() as pid`;
        pid = row?.pid ?? null;
        await t`select pg_sleep(5)`;
        await t`select 1`;
      });
      const settled = tx.then(
        () => null,
        (err: { code?: string }) => err,
      );
      while (pid === null) await sleep(20);
      await killer`select pg_terminate_backend(${pid})`;
      const err = await settled;
      expect(err?.code).toMatch(/^(CONNECTION_CLOSED|57P01)$/);
      await sleep(50); // a crash would come from an immediate callback after the rejection
      const [after] = await sql<{ ok: number }[]>`select 1 as ok`;
      expect(after?.ok).toBe(1);
    } finally {
      await sql.end({ timeout: 1 });
      await killer.end({ timeout: 1 });
    }
  });
});

/** A TCP proxy in front of Postgres that can hold the server's answers while it records what the client sends. */
async function answerHoldingProxy(target: URL) {
  const sent: Buffer[] = [];
  let held: { socket: net.Socket; data: Buffer }[] | null = null;
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    client.on('data', (d) => {
      sent.push(d);
      upstream.write(d);
    });
    upstream.on('data', (d) => (held ? held.push({ socket: client, data: d }) : client.write(d)));
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(target);
  url.host = `127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  return {
    url: url.toString(),
    sentText: () => Buffer.concat(sent).toString('latin1'),
    hold: () => {
      held = [];
    },
    release: () => {
      for (const { socket, data } of held ?? []) socket.write(data);
      held = null;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// patches/postgres+3.4.9.patch: a transaction's first queries follow its BEGIN on the connection without
// waiting for BEGIN's answer (one round trip less for every write request, whose first query is a read).
describe.runIf(process.env.DATABASE_URL)('postgres.js transactions', () => {
  it('send their first query before BEGIN is answered, and still run it inside the transaction', async () => {
    const proxy = await answerHoldingProxy(new URL(process.env.DATABASE_URL as string));
    const sql = postgres(proxy.url, { max: 1, onnotice: () => {} });
    try {
      await sql`select 1`; // connected, types read
      proxy.hold();
      const tx = sql.begin(async (t) => {
        const [first] = await t<{ xid: string }[]>`select txid_current()::text as xid,
          'first query of the transaction' as marker`;
        const [second] = await t<{ xid: string }[]>`select txid_current()::text as xid`;
        return [first?.xid, second?.xid];
      });
      // Nothing has come back from the server: the query is on the wire all the same.
      let seen = false;
      for (let i = 0; i < 100 && !seen; i++) {
        seen = proxy.sentText().includes('first query of the transaction');
        if (!seen) await sleep(20);
      }
      const beginAt = proxy.sentText().lastIndexOf('begin');
      proxy.release();
      expect(seen).toBe(true);
      expect(beginAt).toBeGreaterThanOrEqual(0);
      expect(proxy.sentText().indexOf('first query of the transaction')).toBeGreaterThan(beginAt);
      // Both in one transaction: the first query did not run on its own before BEGIN.
      const [first, second] = await tx;
      expect(first).toBeDefined();
      expect(second).toBe(first);
    } finally {
      proxy.release();
      await sql.end({ timeout: 1 });
      await proxy.close();
    }
  });

  it('keep all or nothing: a failing query rolls back what the pipelined first one wrote', async () => {
    const url = process.env.DATABASE_URL as string;
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    try {
      await sql`create temporary table if not exists pipelined (n int)`;
      await expect(
        sql.begin(async (t) => {
          await t`insert into pipelined values (1)`;
          await t`select 1 / 0`;
        }),
      ).rejects.toMatchObject({ code: '22012' });
      const [r] = await sql<{ n: number }[]>`select count(*)::int as n from pipelined`;
      expect(r?.n).toBe(0);
    } finally {
      await sql.end({ timeout: 1 });
    }
  });

  it('answer results whose count, command and columns are there but not enumerable', async () => {
    const sql = postgres(process.env.DATABASE_URL as string, { max: 1, onnotice: () => {} });
    try {
      const r = await sql`select 1 as a union all select 2`;
      expect(r.count).toBe(2);
      expect(r.command).toBe('SELECT');
      expect(r.columns.map((c) => c.name)).toEqual(['a']);
      expect(Object.keys(r)).toEqual(['0', '1']);
      expect(JSON.stringify(r)).toBe('[{"a":1},{"a":2}]');
      expect(r).toEqual([{ a: 1 }, { a: 2 }]);
    } finally {
      await sql.end({ timeout: 1 });
    }
  });
});
