import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/client';
import { AppError } from '../../lib/errors';
import { pingMigratedDatabase } from './repository';

/** Readiness: the database answers and is migrated, else 503 (the cause goes to the log, not the caller). */
export async function readiness(database: Database, log: FastifyBaseLogger) {
  try {
    await pingMigratedDatabase(database);
  } catch (err) {
    log.warn({ err }, 'readiness check failed');
    throw new AppError(503, 'database: not reachable or not migrated');
  }
  return { status: 'ready' as const, database: database.kind };
}
