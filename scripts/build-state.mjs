// Whether dist/ was built from the sources as they are now. Read on every `npm start`, so it loads
// nothing but node: and answers from file sizes and mtimes when nothing was touched; when mtimes
// moved (a checkout, a copied folder) it compares the files' contents, so a build copied together
// with its sources stays fresh even though every mtime changed.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUILD_SCRIPTS = ['scripts/build.mjs', 'scripts/build-state.mjs', 'tsconfig.json'];

/** What each part of the build is made from, and the file that proves it was built. */
export const TARGETS = {
  server: {
    output: 'dist/server/index.js',
    // The server bundle leaves node_modules outside (packages: 'external'): the lock file is no input.
    inputs: ['server', 'shared', 'scripts/server-loader.mjs', ...BUILD_SCRIPTS],
  },
  client: {
    output: 'dist/client/index.html',
    inputs: [
      'client',
      'shared',
      'vite.config.ts',
      'scripts/strip-descriptions.mjs',
      'scripts/catalog-parts.mjs',
      'package-lock.json',
      ...BUILD_SCRIPTS,
    ],
  },
};

const stampFile = (target) => path.join(ROOT, 'dist', '.build', `${target}.json`);

function listFiles(rel, out) {
  const abs = path.join(ROOT, rel);
  if (!existsSync(abs)) return out;
  const st = statSync(abs);
  if (st.isFile()) {
    out.push({ rel, size: st.size, mtimeMs: st.mtimeMs });
    return out;
  }
  for (const entry of readdirSync(abs, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    listFiles(`${rel}/${entry.name}`, out);
  }
  return out;
}

/** The files below these paths, in path order (the order the hashes read them in). */
function filesUnder(paths) {
  const files = [];
  for (const rel of paths) listFiles(rel, files);
  return files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

const inputFiles = (target) => filesUnder(TARGETS[target].inputs);

function statSignature(files) {
  const h = createHash('sha256');
  for (const f of files) h.update(`${f.rel}\t${f.size}\t${f.mtimeMs}\n`);
  return h.digest('hex');
}

function contentHash(files) {
  const h = createHash('sha256');
  for (const f of files) {
    h.update(`${f.rel}\0`);
    h.update(readFileSync(path.join(ROOT, f.rel)));
    h.update('\0');
  }
  return h.digest('hex');
}

/**
 * The version of the shared schemas a build is made from: a hash of shared/ and of zod's version. The
 * server and the client are built with it (shared/schema-version.ts); a client that gets an answer
 * stamped with its own version knows the server shaped it with the very schemas it would check it with.
 */
export function schemaVersion() {
  const files = filesUnder(['shared']);
  const zod = JSON.parse(readFileSync(path.join(ROOT, 'node_modules/zod/package.json'), 'utf8')).version;
  return `${zod}-${contentHash(files).slice(0, 16)}`;
}

/** The fingerprint of a target's inputs now: taken before a build starts, written when it ends. */
export function fingerprint(target) {
  const files = inputFiles(target);
  return { statSignature: statSignature(files), contentHash: contentHash(files) };
}

export function writeStamp(target, print) {
  mkdirSync(path.dirname(stampFile(target)), { recursive: true });
  writeFileSync(stampFile(target), `${JSON.stringify({ ...print, builtAt: new Date().toISOString() })}\n`);
}

/** 'fresh', 'missing' (never built) or 'stale' (sources changed since the build). */
export function buildState(target) {
  if (!existsSync(path.join(ROOT, TARGETS[target].output))) return 'missing';
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(stampFile(target), 'utf8'));
  } catch {
    return 'stale';
  }
  const files = inputFiles(target);
  const statSig = statSignature(files);
  if (stamp.statSignature === statSig) return 'fresh';
  if (stamp.contentHash !== contentHash(files)) return 'stale';
  // Same contents, new mtimes: remember them so that the next start takes the quick path.
  try {
    writeStamp(target, { statSignature: statSig, contentHash: stamp.contentHash });
  } catch {
    // A read-only installation: the content check runs again next time, which is fine.
  }
  return 'fresh';
}
