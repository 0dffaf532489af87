import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApiTokenListSchema,
  CreatedTokenSchema,
  CreateTokenBodySchema,
  ErrorEnvelopeSchema,
  TokenParamsSchema,
  UserParamsSchema,
  UserTokenParamsSchema,
} from '../../../shared';
import type { ServiceContext } from '../../service-context';
import {
  createMyToken,
  createUserToken,
  listMyTokens,
  listUserTokens,
  revokeMyToken,
  revokeUserToken,
} from './token-service';

const E = ErrorEnvelopeSchema;
const errors = { 400: E, 401: E, 403: E, 404: E, 409: E };

/**
 * API tokens. Tokens never manage tokens: your own from a signed-in session ('session'), another
 * account's as an administrator signed in with a session ('admin-session').
 */
export function tokenRoutes(ctx: ServiceContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const own = { access: 'session' } as const;
    const admin = { access: 'admin-session' } as const;
    r.get(
      '/api/tokens',
      {
        config: own,
        schema: {
          tags: ['tokens'],
          summary: 'Your API tokens',
          response: { 200: ApiTokenListSchema, ...errors },
        },
      },
      async (req) => ({ items: await listMyTokens(ctx, req.principal) }),
    );
    r.post(
      '/api/tokens',
      {
        config: own,
        schema: {
          tags: ['tokens'],
          summary: 'Create an API token (the secret is shown once)',
          body: CreateTokenBodySchema,
          response: { 201: CreatedTokenSchema, ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await createMyToken(ctx, req.principal, req.body, req.ip)),
    );
    r.delete(
      '/api/tokens/:id',
      {
        config: own,
        schema: {
          tags: ['tokens'],
          summary: 'Revoke one of your API tokens',
          params: TokenParamsSchema,
          response: { 204: z.null(), ...errors },
        },
      },
      async (req, reply) => {
        await revokeMyToken(ctx, req.principal, req.params.id, req.ip);
        return reply.code(204).send(null);
      },
    );
    r.get(
      '/api/users/:id/tokens',
      {
        config: admin,
        schema: {
          tags: ['tokens', 'users'],
          summary: "A user's API tokens (administrators, signed in with a session)",
          params: UserParamsSchema,
          response: { 200: ApiTokenListSchema, ...errors },
        },
      },
      async (req) => ({ items: await listUserTokens(ctx, req.principal, req.params.id) }),
    );
    r.post(
      '/api/users/:id/tokens',
      {
        config: admin,
        schema: {
          tags: ['tokens', 'users'],
          summary: 'Create an API token for a user (the secret is shown once; it acts as that user)',
          params: UserParamsSchema,
          body: CreateTokenBodySchema,
          response: { 201: CreatedTokenSchema, ...errors },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await createUserToken(ctx, req.principal, req.params.id, req.body, req.ip)),
    );
    r.delete(
      '/api/users/:id/tokens/:tokenId',
      {
        config: admin,
        schema: {
          tags: ['tokens', 'users'],
          summary: "Revoke a user's API token",
          params: UserTokenParamsSchema,
          response: { 204: z.null(), ...errors },
        },
      },
      async (req, reply) => {
        await revokeUserToken(ctx, req.principal, req.params.id, req.params.tokenId, req.ip);
        return reply.code(204).send(null);
      },
    );
  };
}
