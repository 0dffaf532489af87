import { z } from 'zod';
import { LOCALES } from '../i18n/locale';

export const LocaleSchema = z.enum(LOCALES);

export const SetLocaleBodySchema = z.object({ locale: LocaleSchema });
export type SetLocaleBody = z.infer<typeof SetLocaleBodySchema>;

/** What content can be translated: an indicator's name and level wordings, objectives' and activities' titles. */
export const TRANSLATABLE_FIELDS = {
  indicator: ['name', 'level_a', 'level_b', 'level_c', 'level_d', 'level_e'],
  objective: ['title'],
  activity: ['title'],
} as const;
export const TranslatableEntitySchema = z.enum(['indicator', 'objective', 'activity']);
export type TranslatableEntity = z.infer<typeof TranslatableEntitySchema>;

export const TranslationParamsSchema = z.object({
  entityType: TranslatableEntitySchema,
  entityId: z.coerce.number().int().positive().max(2_147_483_647),
});

/** PUT body: the texts of one entity in one language; an empty text removes that translation. */
export const PutTranslationsBodySchema = z.object({
  locale: LocaleSchema.exclude(['en']),
  fields: z
    .record(z.string().trim().min(1).max(16), z.string().trim().max(2000))
    .refine((r) => Object.keys(r).length > 0 && Object.keys(r).length <= 6, 'must name 1 to 6 fields'),
});
export type PutTranslationsBody = z.infer<typeof PutTranslationsBodySchema>;

export const TranslationSchema = z.object({
  entityType: TranslatableEntitySchema,
  entityId: z.number().int(),
  field: z.string(),
  locale: LocaleSchema,
  text: z.string(),
});
export const TranslationListSchema = z.object({ translations: z.array(TranslationSchema) });
export type TranslationList = z.infer<typeof TranslationListSchema>;

/** GET query: entities of one type in one language (`lang`, else the Accept-Language header). */
export const ContentTextQuerySchema = z.object({
  entityType: TranslatableEntitySchema,
  ids: z
    .string()
    .trim()
    .max(2000)
    .regex(/^\d{1,10}(,\d{1,10})*$/, 'must be ids separated by commas')
    .transform((s) => [...new Set(s.split(',').map(Number))])
    .refine((ids) => ids.length <= 200, 'at most 200 ids'),
  lang: LocaleSchema.optional(),
});

/** A text of an entity in the requested language, or the original when there is no translation. */
export const ContentTextSchema = z.object({
  entityId: z.number().int(),
  field: z.string(),
  text: z.string(),
  fallback: z.boolean().describe('true: no translation in the requested language, this is the original'),
});
export const ContentTextListSchema = z.object({ locale: LocaleSchema, items: z.array(ContentTextSchema) });
export type ContentTextList = z.infer<typeof ContentTextListSchema>;
