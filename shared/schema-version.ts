/**
 * The version of the shared schemas this code was built from (zod's version and a hash of shared/,
 * scripts/build-state.mjs): set by the client's build (vite.config.ts) and the server's
 * (scripts/build.mjs), null where the code runs from its sources (tsx). The server stamps every
 * answer it shaped with a route's response schema (SCHEMA_HEADER); a client of the same version takes
 * it as it is, any other checks it with its own schema (client/lib/api-client.ts,
 * docs/decisions/lazy-response-schemas.md).
 */
declare const __NAP_SCHEMA_VERSION__: string | undefined;

export const SCHEMA_VERSION: string | null =
  typeof __NAP_SCHEMA_VERSION__ === 'string' ? __NAP_SCHEMA_VERSION__ : null;

/** The response header that carries the server's SCHEMA_VERSION. */
export const SCHEMA_HEADER = 'x-schema-version';
