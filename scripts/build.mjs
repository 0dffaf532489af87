// `npm run build`: the server compiled by esbuild into dist/server (so production runs plain node,
// without tsx), the client by Vite into dist/client, each asset precompressed (brotli and gzip) for
// @fastify/static's preCompressed option. `--if-stale` builds only what changed since the last
// build; `--server` / `--client` build one part. Needs the devDependencies (esbuild, vite).
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { buildState, fingerprint, ROOT, schemaVersion, TARGETS, writeStamp } from './build-state.mjs';

/**
 * The server process: bundled as one CommonJS file (dist/server/server.cjs), which its entry
 * dist/server/index.js (scripts/server-loader.mjs) compiles with V8's code cache.
 */
export const SERVER_MAIN = 'server/index.ts';

/** The command-line tools `npm run …` starts, bundled as ES modules that share their chunks. */
export const SERVER_TOOLS = {
  'cli-import': 'server/cli/import.ts',
  'cli-create-admin': 'server/cli/create-admin.ts',
  'cli-backup': 'server/cli/backup.ts',
  'cli-restore': 'server/cli/restore.ts',
};

/** Server entry points, by the file each is started from in dist/server (index.js: the server). */
export const SERVER_ENTRIES = { index: SERVER_MAIN, ...SERVER_TOOLS };

/**
 * The bundle runs from dist/server, but modules find their data next to their source (migrations,
 * reference data, fonts, the password list): `import.meta.url` is rewritten to the URL the source
 * file has in the installed tree, so those paths resolve as they do under tsx.
 */
const sourceLocation = {
  name: 'source-location',
  setup(build) {
    build.onLoad({ filter: /\.tsx?$/ }, async (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const rel = path.relative(ROOT, args.path).split(path.sep).join('/');
      const url = `new URL(${JSON.stringify(`../../${rel}`)}, import.meta.url).href`;
      return {
        contents: text.replaceAll('import.meta.url', url),
        loader: args.path.endsWith('x') ? 'tsx' : 'ts',
      };
    });
  },
};

/**
 * Packages left outside the bundle, resolved by node at run time from node_modules: native addons,
 * packages that read files next to their own code (PGlite's WebAssembly, PDF fonts and metrics,
 * country-name catalogues required by path), pino-pretty (a terminal's log lines only), and the large
 * libraries only a report or an export loads. pino itself is bundled: the server writes to a
 * destination in its own thread and starts none of pino's transports, which would need its files
 * (loaded by node from node_modules, it took ~18 ms of every start). Everything else (Fastify and its
 * plugins, Swagger UI's among them, zod, drizzle, postgres.js…) is bundled: node then resolves,
 * reads and compiles a few files instead of hundreds, which was most of the time a restart spent
 * loading modules (docs/benchmarks.md).
 */
export const RUNTIME_PACKAGES = [
  '@electric-sql/pglite',
  '@napi-rs/canvas',
  '@node-rs/argon2',
  // It loads `cookie` (an ES module of its own node_modules) with a dynamic import(): bundled, the
  // module came back without its functions and every sign-in answered 500.
  '@fastify/cookie',
  '@expo-google-fonts/*',
  // Its dictionary export is read through Node's own CommonJS–ESM interop (bundled, it came out empty).
  '@zxcvbn-ts/language-common',
  'pdfkit',
  'exceljs',
  'i18n-iso-countries',
  'pino-pretty',
  'nodemailer',
  'prom-client',
];

/** Compiles the server into outdir (dist/server); returns the packages the bundle imports at run time. */
export async function buildServer(outdir = path.join(ROOT, 'dist/server')) {
  const tools = await bundleServer(SERVER_TOOLS, outdir);
  const main = await bundleServerMain(outdir);
  return [...new Set([...tools, ...main])].sort();
}

/** What both bundles share: the sources' data files found from the bundle, the packages left outside. */
function serverOptions(outdir) {
  if (path.relative(ROOT, outdir).split(path.sep).length !== 2)
    throw new Error(`bundleServer: ${outdir} is not two folders below ${ROOT}`);
  return {
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    target: 'node20.19',
    external: RUNTIME_PACKAGES,
    sourcemap: true,
    logLevel: 'warning',
    plugins: [sourceLocation],
    // The schemas' version, which the server's answers carry (shared/schema-version.ts).
    define: { __NAP_SCHEMA_VERSION__: JSON.stringify(schemaVersion()) },
    metafile: true,
  };
}

/** The packages outside the bundle that its outputs import (node resolves them from node_modules). */
function externalPackages(metafile) {
  const packages = new Set();
  for (const output of Object.values(metafile.outputs)) {
    for (const i of output.imports) {
      if (!i.external || isBuiltin(i.path)) continue;
      packages.add(i.path.startsWith('@') ? i.path.split('/').slice(0, 2).join('/') : i.path.split('/')[0]);
    }
  }
  return [...packages].sort();
}

/**
 * Bundles server entry points as ES modules (the command-line tools; the bench builds its own server
 * process this way, so that it measures the code `npm start` runs, not the sources through tsx). outdir
 * must be two folders below the project, as dist/server is: the bundle finds its data files relative to
 * itself (sourceLocation). Empties outdir first.
 */
