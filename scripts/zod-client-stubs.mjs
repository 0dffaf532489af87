// zod 4 builds JSON Schema from its schemas (z.toJSONSchema, a schema's toJSONSchema(), its
// ~standard.jsonSchema): the server does, for its API documentation (/api/docs). The browser never does, but
// every zod schema type points at its JSON Schema processor, so the code that builds JSON Schema (~18 kB
// minified, ~4.5 kB brotli) came into the schemas chunk that every first visit downloads. The client build
// replaces the three modules that hold it with stubs of the same exports, each throwing an error that says
// so if it is ever called. The server keeps zod as it is: it is not built by Vite.
import { readFileSync } from 'node:fs';

/** The zod modules stubbed, by their path inside the package. */
const STUBBED =
  /\/node_modules\/zod\/v4\/core\/(json-schema-processors|to-json-schema|json-schema-generator)\.js$/;

/** The names a module exports (`export function|const|class name`, `export { a as b }`). */
export function exportNames(source) {
  const names = new Set();
  for (const m of source.matchAll(/^export (?:async )?(?:function\*?|const|let|class) ([A-Za-z_$][\w$]*)/gm))
    names.add(m[1]);
  for (const m of source.matchAll(/^export \{([^}]*)\}(?! from)/gm))
    for (const part of m[1].split(',')) {
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .at(-1);
      if (name) names.add(name);
    }
  return [...names];
}

/**
 * The stub of one module: each export a function that throws, but the two `create…Method` factories,
 * which zod calls when a schema's ~standard is read and whose answer (a method) is what throws when called.
 */
export function stubSource(moduleName, names) {
  const lines = [
    `const unavailable = (name) => () => {`,
    `  throw new Error(\`zod \${name} (${moduleName}) is not in the client build: JSON Schema is built on the server (scripts/zod-client-stubs.mjs)\`);`,
    `};`,
  ];
  for (const name of names) {
    if (name === 'JSONSchemaGenerator')
      lines.push(`export class ${name} { constructor() { unavailable('${name}')(); } }`);
    else if (/^create\w*Method$/.test(name))
      lines.push(`export const ${name} = () => unavailable('${name}');`);
    else lines.push(`export const ${name} = unavailable('${name}');`);
  }
  return `${lines.join('\n')}\n`;
}

export function zodClientStubsPlugin() {
  return {
    name: 'zod-client-stubs',
    enforce: 'pre',
    load(id) {
      const path = id.split('?')[0].replaceAll('\\', '/');
      const m = STUBBED.exec(path);
      if (!m) return null;
      const names = exportNames(readFileSync(path, 'utf8'));
      if (names.length === 0) throw new Error(`zod-client-stubs: no exports found in ${path}`);
      return { code: stubSource(m[1], names), map: null };
    },
  };
}
