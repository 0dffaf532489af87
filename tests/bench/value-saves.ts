/**
 * Single national value saves through PUT /api/values (audit, version check, the submission lock, the
 * database's published-data guard) against the bare versioned UPDATE through the raw driver and the
 * nearest floor an HTTP save has. Run bundled, in a process of its own (value-saves-child.ts,
 * serve-build.ts), so that it measures the code a deployment runs with node, as the comparison
 * endpoints are measured: the bench itself runs through tsx, whose transform wraps every function the
 * sources create in a naming call.
 */
import { createHash } from 'node:crypto';
import Fastify from 'fastify';
import postgres from 'postgres';
import { buildApp } from '../../server/app';
import { type Database, openDatabase } from '../../server/db/client';
import { injectedAdmin } from './client-session';
import { type Figures, loopsInTurns } from './measure';

/**
 * Each loop after 1,000 unmeasured runs of its own: a 4-second window that started 5 runs in measured the
 * JIT warming up the save's code (bundled, alone: p50 1.46–1.53 ms over 4 s, 1.30 ms over 10 s, 1.32 ms
 * over 4 s after 1,000 runs; 6 December). The p50 compared is a running server's, for ours and the floors.
 * Then ours and the floors in turns, five rounds of each (loopsInTurns), so that a slow stretch of the
 * machine falls on all of them alike.
 */
const SAVES = { maxOps: 5000, warmup: 1000, rounds: 5 };

interface Key {
  id: number;
  iso3: string;
  code: string;
  version: number;
}

/** The figures of the value-save rows (tests/bench/writes.ts), latency in ms. */
export interface ValueSaveFigures {
  ours: Figures;
  floor: Figures;
  nearest: Figures;
  least: Figures;
  me: Figures;
}

/**
 * Saves through the app's PUT /api/values (inject) against, in the same process: the versioned UPDATE
 * through the raw driver, a bare route doing the nearest an audited HTTP save can, and a signed-in GET.
 */
