import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateUserBodySchema,
  ErrorEnvelopeSchema,
  ResetLinkSchema,
  ResetPasswordBodySchema,
  UpdateUserBodySchema,
  UserListSchema,
  UserParamsSchema,
  UserSchema,
} from '../../../shared';
import type { ServiceContext } from '../../service-context';
import { createResetLink } from '../auth/reset-link-service';
import { createUser, getUser, listUsers, resetPassword, updateUser } from './service';
import { tokenRoutes } from './token-routes';

const E = ErrorEnvelopeSchema;
const errors = { 400: E, 401: E, 403: E, 404: E, 409: E };

export function userRoutes(ctx: ServiceContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const admin = { access: 'admin' } as const;
    r.get(
      '/api/users',
      {
        config: admin,
        schema: {
          tags: ['users'],
          summary: 'Every account (administrators)',
          response: { 200: UserListSchema, ...errors },
        },
      },
      async (req) => ({ items: await listUsers(ctx, req.principal) }),
    );
    r.post(
      '/api/users',
      {
        config: admin,
        schema: {
          tags: ['users'],
          summary: 'Create an account with its roles',
          body: CreateUserBodySchema,
          response: { 201: UserSchema, ...errors },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await createUser(ctx, req.principal, req.body, { ip: req.ip })),
    );
    r.get(
      '/api/users/:id',
      {
        config: admin,
        schema: {
          tags: ['users'],
          summary: 'One account',
          params: UserParamsSchema,
          response: { 200: UserSchema, ...errors },
        },
      },
      async (req) => getUser(ctx, req.principal, req.params.id),
    );
    r.patch(
      '/api/users/:id',
      {
        config: admin,
        schema: {
          tags: ['users'],
          summary: 'Change display name, roles and countries, or (de)activate',
          params: UserParamsSchema,
          body: UpdateUserBodySchema,
          response: { 200: UserSchema, ...errors },
        },
      },
      async (req) => updateUser(ctx, req.principal, req.params.id, req.body, req.ip),
    );
    r.post(
      '/api/users/:id/password',
      {
        config: admin,
        schema: {
          tags: ['users'],
          summary: "Reset a user's password (signs them out everywhere)",
          params: UserParamsSchema,
          body: ResetPasswordBodySchema,
          response: { 204: z.null(), ...errors },
        },
      },
      async (req, reply) => {
        await resetPassword(ctx, req.principal, req.params.id, req.body.password, req.ip);
        return reply.code(204).send(null);
      },
    );
    r.post(
      '/api/users/:id/reset-link',
      {
        config: admin,
        schema: {
          tags: ['users'],
          summary:
            'Make a one-time link (valid 24 h) with which the user sets a new password; replaces their earlier link',
          params: UserParamsSchema,
          response: { 201: ResetLinkSchema, ...errors },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await createResetLink(ctx, req.principal, req.params.id, req.ip)),
    );
    // Tokens (the caller's own, and administrators' management of other accounts' tokens).
    await app.register(tokenRoutes(ctx));
  };
}
