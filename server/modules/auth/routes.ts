import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ChangePasswordBodySchema,
  ErrorEnvelopeSchema,
  MeSchema,
  ResetWithLinkBodySchema,
  SignInBodySchema,
} from '../../../shared';
import { clearSessionCookie, setSessionCookie } from '../../plugins/auth';
import type { ServiceContext } from '../../service-context';
import { dummyPasswordHash } from './password';
import { resetWithLink } from './reset-link-service';
import { changePassword, meOf, signIn, signOut } from './service';

const errors = { 400: ErrorEnvelopeSchema, 401: ErrorEnvelopeSchema, 403: ErrorEnvelopeSchema };

export function authRoutes(ctx: ServiceContext) {
  return async (app: FastifyInstance) => {
    // Made once the app is ready (listen, or the first inject), not while the server starts: the hash
    // takes ~0.1–0.25 s of a core, which a start on two cores felt. A sign-in arriving before it is done
    // waits for this one rather than making its own.
    app.addHook('onReady', (done) => {
      dummyPasswordHash().catch(() => {});
      done();
    });
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.post(
      '/api/auth/sign-in',
      {
        config: { access: 'public' },
        schema: {
          tags: ['auth'],
          summary: 'Sign in with email and password: sets the session cookie',
          body: SignInBodySchema,
          response: { 200: MeSchema, ...errors, 429: ErrorEnvelopeSchema },
        },
      },
      async (req, reply) => {
        const result = await signIn(ctx, req.body, { ip: req.ip, userAgent: req.headers['user-agent'] });
        setSessionCookie(req, reply, result.token, result.maxAgeSeconds);
        return result.me;
      },
    );
    r.post(
      '/api/auth/sign-out',
      {
        config: { access: 'session' },
        schema: {
          tags: ['auth'],
          summary: 'Sign out: ends the session',
          response: { 204: z.null(), ...errors },
        },
      },
      async (req, reply) => {
        if (req.principal) await signOut(ctx, req.principal, req.ip);
        clearSessionCookie(req, reply);
        return reply.code(204).send(null);
      },
    );
    r.get(
      '/api/auth/me',
      {
        config: { access: 'public' },
        schema: {
          tags: ['auth'],
          summary: 'Who is signed in (session or token), their roles and the CSRF token',
          description:
            'Answers 204 (no content) to an anonymous visitor: not an error, so that every page can ask. ' +
            'An invalid Bearer token is a 401.',
          response: { 200: MeSchema, 204: z.null(), 401: ErrorEnvelopeSchema },
        },
      },
      async (req, reply) => {
        if (!req.principal) return reply.code(204).send(null);
        return meOf(req.principal);
      },
    );
    r.post(
      '/api/auth/password',
      {
        config: { access: 'session' },
        schema: {
          tags: ['auth'],
          summary: 'Change your password (signs out your other sessions)',
          body: ChangePasswordBodySchema,
          response: { 204: z.null(), ...errors },
        },
      },
      async (req, reply) => {
        if (req.principal) await changePassword(ctx, req.principal, req.body, req.ip);
        return reply.code(204).send(null);
      },
    );
    r.post(
      '/api/auth/reset-password',
      {
        config: { access: 'public' },
        schema: {
          tags: ['auth'],
          summary:
            'Set a new password with a one-time link an administrator made (signs the account out everywhere)',
          body: ResetWithLinkBodySchema,
          response: { 204: z.null(), ...errors },
        },
      },
      async (req, reply) => {
        await resetWithLink(ctx, req.body, req.ip);
        return reply.code(204).send(null);
      },
    );
  };
}
