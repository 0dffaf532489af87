// The built server's entry (`npm run build` copies this file to dist/server/index.js): it runs the
// server's bundle, dist/server/server.cjs, compiled with V8's code cache when there is one.
//
// Why: a restart spends most of its time on one thread, and compiling the ~5 MB bundle was ~0.2 s of
// it (parsing, then compiling each function as it first runs). Node 20 keeps no compile cache for
// modules (22 has module.enableCompileCache), so this does what that does, for the one file: the
// bytecode V8 made for the functions a start ran is written once to server.cjs.cache beside the
// bundle, and the next start compiles from it (docs/benchmarks.md measures it).
//
// The cache is only a speed-up: a missing, stale or refused cache (another Node, the bundle rebuilt,
// a read-only folder) means compiling as without one, and it is written again when it can be.
import { isAscii } from 'node:buffer';
import { closeSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const bundle = fileURLToPath(new URL('./server.cjs', import.meta.url));
const cacheFile = `${bundle}.cache`;
const bytes = readFileSync(bundle);
// The build writes it as ASCII: read as one-byte text, which is quicker than decoding UTF-8.
const source = isAscii(bytes) ? bytes.latin1Slice() : bytes.toString('utf8');
const stat = statSync(bundle);
// What the cache must have been made for. V8 checks its own version and flags and the source's length;
// the bundle's size and time of writing tell a rebuilt bundle of the same length apart.
const made = JSON.stringify({
  bundleSize: stat.size,
  bundleMtimeMs: stat.mtimeMs,
  node: process.version,
  arch: process.arch,
});

/** The cache's bytecode and what became of it: none (no file), stale (made for another bundle or Node), read. */
function readCache() {
  let data;
  try {
    data = readFileSync(cacheFile);
  } catch {
    return { status: 'none' };
  }
  // Layout: 4 bytes (the header's length), the header (JSON), V8's cached data.
  const headerLength = data.length >= 4 ? data.readUInt32LE(0) : Number.POSITIVE_INFINITY;
  if (4 + headerLength > data.length || data.toString('utf8', 4, 4 + headerLength) !== made)
    return { status: 'stale' };
  return { status: 'read', data: data.subarray(4 + headerLength) };
}

const cache = readCache();
// The bundle is CommonJS, in a function of its own as node wraps a module.
const wrapper = '(function (exports, require, module, __filename, __dirname) {';
const script = new vm.Script(`${wrapper}${source}\n})`, { filename: bundle, cachedData: cache.data });
// used: compiled from the cache; refused: V8 would not take it (another V8 or flags); none, stale: as read.
const status = cache.status === 'read' ? (script.cachedDataRejected ? 'refused' : 'used') : cache.status;
const fresh = status !== 'used';

let saved = false;
/** Writes the cache (once per process, only when this start had none it could use); never throws. */
function saveCache() {
  if (!fresh || saved) return;
  saved = true;
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  try {
    const header = Buffer.from(made, 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32LE(header.length, 0);
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, length);
      writeSync(fd, header);
      writeSync(fd, script.createCachedData());
    } finally {
      closeSync(fd);
    }
    // Several processes may start from one build: each writes its own file, the rename is atomic.
    renameSync(tmp, cacheFile);
  } catch {
    // A read-only or full disk: start without a cache next time, as now.
    try {
      unlinkSync(tmp);
    } catch {}
  }
}

// What the server logs when it serves (codeCache), and how it asks for the cache to be written: a second
// after it listens, once start-up's functions are compiled (server/index.ts). Not later: V8 drops the
// bytecode of functions that have not run for a while, start-up's among them. A process that ends
// normally before that writes it as it exits.
globalThis[Symbol.for('nap-tracker.codeCache')] = { status, save: saveCache };
if (fresh) {
  process.once('exit', (code) => {
    if (code === 0) saveCache();
  });
}

const run = script.runInThisContext();
const module = { exports: {} };
run.call(module.exports, module.exports, createRequire(bundle), module, bundle, path.dirname(bundle));
