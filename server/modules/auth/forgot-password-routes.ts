import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorEnvelopeSchema, ForgotPasswordBodySchema } from '../../../shared';
import type { ServiceContext } from '../../service-context';
import { type PasswordMailDeps, requestPasswordLink } from './forgot-password-service';

const E = ErrorEnvelopeSchema;

/** "Forgot your password?" from the sign-in page, when the server sends e-mail. */
export function forgotPasswordRoutes(ctx: ServiceContext, mail: PasswordMailDeps | null) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.post(
      '/api/auth/forgot-password',
      {
        config: { access: 'public' },
        schema: {
          tags: ['auth'],
          summary: 'E-mail a one-time link to set a new password to the account with this address',
          description:
            'Answers 204 whether or not an account has the address (nothing tells which). Throttled per ' +
            'address and per e-mail like sign-in (429). 400 when the server sends no e-mail (GET /api/config).',
          body: ForgotPasswordBodySchema,
          response: { 204: z.null(), 400: E, 429: E },
        },
      },
      async (req, reply) => {
        const deliver = await requestPasswordLink(ctx, mail, req.body.email, req.ip);
        // After the answer (and the request's transaction) is done: no e-mail sent inside a transaction.
        reply.raw.once('finish', () => void deliver());
        return reply.code(204).send(null);
      },
    );
  };
}
