import fc from 'fast-check';

/** A JSON Schema as @fastify/swagger prints it from the zod schemas (the subset this app uses). */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  items?: JsonSchema;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
}

/**
 * Values an attacker or a broken client sends: what Postgres cannot store (NUL, lone surrogates),
 * numbers at the edges of a double (huge, subnormal, negative zero), numbers as strings a parser may
 * take (NaN, Infinity, 1e999), very long strings, and every wrong JSON type.
 */
export const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '\ud800',
    'x\udfff',
    'NaN',
    'Infinity',
    '-Infinity',
    '1e999',
    '-0',
    '0x10',
    ' ',
    '',
    '%00',
    '../../etc/passwd',
    "'; drop table plans; --",
    '\u202e\u0644\u0639',
    '🦠'.repeat(50),
  ),
  fc.constantFrom(1e308, -1e308, 5e-324, -5e-324, 1e-320, 2 ** 53 + 1, -(2 ** 31) - 1, 2 ** 31, -0, 1e15 + 1),
  fc.constantFrom(null, true, false, [], {}, [null], { $ne: 1 }),
  fc.string({ minLength: 3000, maxLength: 6000 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Realistic values for fields named like these, so that generated requests reach deep code paths. */
const KNOWN: Record<string, unknown[]> = {
  iso3: ['JOR', 'LBN', 'SYR', 'FRA'],
  country: ['JOR', 'LBN', 'SYR'],
  framework: ['tracss-2019-2020', 'national-jor'],
  frameworkCode: ['tracss-2019-2020', 'national-jor'],
  indicator: ['4.1', '7.4', '9.1'],
  period: ['2019-2020', '2020'],
  code: ['tracss-2019-2020', '2019-2020', 'SO1'],
  level: ['A', 'C', 'E'],
  locale: ['en', 'fr', 'ar', 'es'],
};

const idLike = /(^id$|Id$)/;

function resolve(schema: JsonSchema, root: { components?: { schemas?: Record<string, JsonSchema> } }) {
  let s = schema;
  for (let i = 0; s.$ref && i < 10; i++) {
    const name = s.$ref.split('/').pop() as string;
    s = root.components?.schemas?.[name] ?? {};
  }
  return s;
}

function typed(schema: JsonSchema): string | undefined {
  const t = schema.type;
  if (Array.isArray(t)) return t.find((x) => x !== 'null');
  return t;
}

/**
 * 'shaped': every leaf fits its schema's type and bounds, with the edge cases of each type (strings
 * holding NUL or a lone surrogate, subnormal or extreme numbers within the bounds), so that a request
 * passes validation and carries them into the code. 'hostile': any leaf may also be anything.
 */
export type Mode = 'shaped' | 'hostile';

/** Values of the schema (bounds, enums and required keys honoured), in the given mode. */
export function arbitraryOf(
  schema: JsonSchema,
  root: object,
  mode: Mode,
  name = '',
  depth = 0,
): fc.Arbitrary<unknown> {
  const s = resolve(schema, root as never);
  const leaf = (valid: fc.Arbitrary<unknown>) => {
    const known = KNOWN[name];
    const options: fc.WeightedArbitrary<unknown>[] = [{ arbitrary: valid, weight: 5 }];
    if (mode === 'hostile') options.push({ arbitrary: hostile, weight: 2 });
    if (known) options.push({ arbitrary: fc.constantFrom(...known), weight: 4 });
    if (idLike.test(name)) options.push({ arbitrary: fc.integer({ min: 1, max: 40 }), weight: 4 });
    return fc.oneof(...options);
  };
  const variants = s.anyOf ?? s.oneOf;
  if (variants && variants.length > 0) {
    return fc.oneof(...variants.map((v) => arbitraryOf(v, root, mode, name, depth + 1)));
  }
  if (s.allOf && s.allOf.length > 0)
    return arbitraryOf(s.allOf[0] as JsonSchema, root, mode, name, depth + 1);
  if (s.const !== undefined) return leaf(fc.constant(s.const));
  if (s.enum) return leaf(fc.constantFrom(...s.enum));
  const nullable = Array.isArray(s.type) && s.type.includes('null');
  const base = baseOf(s, root, mode, name, depth, leaf);
  return nullable ? fc.oneof(base, fc.constant(null)) : base;
}

function baseOf(
  s: JsonSchema,
  root: object,
  mode: Mode,
  name: string,
  depth: number,
  leaf: (valid: fc.Arbitrary<unknown>) => fc.Arbitrary<unknown>,
): fc.Arbitrary<unknown> {
  switch (typed(s)) {
    case 'string': {
      if (s.format === 'date') return leaf(fc.constantFrom('2020-01-01', '2022-12-31', '1999-02-30'));
      if (s.format === 'uri') return leaf(fc.constantFrom('https://example.org/r', 'javascript:alert(1)'));
      if (s.format === 'email') return leaf(fc.constantFrom('fuzz@example.org', 'a@b'));
      const plain = fc.string({
        minLength: Math.max(s.minLength ?? 0, 1),
        maxLength: Math.min(s.maxLength ?? 40, 60),
      });
      return leaf(
        fc.oneof(
          { arbitrary: plain, weight: 3 },
          { arbitrary: plain.map((x) => `${x}\u0000${x}`), weight: 2 },
          { arbitrary: plain.map((x) => `${x}\ud800`), weight: 1 },
        ),
      );
    }
    case 'integer': {
      const min = Math.max(s.minimum ?? -1000, -1e6);
      const max = Math.min(s.maximum ?? 1000, 1e6);
      return leaf(fc.integer({ min: Math.ceil(min), max: Math.floor(Math.max(min, max)) }));
    }
    case 'number': {
      const min = s.minimum ?? -1e6;
      const max = s.maximum ?? 1e6;
      const edges = [min, max, 0, -0, 5e-324, -5e-324, 1e-320, 1e-10, 1e15].filter(
        (x) => x >= min && x <= max,
      );
      return leaf(
        fc.oneof(
          fc.double({ min, max, noNaN: true }),
          fc.integer({ min: -100, max: 100 }),
          fc.constantFrom(...edges),
        ),
      );
    }
    case 'boolean':
      return leaf(fc.boolean());
    case 'array': {
      if (depth > 6) return fc.constant([]);
      const item = s.items ? arbitraryOf(s.items, root, mode, name, depth + 1) : hostile;
      return leaf(fc.array(item, { maxLength: Math.min(s.maxItems ?? 4, 4) }));
    }
    case 'object': {
      if (depth > 6) return fc.constant({});
      const props = s.properties ?? {};
      const required = new Set(s.required ?? []);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(props)) record[k] = arbitraryOf(v, root, mode, k, depth + 1);
      const requiredKeys = Object.keys(props).filter((k) => required.has(k));
      return leaf(fc.record(record, { requiredKeys }));
    }
    default:
      return hostile;
  }
}
