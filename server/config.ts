import path from 'node:path';
import { z } from 'zod';

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
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
  return {
    ...c,
    PGLITE_DATA_DIR: path.resolve(c.PGLITE_DATA_DIR),
    CLIENT_DIST_DIR: path.resolve(c.CLIENT_DIST_DIR),
  };
}
