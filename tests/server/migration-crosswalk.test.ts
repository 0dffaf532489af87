import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from '../../server/db/client';

/*
 * The crosswalk's comparability migration on a database that already holds a crosswalk (put there by
 * PUT /api/crosswalk with the boolean `comparable`): every pair keeps its questions and note, true
 * becomes comparable and false not_comparable, and each pair names its later round.
 */
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** The migrations folder up to the one before the crosswalk comparability migration. */
function migrationsBefore(tag: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nap-migrations-'));
  dirs.push(dir);
  cpSync(MIGRATIONS_FOLDER, dir, { recursive: true });
  const journal = JSON.parse(readFileSync(path.join(dir, 'meta/_journal.json'), 'utf8'));
  const at = journal.entries.findIndex((e: { tag: string }) => e.tag.endsWith(tag));
  expect(at, `a migration named …${tag}`).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, at);
  writeFileSync(path.join(dir, 'meta/_journal.json'), JSON.stringify(journal));
  return dir;
}

describe('the crosswalk comparability migration', () => {
  it('keeps every stored pair, mapping comparable true/false to comparable/not_comparable', async () => {
    const pg = await PGlite.create();
    const db = drizzle({ client: pg });
    await migrate(db, { migrationsFolder: migrationsBefore('_crosswalk_comparability') });
    await pg.exec(`
      insert into frameworks (code, name, kind) values ('r1', 'Round 1', 'tracss'), ('r2', 'Round 2', 'tracss');
      insert into indicators (id, framework_code, code, sort_order, name, measure_type)
        values (1, 'r1', '4.1', 1, 'Coordination', 'level'), (2, 'r1', '7.4', 2, 'AMR humans', 'level'),
               (3, 'r2', '2.1', 1, 'Coordination', 'level'), (4, 'r2', '3.3', 2, 'AMR humans', 'level');
      insert into question_crosswalk (from_indicator_id, to_indicator_id, comparable, note)
        values (1, 3, true, null), (2, 4, false, 'Levels differ from C up');
    `);
    await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    const { rows } = await pg.query(
      `select from_indicator_id, to_indicator_id, to_framework_code, comparability, note
       from question_crosswalk order by from_indicator_id`,
    );
    expect(rows).toEqual([
      {
        from_indicator_id: 1,
        to_indicator_id: 3,
        to_framework_code: 'r2',
        comparability: 'comparable',
        note: null,
      },
      {
        from_indicator_id: 2,
        to_indicator_id: 4,
        to_framework_code: 'r2',
        comparability: 'not_comparable',
        note: 'Levels differ from C up',
      },
    ]);
    // The new rules hold: a question without a counterpart is only ever not comparable, once per round.
    await pg.exec(
      `insert into question_crosswalk (from_indicator_id, to_framework_code, comparability, note)
       values (2, 'r2', 'not_comparable', 'No counterpart')`,
    );
    await expect(
      pg.exec(
        `insert into question_crosswalk (from_indicator_id, to_framework_code, comparability) values (1, 'r2', 'caution')`,
      ),
    ).rejects.toThrow(/question_crosswalk_unpaired_ck/);
    await expect(
      pg.exec(
        `insert into question_crosswalk (from_indicator_id, to_framework_code, comparability) values (2, 'r2', 'not_comparable')`,
      ),
    ).rejects.toThrow(/question_crosswalk_unpaired_uq/);
    await expect(
      pg.exec(
        `insert into question_crosswalk (from_indicator_id, to_indicator_id, to_framework_code, comparability)
         values (1, 4, 'r2', 'maybe')`,
      ),
    ).rejects.toThrow(/question_crosswalk_comparability_ck/);
    await pg.close();
  });
});
