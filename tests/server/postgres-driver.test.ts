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
