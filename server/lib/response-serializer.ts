import { ResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';

/**
 * Every answer is checked against its route's response schema before it is written: zod keeps only
 * the keys the contract names (a column added to a query cannot leak), and an answer that breaks the
 * contract becomes a 500 that names the route in the log (server/plugins/errors.ts).
 *
 * fastify-type-provider-zod checks with `z.safeEncode`, which a response schema needs only when it
 * holds a transform or a codec (encoding runs them backwards). For every other schema the two give
 * the same result, and `safeParse` takes zod's compiled path for objects: on the comparison's answer
 * (54 kB) 44 µs against 110 µs, on `/api/health` 0.1 µs against 1.3 µs (docs/benchmarks.md). So the
 * choice is made once per route and status, on its first answer.
 */
export function responseSerializerCompiler({
  schema,
  method,
  url,
}: {
  schema: unknown;
  method: string;
  url: string;
}): (data: unknown) => string {
  const zodSchema = asZodSchema(schema);
  // Decided on the route's first answer, not here: walking every route's schemas took ~25 ms of each
  // start (CPU profile of a restart, 6 December), for routes most processes never serve.
  let check: ((data: unknown) => z.ZodSafeParseResult<unknown>) | undefined;
  return (data) => {
    check ??= runsOneWay(zodSchema)
      ? (d: unknown) => z.safeEncode(zodSchema, d)
      : (d: unknown) => zodSchema.safeParse(d);
    const result = check(data);
    if (result.error) throw new ResponseSerializationError(method, url, { cause: result.error });
    return JSON.stringify(result.data);
  };
}

function asZodSchema(schema: unknown): z.ZodType {
  if (schema instanceof z.core.$ZodType) return schema as z.ZodType;
  // Fastify hands over `{ properties: schema }` for schemas it wrapped.
  const inner = (schema as { properties?: unknown } | null)?.properties;
  if (inner instanceof z.core.$ZodType) return inner as z.ZodType;
  throw new Error(`response schema is not a zod schema: ${JSON.stringify(schema)}`);
}

/**
 * Whether a schema holds anything that parses differently from how it encodes: a transform, a pipe
 * (codecs are pipes), a catch, or a lazy schema (not walked). Defaults, optionals and the other
 * wrappers behave the same either way on a value that is present (a default also fills a missing one
 * when parsing, which the contract allows).
 */
export function runsOneWay(schema: z.core.$ZodType, seen = new Set<z.core.$ZodType>()): boolean {
  if (seen.has(schema)) return false;
  seen.add(schema);
  const def = schema._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
  const walk = (s: unknown): boolean => s instanceof z.core.$ZodType && runsOneWay(s, seen);
  switch (def.type) {
    case 'transform':
    case 'pipe':
    case 'lazy':
    case 'promise':
    case 'custom':
    // Parsing puts the fallback in place of a wrong value; encoding refuses it.
    case 'catch':
      return true;
    case 'object':
      return (
        Object.values(def.shape as Record<string, unknown>).some(walk) ||
        (def.catchall !== undefined && walk(def.catchall))
      );
    case 'array':
      return walk(def.element);
    case 'union':
      return (def.options as unknown[]).some(walk);
    case 'intersection':
      return walk(def.left) || walk(def.right);
    case 'tuple':
      return (def.items as unknown[]).some(walk) || (def.rest != null && walk(def.rest));
    case 'record':
    case 'map':
      return walk(def.keyType) || walk(def.valueType);
    case 'set':
      return walk(def.valueType);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'success':
      return walk(def.innerType);
    default:
      return false;
  }
}