export async function measureValueSaves(opts: {
  url: string;
  period: string;
  log: (s: string) => void;
}): Promise<ValueSaveFigures> {
  const database: Database = await openDatabase({ databaseUrl: opts.url });
  const app = await buildApp({ database });
  const raw = postgres(opts.url, { max: 1, onnotice: () => {} });
  try {
    await app.ready();
    const session = await injectedAdmin(app, database, 'bench-saver@example.org', 'Bench saver');
    // National reporting is what users save (published rounds are read-only): a national framework
    // with the round's level questions and 4000 of the last period's answers copied into it.
    await raw.begin(async (tx) => {
      await tx`insert into frameworks (code, name, kind)
        values ('national-bench', 'Benchmark national reporting', 'national') on conflict do nothing`;
      await tx`insert into indicators (framework_code, code, sort_order, name, measure_type, levels)
        select 'national-bench', code, sort_order, name, measure_type, levels from indicators
        where framework_code = 'bench-round' and measure_type = 'level' on conflict do nothing`;
      await tx`insert into periods (framework_code, code, label, start_date, end_date)
        select 'national-bench', code, label, start_date, end_date from periods
        where framework_code = 'bench-round' and code = ${opts.period} on conflict do nothing`;
      await tx`insert into indicator_values (country_iso3, indicator_id, period_id, status, level)
        select v.country_iso3, ni.id, np.id, v.status, v.level
        from indicator_values v join indicators i on i.id = v.indicator_id join periods p on p.id = v.period_id
        join indicators ni on ni.framework_code = 'national-bench' and ni.code = i.code
        join periods np on np.framework_code = 'national-bench' and np.code = p.code
        where i.framework_code = 'bench-round' and p.code = ${opts.period} and v.level is not null
        order by v.id limit 4000 on conflict do nothing`;
    });
    const keys = (await raw`
      select v.id::int as id, v.country_iso3 as iso3, i.code, v.version
      from indicator_values v join indicators i on i.id = v.indicator_id
      where i.framework_code = 'national-bench'
      order by v.id limit 4000`) as unknown as Key[];
    const half = Math.floor(keys.length / 2);
    let i = 0;
    let flip = 0;
    opts.log(`  value saves through PUT /api/values (${half} keys)`);
    const save = async () => {
      const k = keys[i++ % half] as Key;
      const level = 'ABCDE'[flip++ % 5];
      const res = await app.inject({
        method: 'PUT',
        url: `/api/values/${k.iso3}/national-bench/${k.code}/${opts.period}`,
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
        payload: { status: 'reported', value: { type: 'level', level }, version: k.version },
      });
      if (res.statusCode !== 200) throw new Error(`save: ${res.statusCode} ${res.body}`);
      k.version += 1;
    };
    // Floor: the versioned UPDATE alone through the raw driver (the same table and triggers), on
    // the other half of the keys.
    const update = async () => {
      const k = keys[half + (i++ % half)] as Key;
      const level = 'ABCDE'[flip++ % 5];
      const r = await raw`update indicator_values set level = ${level ?? 'A'}, version = version + 1,
        updated_at = now() where id = ${k.id} and version = ${k.version}`;
      if (r.count !== 1) throw new Error('floor update: version mismatch');
      k.version += 1;
    };
    // The nearest floor an HTTP save can have: a bare Fastify route (no hooks, no validation) that reads
    // the session by its cookie, then in one transaction writes the versioned UPDATE and its audit row,
    // through the raw driver with prepared statements. No check of roles, locks or published data.
    const bare = Fastify();
    const tx = postgres(opts.url, { max: 1, onnotice: () => {} });
    const sessionUser = async (cookie: string | undefined) => {
      const token = /nap_session=([^;]+)/.exec(cookie ?? '')?.[1] ?? '';
      const hash = createHash('sha256').update(decodeURIComponent(token)).digest('hex');
      const [who] = await tx`select s.user_id from sessions s join users u on u.id = s.user_id
        where s.token_hash = ${hash} and s.expires_at > now() and u.active`;
      return who;
    };
    bare.put<{ Params: { id: string }; Body: { level: string; version: number } }>(
      '/values/:id',
      async (req, reply) => {
        const who = await sessionUser(req.headers.cookie);
        if (!who) return reply.code(401).send({ error: 'session' });
        const id = Number(req.params.id);
        const { level, version } = req.body;
        const written = await tx.begin(async (t) => {
          const [w] = await t`update indicator_values set level = ${level}, version = version + 1,
            updated_at = now(), updated_by = ${who.user_id} where id = ${id} and version = ${version}
            returning id, version`;
          if (!w) return null;
          await t`insert into audit_log (entity_type, entity_id, action, user_id, at, new, channel)
            values ('value', ${String(id)}, 'update', ${who.user_id}, now(), ${t.json({ level })}, 'grid')`;
          return w;
        });
        if (!written) return reply.code(409).send({ error: 'version' });
        return written;
      },
    );
    // The least an audited HTTP save can do: the same bare route, but the UPDATE and its audit row in one
    // statement (atomic on its own: no BEGIN, no COMMIT), so two round trips in all, the session's and the
    // write's. Every save must at least check the session and write the value with its audit row.
    bare.put<{ Params: { id: string }; Body: { level: string; version: number } }>(
      '/least/:id',
      async (req, reply) => {
        const who = await sessionUser(req.headers.cookie);
        if (!who) return reply.code(401).send({ error: 'session' });
        const id = Number(req.params.id);
        const { level, version } = req.body;
        const [w] = await tx`with w as (update indicator_values set level = ${level}, version = version + 1,
            updated_at = now(), updated_by = ${who.user_id} where id = ${id} and version = ${version}
            returning id, version),
          audited as (insert into audit_log (entity_type, entity_id, action, user_id, at, new, channel)
            select 'value', ${String(id)}, 'update', ${who.user_id}, now(), ${tx.json({ level })}, 'grid' from w)
          select id, version from w`;
        if (!w) return reply.code(409).send({ error: 'version' });
        return w;
      },
    );
    await bare.ready();
    const bareSave = (route: string) => async () => {
      const k = keys[half + (i++ % half)] as Key;
      const level = 'ABCDE'[flip++ % 5];
      const res = await bare.inject({
        method: 'PUT',
        url: `/${route}/${k.id}`,
        headers: { cookie: session.cookie },
        payload: { level, version: k.version },
      });
      if (res.statusCode !== 200) throw new Error(`bare save: ${res.statusCode} ${res.body}`);
      k.version += 1;
    };
    // What every signed-in request pays before its own work (the session, the app's hooks, inject):
    // the part of a save's time that is not the save's.
    const me = async () => {
      const res = await app.inject({ url: '/api/auth/me', headers: { cookie: session.cookie } });
      if (res.statusCode !== 200) throw new Error(`me: ${res.statusCode} ${res.body}`);
    };
    try {
      return await loopsInTurns(
        { ours: save, floor: update, nearest: bareSave('values'), least: bareSave('least'), me },
        SAVES,
      );
    } finally {
      await bare.close();
      await tx.end();
    }
  } finally {
    await raw.end();
    await app.close();
    await database.close();
  }
}
