import { and, eq, inArray } from 'drizzle-orm';
import type { Locale, TranslatableEntity } from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { indicators, planActivities, planObjectives, translations, users } from '../../db/schema';

export async function setUserLocale(db: DbOrTx, userId: number, locale: Locale, now: Date) {
  await db.update(users).set({ locale, updatedAt: now }).where(eq(users.id, userId));
}

export async function entityExists(db: DbOrTx, type: TranslatableEntity, id: number): Promise<boolean> {
  const table = type === 'indicator' ? indicators : type === 'objective' ? planObjectives : planActivities;
  const [row] = await db.select({ id: table.id }).from(table).where(eq(table.id, id));
  return Boolean(row);
}

/** The original texts of entities, field by field (level wordings as level_a … level_e). */
export async function originalTexts(
  db: DbOrTx,
  type: TranslatableEntity,
  ids: number[],
): Promise<Map<number, Record<string, string>>> {
  const out = new Map<number, Record<string, string>>();
  if (ids.length === 0) return out;
  if (type === 'indicator') {
    const rows = await db
      .select({ id: indicators.id, name: indicators.name, levels: indicators.levels })
      .from(indicators)
      .where(inArray(indicators.id, ids));
    for (const r of rows) {
      const fields: Record<string, string> = { name: r.name };
      for (const [level, text] of Object.entries(r.levels ?? {})) {
        if (typeof text === 'string') fields[`level_${level.toLowerCase()}`] = text;
      }
      out.set(r.id, fields);
    }
    return out;
  }
  const table = type === 'objective' ? planObjectives : planActivities;
  const rows = await db
    .select({ id: table.id, title: table.title })
    .from(table)
    .where(inArray(table.id, ids));
  for (const r of rows) out.set(r.id, { title: r.title });
  return out;
}

export async function translationsOf(db: DbOrTx, type: TranslatableEntity, ids: number[], locale: Locale) {
  if (ids.length === 0) return [];
  return db
    .select({ entityId: translations.entityId, field: translations.field, text: translations.text })
    .from(translations)
    .where(
      and(
        eq(translations.entityType, type),
        inArray(translations.entityId, ids),
        eq(translations.locale, locale),
      ),
    );
}

export async function upsertTranslation(
  db: DbOrTx,
  row: { entityType: TranslatableEntity; entityId: number; field: string; locale: Locale; text: string },
  userId: number,
  now: Date,
) {
  await db
    .insert(translations)
    .values({ ...row, updatedBy: userId, updatedAt: now })
    .onConflictDoUpdate({
      target: [translations.entityType, translations.entityId, translations.field, translations.locale],
      set: { text: row.text, updatedBy: userId, updatedAt: now },
    });
}

export async function deleteTranslation(
  db: DbOrTx,
  row: { entityType: TranslatableEntity; entityId: number; field: string; locale: Locale },
) {
  await db
    .delete(translations)
    .where(
      and(
        eq(translations.entityType, row.entityType),
        eq(translations.entityId, row.entityId),
        eq(translations.field, row.field),
        eq(translations.locale, row.locale),
      ),
    );
}
