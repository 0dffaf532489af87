import path from 'node:path';
import { z } from 'zod';

const perMinute = (fallback: number) => z.coerce.number().int().min(0).max(100_000).default(fallback);

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z
    .enum(['auto', 'json', 'pretty'])
    .default('auto')
    .describe('auto: readable on a terminal, JSON lines otherwise'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional()
    .describe('Postgres server; unset = embedded PGlite'),
  PGLITE_DATA_DIR: z.string().min(1).default('.data/pglite'),
  LOAD_REFERENCE_DATA: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  CLIENT_DIST_DIR: z.string().min(1).default('dist/client'),
  SERVE_SOURCE_MAPS: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe("Serve the client's source maps (they publish the source code)"),
  METRICS: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('Expose GET /metrics (Prometheus text format)'),
  PUBLIC_READ: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true')
    .describe('Anonymous visitors may read approved data'),
  APPROVAL_FOUR_EYES: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true')
    .describe('Who submitted a period (or last changed its values) may not approve it'),
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('Behind a reverse proxy: trust X-Forwarded-For/-Proto (client address, Secure cookie)'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(720).default(12),
  ADMIN_EMAIL: z.string().trim().max(254).pipe(z.email('must be an email address')).optional(),
  ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').max(256).optional(),
  // Limits on expensive work (docs/decisions/rate-limits-and-load-shedding.md): requests a
  // minute per signed-in user, or per client address for anonymous requests; 0 = no limit.
  RATE_LIMIT_SIGN_IN_PER_MINUTE: perMinute(30),
  RATE_LIMIT_REPORTS_PER_MINUTE: perMinute(12),
  RATE_LIMIT_EXPORTS_PER_MINUTE: perMinute(30),
  RATE_LIMIT_IMPORTS_PER_MINUTE: perMinute(20),
  // Reports (PDF/XLSX) and data exports that run at once in this process, and how many may wait.
  REPORT_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  REPORT_QUEUE: z.coerce.number().int().min(0).max(1000).default(4),
  EXPORT_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  EXPORT_QUEUE: z.coerce.number().int().min(0).max(1000).default(4),
  MAX_EVENT_LOOP_DELAY_MS: z.coerce
    .number()
    .int()
    .min(0)
    .max(60_000)
    .default(1000)
    .describe('Answer 503 while the event loop lags more than this (ms); 0 = off'),
  BUSY_RETRY_AFTER_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
  // E-mail (docs/decisions/e-mail-reminders.md): off while SMTP_URL is unset.
  SMTP_URL: z
    .url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' })
    .max(2000)
    .optional()
    .describe('SMTP server for reminders, e.g. smtps://user:pass@mail.example.org:465; unset = no e-mail'),
  MAIL_FROM: z
    .string()
    .trim()
    .max(320)
    .regex(/^(?:[^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/, 'must be an address, or "Name <address>"')
    .optional(),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
    .max(500)
    .transform((u) => u.replace(/\/+$/, ''))
    .optional()
    .describe('The address users open (links in e-mails), e.g. https://nap.example.org'),
  REMINDER_DAYS_BEFORE: z.coerce.number().int().min(0).max(90).default(7),
  DIGEST_HOUR_UTC: z.coerce.number().int().min(0).max(23).default(6),
});

export type Config = z.infer<typeof EnvSchema>;

/** Parses the environment once; a bad variable stops the process with a list of every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const problems: string[] = [];
  if ((c.ADMIN_EMAIL === undefined) !== (c.ADMIN_PASSWORD === undefined)) {
    problems.push('ADMIN_EMAIL and ADMIN_PASSWORD: set both or neither');
  }
  if (c.SMTP_URL !== undefined) {
    // Without a sender the server refuses the mail; without the public address the links point nowhere.
    if (c.MAIL_FROM === undefined) problems.push('MAIL_FROM: required when SMTP_URL is set');
    if (c.PUBLIC_URL === undefined)
      problems.push('PUBLIC_URL: required when SMTP_URL is set (links in e-mails)');
  }
  if (problems.length > 0)
    throw new Error(`Invalid environment:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  return {
    ...c,
    PGLITE_DATA_DIR: path.resolve(c.PGLITE_DATA_DIR),
    CLIENT_DIST_DIR: path.resolve(c.CLIENT_DIST_DIR),
  };
}

/**
 * What the app's build takes from the configuration (server/app.ts's AppDeps): the server's entry and
 * the bench's start-up floor (tests/bench/app-ready.ts) build the app with the same settings.
 */
export function appSettings(c: Config) {
  return {
    clientDistDir: c.CLIENT_DIST_DIR,
    serveSourceMaps: c.SERVE_SOURCE_MAPS,
    metrics: c.METRICS,
    publicRead: c.PUBLIC_READ,
    fourEyes: c.APPROVAL_FOUR_EYES,
    trustProxy: c.TRUST_PROXY,
    session: { idleMs: c.SESSION_IDLE_MINUTES * 60_000, absoluteMs: c.SESSION_MAX_HOURS * 3_600_000 },
  };
}

/** The e-mail settings when SMTP is configured (loadConfig checked they come together), else null. */
export function mailConfig(c: Config) {
  if (!c.SMTP_URL || !c.MAIL_FROM || !c.PUBLIC_URL) return null;
  return {
    smtpUrl: c.SMTP_URL,
    from: c.MAIL_FROM,
    publicUrl: c.PUBLIC_URL,
    daysBefore: c.REMINDER_DAYS_BEFORE,
    digestHourUtc: c.DIGEST_HOUR_UTC,
  };
}
