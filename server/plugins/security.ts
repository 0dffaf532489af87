import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * Security headers. The Content-Security-Policy allows only this origin's own scripts, styles and
 * API (the built Vite client needs nothing else: no inline script, no CDN — checked in Chromium by
 * the browser tests, which fail on any console error); images may also be data: URLs (the favicon).
 */
export async function registerSecurityHeaders(app: FastifyInstance) {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // HTTP deployments on a local network are common in ministries: HSTS only matters over HTTPS,
    // where browsers honour it; over HTTP it is ignored.
    crossOriginEmbedderPolicy: false,
  });
  // Swagger UI applies inline styles (Chromium reports a violation under style-src 'self'): its
  // pages alone may use them. Scripts stay 'self' everywhere.
  app.addHook('onSend', async (req, reply) => {
    if (req.url.startsWith('/api/docs')) {
      const csp = String(reply.getHeader('content-security-policy') ?? '');
      reply.header(
        'content-security-policy',
        csp.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
      );
    }
  });
}
