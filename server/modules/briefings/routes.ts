import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  BriefingPackParamsSchema,
  BriefingPackQuerySchema,
  BriefingPackRefSchema,
  BriefingSessionInputSchema,
  BriefingSessionListSchema,
  BriefingSessionParamsSchema,
  BriefingSessionSchema,
  ErrorEnvelopeSchema,
  UpdateBriefingSessionBodySchema,
} from '../../../shared';
import type { ServiceContext } from '../../service-context';
import type { MeProfileReader } from '../me-profiles/reader';
import { createPack, packFile } from './pack-service';
import { createSession, getSession, listSessions, updateSession } from './service';

const E = ErrorEnvelopeSchema;
const READ_ERRORS = { 401: E, 403: E, 404: E };
const WRITE_ERRORS = { 400: E, 401: E, 403: E, 404: E, 409: E };
const tags = ['briefings'];

/**
 * Briefing sessions of peer learning and their packs (PDF, XLSX). Facilitators and administrators
 * only (service.ts); the packs read the M&E profiles through `reader`, public layers only.
 */
export function briefingRoutes(ctx: Pick<ServiceContext, 'db' | 'now'>, reader: MeProfileReader) {
  const deps = { db: ctx.db, now: ctx.now, reader };
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/api/briefing-sessions',
      {
        config: { access: 'user' },
        schema: {
          tags,
          summary: 'Briefing sessions, most recently changed first (facilitators and administrators)',
          response: { 200: BriefingSessionListSchema, ...READ_ERRORS },
        },
      },
      async (req) => listSessions(deps, req.principal),
    );
    r.post(
      '/api/briefing-sessions',
      {
        config: { access: 'write' },
        schema: {
          tags,
          summary: 'Record a briefing session; its group is resolved to countries now (at most 60)',
          body: BriefingSessionInputSchema,
          response: { 201: BriefingSessionSchema, ...WRITE_ERRORS },
        },
      },
      async (req, reply) => reply.code(201).send(await createSession(deps, req.principal, req.body)),
    );
    r.get(
      '/api/briefing-sessions/:id',
      {
        config: { access: 'user' },
        schema: {
          tags,
          summary: 'One briefing session with the packs made for it',
          params: BriefingSessionParamsSchema,
          response: { 200: BriefingSessionSchema, ...READ_ERRORS },
        },
      },
      async (req) => getSession(deps, req.principal, req.params.id),
    );
    r.put(
      '/api/briefing-sessions/:id',
      {
        config: { access: 'write' },
        schema: {
          tags,
          summary: 'Change a briefing session (send the version you read: 409 when stale)',
          params: BriefingSessionParamsSchema,
          body: UpdateBriefingSessionBodySchema,
          response: { 200: BriefingSessionSchema, ...WRITE_ERRORS },
        },
      },
      async (req) => updateSession(deps, req.principal, req.params.id, req.body),
    );
    r.post(
      '/api/briefing-sessions/:id/packs',
      {
        config: { access: 'write' },
        schema: {
          tags,
          summary: 'Make the briefing pack (PDF or XLSX) from the public data as it is now, and keep it',
          params: BriefingSessionParamsSchema,
          querystring: BriefingPackQuerySchema,
          response: { 201: BriefingPackRefSchema, ...WRITE_ERRORS },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await createPack(deps, req.principal, req.params.id, req.query.format)),
    );
    r.get(
      '/api/briefing-sessions/:id/packs/:packId',
      {
        config: { access: 'user' },
        schema: {
          tags,
          summary: 'A pack as it was made (the same bytes, its sha256 in the ETag)',
          params: BriefingPackParamsSchema,
          response: { 200: z.any().describe('The PDF or XLSX file'), ...READ_ERRORS },
        },
      },
      async (req, reply) => {
        const f = await packFile(deps, req.principal, req.params.id, req.params.packId);
        return reply
          .type(f.contentType)
          .header('content-disposition', `attachment; filename="${f.filename}"`)
          .header('etag', `"${f.sha256}"`)
          .header('cache-control', 'private, no-store')
          .send(f.content);
      },
    );
  };
}
