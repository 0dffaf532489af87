import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportNames, stubSource, zodClientStubsPlugin } from '../../scripts/zod-client-stubs.mjs';

// The client build leaves zod's JSON Schema builder out of the browser's code (scripts/zod-client-stubs.mjs).
const zodCore = path.join(
  path.dirname(createRequire(import.meta.url).resolve('zod/package.json')),
  'v4/core',
);
const MODULES = ['json-schema-processors', 'to-json-schema', 'json-schema-generator'];

const load = (id: string) => {
  const hook = zodClientStubsPlugin().load as (id: string) => { code: string } | null;
  return hook(id);
};

describe('zod client stubs', () => {
  it.each(MODULES)(
    'find every export of zod/v4/core/%s.js, so the stub can stand in for it',
    async (name) => {
      const file = path.join(zodCore, `${name}.js`);
      const real = Object.keys(await import(file)).sort();
      expect(real.length).toBeGreaterThan(0);
      expect(exportNames(readFileSync(file, 'utf8')).sort()).toEqual(real);
    },
  );

  it('stub every export with one that says, when called, that JSON Schema is built on the server', async () => {
    const file = path.join(zodCore, 'to-json-schema.js');
    const stub = load(file);
    if (!stub) throw new Error('the plugin did not stub to-json-schema.js');
    const mod = await import(`data:text/javascript,${encodeURIComponent(stub.code)}`);
    expect(Object.keys(mod).sort()).toEqual(Object.keys(await import(file)).sort());
    expect(() => mod.finalize({}, {})).toThrow(/finalize \(to-json-schema\) is not in the client build/);
    // zod calls the method factories when a schema's ~standard is read: they answer a method, which throws.
    const method = mod.createStandardJSONSchemaMethod({}, 'input');
    expect(typeof method).toBe('function');
    expect(() => method({})).toThrow(/createStandardJSONSchemaMethod .* JSON Schema is built on the server/);
  });

  it('leave every other module alone, zod’s own parsing included', () => {
    expect(load(path.join(zodCore, 'schemas.js'))).toBeNull();
    expect(load(path.join(zodCore, 'parse.js'))).toBeNull();
    expect(load('/work/app/client/lib/to-json-schema.js')).toBeNull();
  });

  it('write a generator class whose constructor throws', async () => {
    const code = stubSource('json-schema-generator', ['JSONSchemaGenerator']);
    const mod = await import(`data:text/javascript,${encodeURIComponent(code)}`);
    expect(() => new mod.JSONSchemaGenerator()).toThrow(/JSONSchemaGenerator \(json-schema-generator\)/);
  });
});
