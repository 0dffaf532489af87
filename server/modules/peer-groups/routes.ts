import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateSavedGroupBodySchema,
  DeleteSavedGroupQuerySchema,
  ErrorEnvelopeSchema,
  SavedGroupListSchema,
  SavedGroupParamsSchema,
  SavedGroupSchema,
  UpdateSavedGroupBodySchema,
} from '../../../shared';
import type { ServiceContext } from '../../service-context';
import { createGroup, deleteGroup, getGroup, listGroups, updateGroup } from './service';

const E = ErrorEnvelopeSchema;
const errors = { 400: E, 401: E, 403: E, 404: E, 409: E };

/** Saved peer groups; who may do what is written in service.ts. */
export function peerGroupRoutes(ctx: ServiceContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['peer groups'];
    r.get(
      '/api/peer-groups',
      {
        config: { access: 'read' },
        schema: {
          tags,
          summary: 'Saved peer groups: the shared ones and, signed in, your private ones',
          response: { 200: SavedGroupListSchema, ...errors },
        },
      },
      async (req) => listGroups(ctx.db, req.principal),
    );
    r.get(
      '/api/peer-groups/:id',
      {
        config: { access: 'read' },
        schema: {
          tags,
          summary: 'One saved peer group',
          params: SavedGroupParamsSchema,
          response: { 200: SavedGroupSchema, ...errors },
        },
      },
      async (req) => getGroup(ctx.db, req.principal, req.params.id),
    );
    r.post(
      '/api/peer-groups',
      {
        config: { access: 'write' },
        schema: {
          tags,
          summary: 'Save a peer group (shared: facilitators and administrators)',
          body: CreateSavedGroupBodySchema,
          response: { 201: SavedGroupSchema, ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await createGroup(ctx.db, req.principal, req.body)),
    );
    r.patch(
      '/api/peer-groups/:id',
      {
        config: { access: 'write' },
        schema: {
          tags,
          summary: 'Rename, describe, share or change the members of a saved group',
          description:
            'Private groups: their owner; shared groups: facilitators and administrators. Send the version you read (409 when someone changed the group meanwhile).',
          params: SavedGroupParamsSchema,
          body: UpdateSavedGroupBodySchema,
          response: { 200: SavedGroupSchema, ...errors },
        },
      },
      async (req) => updateGroup(ctx.db, req.principal, req.params.id, req.body, ctx.now()),
    );
    r.delete(
      '/api/peer-groups/:id',
      {
        config: { access: 'write' },
        schema: {
          tags,
          summary: 'Delete a saved group',
          description:
            'Private groups: their owner; shared groups: facilitators and administrators. `?version=` the version you read (409 when stale).',
          params: SavedGroupParamsSchema,
          querystring: DeleteSavedGroupQuerySchema,
          response: { 204: z.null(), ...errors },
        },
      },
      async (req, reply) => {
        await deleteGroup(ctx.db, req.principal, req.params.id, req.query.version);
        return reply.code(204).send(null);
      },
    );
  };
}
