import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from '../../server/db/client';

/*
 * Migration 0010 keeps sources apart in databases that already hold data: before it, a plan tracking
 * a TrACSS question wrote the country's entries into the round's own rows. A database in that state
 * (migrated to 0009, a national entry over a published answer, another over an unanswered question)
 * must come out with the entries in the country's national series — same rows, comments and
 * history — and the round's published answer put back from the audit log.
 */
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** The migrations folder as it was up to (and including) migration `last`. */
function migrationsUpTo(last: number): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nap-migrations-'));
  dirs.push(dir);
  cpSync(MIGRATIONS_FOLDER, dir, { recursive: true });
  const journal = JSON.parse(readFileSync(path.join(dir, 'meta/_journal.json'), 'utf8'));
  journal.entries = journal.entries.filter((e: { idx: number }) => e.idx <= last);
  writeFileSync(path.join(dir, 'meta/_journal.json'), JSON.stringify(journal));
  return dir;
}

describe('migration 0010 on a database with national entries in a published round', () => {
  it('moves them to the national series without losing anything, and restores the published answers', async () => {
    const pg = await PGlite.create();
    const db = drizzle({ client: pg });
    await migrate(db, { migrationsFolder: migrationsUpTo(9) });
    const run = (q: string) => pg.exec(q);
    await run(`
      insert into countries (iso3, name, iso_name, who_member, who_region) values ('JOR', 'Jordan', 'Jordan', true, 'EMR');
      insert into users (id, email, display_name, password_hash) values (7, 'f@example.org', 'Focal', 'x');
      insert into frameworks (code, name, kind) values ('tracss-2019-2020', 'TrACSS 2019–2020', 'tracss');
      insert into indicators (id, framework_code, code, sort_order, name, measure_type, levels)
        values (91, 'tracss-2019-2020', '9.1', 1, 'Optimizing use', 'level', '{"A":"a","B":"b","C":"c","D":"d","E":"e"}'),
               (74, 'tracss-2019-2020', '7.4', 2, 'Surveillance', 'level', null);
      insert into periods (framework_code, code, label, start_date, end_date)
        values ('tracss-2019-2020', '2019-2020', '2019–2020', '2019-01-01', '2020-12-31');
      insert into plans (id, country_iso3, title, period_start, period_end, status) values (1, 'JOR', 'NAP', 2018, 2022, 'approved');
      insert into plan_indicators (id, plan_id, indicator_id, direction) values (1, 1, 91, 'increase'), (2, 1, 74, 'increase');
      insert into plan_periods (id, plan_id, code, kind, start_date, end_date, due_date)
        values (1, 1, '2020', 'year', '2020-01-01', '2020-12-31', '2021-03-31');
      insert into submissions (plan_period_id, country_iso3, state) values (1, 'JOR', 'draft');
      insert into frameworks (code, name, kind) values ('national-jor', 'National indicators (JOR)', 'national');
      insert into periods (framework_code, code, label, start_date, end_date)
        values ('national-jor', '2020', '2020', '2020-01-01', '2020-12-31');
      -- The round's answer to 9.1 was C (imported); a focal point's 2020 entry changed it to D.
      insert into indicator_values (id, country_iso3, indicator_id, period_id, status, level, version, updated_by)
        values (500, 'JOR', 91, (select id from periods where code = '2019-2020'), 'reported', 'D', 2, 7);
      insert into audit_log (entity_type, entity_id, action, country_iso3, user_id, at, old, new)
        values ('value', '500', 'update', 'JOR', 7, now(),
                '{"status":"reported","level":"C","numericValue":null,"textValue":"C - c","statusReason":null,"version":1}',
                '{"status":"reported","level":"D","version":2}');
      insert into value_comments (value_id, body, author_id, created_at) values (500, 'Our own assessment', 7, now());
      -- Jordan had not answered 7.4: a focal point's entry created the row.
      insert into indicator_values (id, country_iso3, indicator_id, period_id, status, level, version, updated_by)
        values (501, 'JOR', 74, (select id from periods where code = '2019-2020'), 'reported', 'B', 1, 7);
      insert into audit_log (entity_type, entity_id, action, country_iso3, user_id, at, old, new)
        values ('value', '501', 'create', 'JOR', 7, now(), null, '{"status":"reported","level":"B","version":1}');
    `);
    await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });

    const rows = (await db.execute(sql`
      select v.id, i.framework_code as framework, i.code, i.follows_indicator_id as follows,
             p.framework_code as period_framework, p.code as period, v.level, v.version, v.updated_by as by
      from indicator_values v join indicators i on i.id = v.indicator_id join periods p on p.id = v.period_id
      order by i.framework_code, i.code`)) as unknown as { rows: Record<string, unknown>[] };
    expect(rows.rows).toEqual([
      // The entries, moved whole (id, level, version, author) to Jordan's indicators following the questions.
      {
        id: 501,
        framework: 'national-jor',
        code: 'tracss-2019-2020:7.4',
        follows: 74,
        period_framework: 'national-jor',
        period: '2020',
        level: 'B',
        version: 1,
        by: 7,
      },
      {
        id: 500,
        framework: 'national-jor',
        code: 'tracss-2019-2020:9.1',
        follows: 91,
        period_framework: 'national-jor',
        period: '2020',
        level: 'D',
        version: 2,
        by: 7,
      },
      // The round's published answer to 9.1, back from the audit log; 7.4 stays unanswered.
      {
        id: expect.any(Number),
        framework: 'tracss-2019-2020',
        code: '9.1',
        follows: null,
        period_framework: 'tracss-2019-2020',
        period: '2019-2020',
        level: 'C',
        version: 1,
        by: null,
      },
    ]);
    const plan = (await db.execute(sql`
      select pi.id, i.code from plan_indicators pi join indicators i on i.id = pi.indicator_id order by pi.id`)) as unknown as {
      rows: unknown[];
    };
    expect(plan.rows).toEqual([
      { id: 1, code: 'tracss-2019-2020:9.1' },
      { id: 2, code: 'tracss-2019-2020:7.4' },
    ]);
    const comments = (await db.execute(sql`select value_id, body from value_comments`)) as unknown as {
      rows: unknown[];
    };
    expect(comments.rows).toEqual([{ value_id: 500, body: 'Our own assessment' }]);
    // From now on the database itself refuses a write to published values outside an import.
    await expect(pg.exec(`update indicator_values set level = 'E' where indicator_id = 91`)).rejects.toThrow(
      /published data is read-only/,
    );
    await pg.close();
  });
});
