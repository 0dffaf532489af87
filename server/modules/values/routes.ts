import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorEnvelopeSchema, ValuePageSchema, ValueQuerySchema } from '../../../shared';
import type { Database } from '../../db/client';
import { AppError } from '../../lib/errors';
import { findCountry } from '../countries/repository';
import { getFramework, getIndicator, resolvePeriod } from '../frameworks/service';
import { queryValues } from './repository';

export function valueRoutes(database: Database) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/api/values',
      {
        schema: {
          tags: ['values'],
          summary: 'Indicator values by country, framework, indicator and period (paginated)',
          querystring: ValueQuerySchema,
          response: { 200: ValuePageSchema, 400: ErrorEnvelopeSchema, 404: ErrorEnvelopeSchema },
        },
      },
      async (req) => {
        const q = req.query;
        const db = database.db;
        // Unknown filters are named in a 404 rather than answered with an empty page.
        if (q.country && !(await findCountry(db, q.country))) {
          throw new AppError(404, `country: no country with ISO3 code ${q.country}`);
        }
        if (q.framework) await getFramework(db, q.framework);
        if (q.framework && q.indicator) await getIndicator(db, q.framework, q.indicator);
        if (q.framework && q.period) await resolvePeriod(db, q.framework, q.period);
        const page = await queryValues(
          db,
          {
            countryIso3: q.country,
            frameworkCode: q.framework,
            indicatorCode: q.indicator,
            periodCode: q.period,
          },
          { limit: q.limit, offset: q.offset },
        );
        return { ...page, limit: q.limit, offset: q.offset };
      },
    );
  };
}
