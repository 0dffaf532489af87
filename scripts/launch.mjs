// `npm start` and the command-line tools (`npm run import`, `create-admin`, `backup`, `restore`):
// runs the built server (plain node, no tsx or vite at run time), building it first only when the
// build is missing or its sources changed. The build runs in a child process, so the server never
// holds the bundlers in memory.
//   node scripts/launch.mjs [server|import|create-admin|backup|restore] [arguments…]
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildState, ROOT } from './build-state.mjs';

const ENTRIES = {
  server: { file: 'index.js', targets: ['server', 'client'] },
  import: { file: 'cli-import.js', targets: ['server'] },
  'create-admin': { file: 'cli-create-admin.js', targets: ['server'] },
  backup: { file: 'cli-backup.js', targets: ['server'] },
  restore: { file: 'cli-restore.js', targets: ['server'] },
};

const name = process.argv[2] && !process.argv[2].startsWith('-') ? process.argv[2] : 'server';
const entry = ENTRIES[name];
if (!entry) {
  console.error(`Unknown command "${name}": one of ${Object.keys(ENTRIES).join(', ')}`);
  process.exit(2);
}
// The tool reads its own arguments from process.argv (util.parseArgs): drop the command name.
if (process.argv[2] === name) process.argv.splice(2, 1);

function buildToolsInstalled() {
  const require = createRequire(path.join(ROOT, 'package.json'));
  try {
    require.resolve('esbuild');
    require.resolve('vite');
    return true;
  } catch {
    return false;
  }
}

const states = Object.fromEntries(entry.targets.map((t) => [t, buildState(t)]));
const toBuild = entry.targets.filter((t) => states[t] !== 'fresh');
if (toBuild.length > 0) {
  if (buildToolsInstalled()) {
    const flags = toBuild.map((t) => `--${t}`);
    const built = spawnSync(
      process.execPath,
      [path.join(ROOT, 'scripts/build.mjs'), '--if-stale', ...flags],
      {
        cwd: ROOT,
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    if (built.status !== 0) process.exit(built.status ?? 1);
  } else if (toBuild.some((t) => states[t] === 'missing')) {
    console.error(
      `No build of the ${toBuild.join(' and ')} in dist/, and the build tools (devDependencies) are not ` +
        'installed: run `npm ci && npm run build` (on a build machine, then copy dist/), or install them here.',
    );
    process.exit(1);
  } else {
    // A production install (npm ci --omit=dev) whose sources differ from the build: run what was built.
    console.error(
      `warning: the sources changed since dist/ was built (${toBuild.join(', ')}), and the build tools are ` +
        'not installed: running the existing build. Rebuild it (npm run build) and copy dist/ again.',
    );
  }
}

await import(pathToFileURL(path.join(ROOT, 'dist/server', entry.file)).href);
