import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CreateRoundBodySchema,
  CrosswalkQuerySchema,
  CrosswalkSchema,
  ErrorEnvelopeSchema,
  ImportMappingSchema,
  ImportResultSchema,
  ImportRoundFormSchema,
  PutCrosswalkBodySchema,
  ROUND_WORKBOOK_LIMITS,
  RoundListSchema,
  RoundParamsSchema,
  RoundSchema,
} from '../../../shared';
import type { Database } from '../../db/client';
import { uploadConfig, uploadedFile } from '../../plugins/uploads';
import { getCrosswalk, putCrosswalk } from './crosswalk-service';
import { createRound, importRound, listRounds, putMapping } from './service';

const E = ErrorEnvelopeSchema;
const errors = { 400: E, 401: E, 403: E, 404: E, 409: E };

/** TrACSS rounds: questions, column mapping, crosswalk and spreadsheet import. */
export function roundRoutes(database: Database, now: () => Date) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['rounds'];
    const admin = { access: 'admin' } as const;
    r.get(
      '/api/rounds',
      {
        config: { access: 'read' },
        schema: {
          tags,
          summary: 'TrACSS rounds with their periods, question count and column mapping',
          response: { 200: RoundListSchema, ...errors },
        },
      },
      async () => listRounds(database.db),
    );
    r.post(
      '/api/rounds',
      {
        config: admin,
        schema: {
          tags,
          summary: 'Create a TrACSS round from its question list (and optionally its column mapping)',
          body: CreateRoundBodySchema,
          response: { 201: RoundSchema, ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await createRound(database.db, req.body, now())),
    );
    r.put(
      '/api/rounds/:code/mapping',
      {
        config: admin,
        schema: {
          tags,
          summary: "Set how the importer reads this round's spreadsheet",
          params: RoundParamsSchema,
          body: ImportMappingSchema,
          response: { 200: ImportMappingSchema, ...errors },
        },
      },
      async (req) => putMapping(database.db, req.params.code, req.body, now()),
    );
    r.post(
      '/api/rounds/:code/import',
      {
        config: { ...admin, ...uploadConfig(ROUND_WORKBOOK_LIMITS) },
        schema: {
          tags,
          summary:
            "Import the round's portal spreadsheet (.xlsx) as multipart/form-data. Dry run by default; " +
            'every problem is listed with its cell (422) and nothing is written unless the whole file is valid',
          params: RoundParamsSchema,
          consumes: ['multipart/form-data'],
          body: ImportRoundFormSchema,
          response: { 200: ImportResultSchema, 413: E, 422: E, ...errors },
        },
      },
      async (req) => {
        const { file, ...options } = req.body;
        return importRound(database, req.params.code, await uploadedFile(file), {
          ...options,
          actorId: req.principal?.userId ?? null,
        });
      },
    );
    r.get(
      '/api/crosswalk',
      {
        config: { access: 'read' },
        schema: {
          tags,
          summary: 'Which questions of two rounds ask the same thing (comparable) and which only look alike',
          querystring: CrosswalkQuerySchema,
          response: { 200: CrosswalkSchema, ...errors },
        },
      },
      async (req) => getCrosswalk(database.db, req.query.from, req.query.to),
    );
    r.put(
      '/api/crosswalk',
      {
        config: admin,
        schema: {
          tags,
          summary: 'Replace the crosswalk between two rounds',
          body: PutCrosswalkBodySchema,
          response: { 200: CrosswalkSchema, ...errors },
        },
      },
      async (req) => putCrosswalk(database.db, req.body),
    );
  };
}
