// The client's language catalogs are built in two parts each (client/i18n/parts.ts says which messages go
// first): `import('virtual:catalog/<lang>-first')` and `…-rest`, each a module exporting its messages as
// a plain object. The public pages a visitor lands on render with the first part (6 of English's 17 kB
// brotli) and load the rest once they have settled (docs/benchmarks.md, the slow-link rows). The catalog
// sources stay one file per language: this plugin evaluates a language's catalog with esbuild and
// splits it. Used by the build, the dev server and the tests (vite.config.ts).
import path from 'node:path';

const PREFIX = 'virtual:catalog/';
const LANGUAGES = ['en', 'fr', 'es', 'ar'];
const PARTS = ['first', 'rest'];

/** A language's catalog split into its two parts, and the files it was made from. */
export async function splitCatalog(root, lang) {
  if (!LANGUAGES.includes(lang)) throw new Error(`catalog-parts: no catalog for language "${lang}"`);
  const esbuild = await import('esbuild');
  const dir = path.join(root, 'client/i18n');
  const result = await esbuild.build({
    stdin: {
      contents: `export { ${lang} as catalog } from './locales/${lang}';\nexport { inFirstPart } from './parts';\n`,
      resolveDir: dir,
      loader: 'ts',
    },
    absWorkingDir: root,
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const source = result.outputFiles[0].text;
  const { catalog, inFirstPart } = await import(
    `data:text/javascript;base64,${Buffer.from(source).toString('base64')}`
  );
  const first = {};
  const rest = {};
  for (const [key, message] of Object.entries(catalog)) (inFirstPart(key) ? first : rest)[key] = message;
  const inputs = Object.keys(result.metafile.inputs)
    .filter((f) => !f.startsWith('<'))
    .map((f) => path.resolve(root, f));
  return { first, rest, inputs };
}

export function catalogPartsPlugin({ root }) {
  /** Per language, while its sources are unchanged. */
  const splits = new Map();
  return {
    name: 'catalog-parts',
    resolveId(id) {
      return id.startsWith(PREFIX) ? `\0${id}` : null;
    },
    async load(id) {
      if (!id.startsWith(`\0${PREFIX}`)) return null;
      // virtual:catalog/en-first: its chunk is named en-first too.
      const [lang, part, ...extra] = id.slice(PREFIX.length + 1).split('-');
      if (!PARTS.includes(part) || extra.length > 0)
        throw new Error(`catalog-parts: no module ${id.slice(1)}`);
      let split = splits.get(lang);
      if (!split) {
        split = splitCatalog(root, lang);
        splits.set(lang, split);
        split.catch(() => splits.delete(lang));
      }
      const parts = await split;
      for (const file of parts.inputs) this.addWatchFile(file);
      return `export default ${JSON.stringify(parts[part])};\n`;
    },
    watchChange() {
      splits.clear();
    },
  };
}
