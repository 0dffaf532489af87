import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorEnvelopeSchema, SetRemindersBodySchema } from '../../../shared';
import type { ServiceContext } from '../../service-context';
import { setOwnReminders } from './preferences-service';

const E = ErrorEnvelopeSchema;

/** The signed-in user's e-mail preferences. */
export function reminderRoutes(ctx: ServiceContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.put(
      '/api/auth/me/reminders',
      {
        config: { access: 'write' },
        schema: {
          tags: ['auth'],
          summary: 'Turn your daily e-mail digest of what is due on or off',
          description:
            'The digest goes out only when the server has SMTP configured (GET /api/config says `mail`); ' +
            'the choice is kept either way.',
          body: SetRemindersBodySchema,
          response: { 204: z.null(), 400: E, 401: E, 403: E },
        },
      },
      async (req, reply) => {
        await setOwnReminders(ctx, req.principal, req.body.enabled, req.ip);
        return reply.code(204).send(null);
      },
    );
  };
}
