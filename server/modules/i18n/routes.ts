import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ContentTextListSchema,
  ContentTextQuerySchema,
  ErrorEnvelopeSchema,
  PutTranslationsBodySchema,
  pickLocale,
  SetLocaleBodySchema,
  TranslationParamsSchema,
} from '../../../shared';
import type { ServiceContext } from '../../service-context';
import { contentTexts, putTranslations, setUserLocale } from './service';

const E = ErrorEnvelopeSchema;
const errors = { 400: E, 401: E, 403: E, 404: E };

/** Interface language of the signed-in user, and translations of content. */
export function i18nRoutes(ctx: ServiceContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.put(
      '/api/auth/me/locale',
      {
        config: { access: 'write' },
        schema: {
          tags: ['auth'],
          summary: 'Keep the interface language you picked (en, fr, es, ar)',
          body: SetLocaleBodySchema,
          response: { 204: z.null(), ...errors },
        },
      },
      async (req, reply) => {
        if (req.principal) await setUserLocale(ctx.db, req.principal.userId, req.body.locale, ctx.now());
        return reply.code(204).send(null);
      },
    );
    r.get(
      '/api/translations',
      {
        config: { access: 'read' },
        schema: {
          tags: ['translations'],
          summary:
            'Texts of indicators, objectives or activities in a language, falling back to the original',
          description:
            'The language is `lang`, else the Accept-Language header. Each text says `fallback: true` when no ' +
            'translation exists and the original is returned. Indicator fields: name, level_a … level_e; ' +
            'objectives and activities: title.',
          querystring: ContentTextQuerySchema,
          response: { 200: ContentTextListSchema, ...errors },
        },
      },
      async (req) =>
        contentTexts(
          ctx.db,
          req.query.entityType,
          req.query.ids,
          req.query.lang ?? pickLocale(req.headers['accept-language']),
        ),
    );
    r.put(
      '/api/translations/:entityType/:entityId',
      {
        config: { access: 'admin' },
        schema: {
          tags: ['translations'],
          summary:
            'Set the translations of an indicator, objective or activity in one language (administrators)',
          description: 'An empty text removes that translation. Answers the entity’s texts in that language.',
          params: TranslationParamsSchema,
          body: PutTranslationsBodySchema,
          response: { 200: ContentTextListSchema, ...errors },
        },
      },
      async (req) =>
        putTranslations(
          ctx.db,
          req.params.entityType,
          req.params.entityId,
          req.body,
          req.principal?.userId ?? 0,
          ctx.now(),
        ),
    );
  };
}
