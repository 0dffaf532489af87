import {
  type ContentTextList,
  type Locale,
  type PutTranslationsBody,
  TRANSLATABLE_FIELDS,
  type TranslatableEntity,
} from '../../../shared';
import type { Db } from '../../db/client';
import { AppError, notFound } from '../../lib/errors';
import {
  deleteTranslation,
  entityExists,
  originalTexts,
  setUserLocale,
  translationsOf,
  upsertTranslation,
} from './repository';

export { setUserLocale };

/** Every text field of the entities in the language asked for, falling back to the original (flagged). */
export async function contentTexts(
  db: Db,
  type: TranslatableEntity,
  ids: number[],
  locale: Locale,
): Promise<ContentTextList> {
  const [originals, translated] = await Promise.all([
    originalTexts(db, type, ids),
    locale === 'en' ? Promise.resolve([]) : translationsOf(db, type, ids, locale),
  ]);
  const byKey = new Map(translated.map((t) => [`${t.entityId}:${t.field}`, t.text]));
  const items: ContentTextList['items'] = [];
  for (const [entityId, fields] of originals) {
    for (const [field, original] of Object.entries(fields)) {
      const text = byKey.get(`${entityId}:${field}`);
      items.push({
        entityId,
        field,
        text: text ?? original,
        fallback: locale !== 'en' && text === undefined,
      });
    }
  }
  return { locale, items };
}

/** Sets (or, with an empty text, removes) an entity's translations in one language, in one transaction. */
export async function putTranslations(
  db: Db,
  type: TranslatableEntity,
  entityId: number,
  body: PutTranslationsBody,
  userId: number,
  now: Date,
): Promise<ContentTextList> {
  const allowed: readonly string[] = TRANSLATABLE_FIELDS[type];
  const unknown = Object.keys(body.fields).filter((f) => !allowed.includes(f));
  if (unknown.length > 0) {
    throw new AppError(
      400,
      `fields: ${unknown.join(', ')} cannot be translated on ${type} (${allowed.join(', ')})`,
      {
        issues: unknown.map((f) => ({ path: `fields.${f}`, message: 'is not a translatable field' })),
      },
    );
  }
  if (!(await entityExists(db, type, entityId))) throw notFound(`${type}: ${entityId} does not exist`);
  await db.transaction(async (tx) => {
    for (const [field, text] of Object.entries(body.fields)) {
      const key = { entityType: type, entityId, field, locale: body.locale };
      if (text === '') await deleteTranslation(tx, key);
      else await upsertTranslation(tx, { ...key, text }, userId, now);
    }
  });
  return contentTexts(db, type, [entityId], body.locale);
}