export async function bundleServer(entryPoints, outdir) {
  const esbuild = await import('esbuild');
  const options = serverOptions(outdir);
  rmSync(outdir, { recursive: true, force: true });
  const result = await esbuild.build({
    ...options,
    entryPoints,
    outdir,
    // Code split so that what loads lazily in the source (report renderers, drivers) still does.
    splitting: true,
    format: 'esm',
    // Bundled CommonJS packages call require() for node's built-in modules.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    chunkNames: '[name]-[hash]',
  });
  // Node reads .js in dist/server as ESM only with a package.json saying so (the root one does too,
  // but a copied dist/ may travel without it).
  writeFileSync(path.join(outdir, 'package.json'), '{ "type": "module" }\n');
  return externalPackages(result.metafile);
}

/**
 * The server process as one CommonJS file, outdir/server.cjs, and its entry outdir/index.js (the
 * loader, scripts/server-loader.mjs), which compiles it with V8's code cache: Node 20 has no code cache
 * for ES modules. Everything the server imports is inside (what it imports lazily stays lazy: its
 * module code runs when first imported). Run after bundleServer, which empties outdir. (The bench
 * bundles a floor of its own this way: entry.)
 */
export async function bundleServerMain(outdir, entry = SERVER_MAIN) {
  const esbuild = await import('esbuild');
  const options = serverOptions(outdir);
  const outfile = path.join(outdir, 'server.cjs');
  const result = await esbuild.build({
    ...options,
    entryPoints: [entry],
    outfile,
    write: false,
    format: 'cjs',
    // The packages left outside that the server imports lazily are required (each has a CommonJS
    // entry): a script compiled from a code cache has no callback for import(), and PGlite, which
    // drizzle's driver requires, is then loaded once rather than as both its builds.
    supported: { 'dynamic-import': false },
    define: { ...options.define, 'import.meta.url': '__import_meta_url' },
    banner: { js: "var __import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
  });
  mkdirSync(outdir, { recursive: true });
  for (const file of result.outputFiles) {
    // All ASCII, so that the loader reads it as one-byte text (a third of the time UTF-8 decoding took,
    // and half the memory). esbuild escapes strings, templates and names already (charset ascii); what
    // it leaves is in comments and regular expressions, where \uXXXX means the same character. (The
    // source map's columns after such a character on its line shift by five.)
    writeFileSync(
      file.path,
      file.path === outfile
        ? file.text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
        : file.contents,
    );
  }
  copyFileSync(path.join(ROOT, 'scripts/server-loader.mjs'), path.join(outdir, 'index.js'));
  return externalPackages(result.metafile);
}

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|xml|wasm|webmanifest)$/;

/** Writes file.br and file.gz beside every compressible asset where they save at least 10 %. */
export function compressAssets(dir) {
  const sizes = { files: 0, raw: 0, br: 0, gz: 0 };
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const file = path.join(d, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (COMPRESSIBLE.test(entry.name) && statSync(file).size >= 1024) {
        const raw = readFileSync(file);
        const br = brotliCompressSync(raw, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
          },
        });
        const gz = gzipSync(raw, { level: 9 });
        sizes.files++;
        sizes.raw += raw.length;
        if (br.length < raw.length * 0.9) {
          writeFileSync(`${file}.br`, br);
          sizes.br += br.length;
        } else sizes.br += raw.length;
        if (gz.length < raw.length * 0.9) {
          writeFileSync(`${file}.gz`, gz);
          sizes.gz += gz.length;
        } else sizes.gz += raw.length;
      }
    }
  };
  walk(dir);
  return sizes;
}

async function buildClient(quiet) {
  const { build } = await import('vite');
  await build({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: quiet ? 'warn' : 'info' });
  return compressAssets(path.join(ROOT, 'dist/client'));
}

const kB = (n) => `${(n / 1024).toFixed(0)} kB`;

/** Builds the targets (all by default); with ifStale only those whose sources changed. */
export async function build(targets = Object.keys(TARGETS), { ifStale = false, log = console.log } = {}) {
  for (const target of targets) {
    const state = buildState(target);
    if (ifStale && state === 'fresh') continue;
    const started = performance.now();
    // Fingerprint before building: a file saved during the build makes the next start rebuild.
    const print = fingerprint(target);
    if (target === 'server') await buildServer();
    else {
      const s = await buildClient(ifStale);
      log(
        `client assets: ${s.files} compressible files, ${kB(s.raw)} → brotli ${kB(s.br)}, gzip ${kB(s.gz)}`,
      );
    }
    writeStamp(target, print);
    const why = state === 'fresh' ? '' : ` (${state === 'missing' ? 'no build yet' : 'sources changed'})`;
    log(`built ${target}${why} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.chdir(ROOT);
  const args = process.argv.slice(2);
  const only = Object.keys(TARGETS).filter((t) => args.includes(`--${t}`));
  await build(only.length > 0 ? only : undefined, { ifStale: args.includes('--if-stale') });
}
