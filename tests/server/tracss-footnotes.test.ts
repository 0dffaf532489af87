import { readFileSync } from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/client';
import { REFERENCE_DATA_DIR } from '../../server/db/reference/paths';
import { FOOTNOTE_MARKS, loadTracssFramework } from '../../server/db/reference/tracss-framework';
import { indicators } from '../../server/db/schema';
import { parseCsvRecords } from '../../server/lib/spreadsheet';
import { LEVELS, type LevelWording } from '../../shared';
import { openTestDatabase } from '../setup/test-db';

/*
 * Issue 14: the 2019–2020 level wordings no longer carry the spreadsheet's footnote numbers
 * ("guidelines13", "OIE standards.10"), in a new database and in one loaded before the fix; the
 * questions file itself stays as published.
 */
const FILE = parseCsvRecords(
  readFileSync(path.join(REFERENCE_DATA_DIR, 'tracss/tracss_2019_2020_questions.csv'), 'utf8'),
).filter((r) => r.response_type === 'level_A_E');

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

async function levelQuestions() {
  return database.db
    .select({ code: indicators.code, levels: indicators.levels, definition: indicators.definition })
    .from(indicators)
    .where(and(eq(indicators.frameworkCode, 'tracss-2019-2020'), eq(indicators.measureType, 'level')));
}

/** A number glued to a word or after a full stop: how the spreadsheet wrote its footnote marks. */
const MARK = /[a-z][.,]?\s?\d{1,2}(?=[\s,.]|$)/;

describe('2019–2020 level wordings without footnote marks', () => {
  it('the file still has the marks the loader removes, and only those', () => {
    const marked = FILE.flatMap((r) =>
      LEVELS.flatMap((l) => (MARK.test(r[`level_${l}`] ?? '') ? [`${r.indicator_code} ${l}`] : [])),
    );
    expect(marked.sort()).toEqual(
      [
        ...new Set(
          FOOTNOTE_MARKS.filter((m) => m.field !== 'definition').map((m) => `${m.code} ${m.field.slice(-1)}`),
        ),
      ].sort(),
    );
  });

  it('the database shows every level wording without them, otherwise as the file writes it', async () => {
    const stored = await levelQuestions();
    expect(stored).toHaveLength(23);
    for (const q of stored) {
      const file = FILE.find((r) => r.indicator_code === q.code);
      for (const l of LEVELS) {
        const text = (q.levels as LevelWording)[l];
        expect(text, `${q.code} ${l}`).not.toMatch(MARK);
        // Only the marks differ from the file.
        const fixes = FOOTNOTE_MARKS.filter((m) => m.code === q.code && m.field === `level_${l}`);
        const expected = fixes.reduce((t, m) => t.replace(m.from, m.to), file?.[`level_${l}`] ?? '');
        expect(text, `${q.code} ${l}`).toBe(expected);
      }
    }
    const byCode = new Map(stored.map((q) => [q.code, q]));
    const levelsOf = (code: string) => (byCode.get(code)?.levels ?? {}) as Partial<LevelWording>;
    expect(levelsOf('8.1').D).toContain('according to the WHO IPC core components guidelines and IPC plans');
    expect(levelsOf('7.2').B).toBe(
      'Plan agreed for monitoring quantities of antimicrobials sold for/used in animals, based on OIE standards.',
    );
    expect(byCode.get('9.1')?.definition).toBe('9.1 Optimizing antimicrobial use in human health');
  });

  it('a database loaded before the fix gets the wordings without marks on the next load', async () => {
    const [q81] = await database.db
      .select({ id: indicators.id, levels: indicators.levels })
      .from(indicators)
      .where(and(eq(indicators.frameworkCode, 'tracss-2019-2020'), eq(indicators.code, '8.1')));
    const before = {
      ...(q81?.levels as LevelWording),
      D: FILE.find((r) => r.indicator_code === '8.1')?.level_D ?? '',
    };
    expect(before.D).toContain('guidelines13');
    await database.db
      .update(indicators)
      .set({ levels: before })
      .where(eq(indicators.id, q81?.id ?? 0));
    await database.db.transaction((tx) => loadTracssFramework(tx));
    const after = (await levelQuestions()).find((q) => q.code === '8.1');
    expect(((after?.levels ?? {}) as Partial<LevelWording>).D).toContain('guidelines and IPC plans');
  });
});
