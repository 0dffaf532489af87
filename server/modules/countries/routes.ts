import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CountryListQuerySchema,
  CountryListSchema,
  CountryParamsSchema,
  CountrySchema,
  ErrorEnvelopeSchema,
} from '../../../shared';
import type { Database } from '../../db/client';
import { AppError } from '../../lib/errors';
import { findCountry, listCountries } from './repository';

export function countryRoutes(database: Database) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/api/countries',
      {
        config: { access: 'read' },
        schema: {
          tags: ['countries'],
          summary: 'List countries',
          querystring: CountryListQuerySchema,
          response: { 200: CountryListSchema, 400: ErrorEnvelopeSchema },
        },
      },
      async (req) => ({ items: await listCountries(database.db, req.query) }),
    );
    r.get(
      '/api/countries/:iso3',
      {
        config: { access: 'read' },
        schema: {
          tags: ['countries'],
          summary: 'One country',
          params: CountryParamsSchema,
          response: { 200: CountrySchema, 400: ErrorEnvelopeSchema, 404: ErrorEnvelopeSchema },
        },
      },
      async (req) => {
        const c = await findCountry(database.db, req.params.iso3);
        if (!c) throw new AppError(404, `country: no country with ISO3 code ${req.params.iso3}`);
        return c;
      },
    );
  };
}
