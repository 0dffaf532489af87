/**
 * The bench's server process (serve.ts) and its value-save measurement (value-saves-child.ts) bundled
 * by esbuild as `npm run build` bundles the server's command-line tools (scripts/build.mjs, bundleServer;
 * the server itself is the same code as one CommonJS file): the bench measures the code a deployment runs
 * with node, not the TypeScript sources through tsx, whose transform wraps every function it creates in a
 * naming call (keepNames), so every closure a request creates cost a call more than in the build.
 */
import path from 'node:path';
import { bundleServer } from '../../scripts/build.mjs';

/** Two folders below the project, as dist/server: the bundle finds its data files relative to itself. */
const OUT = path.resolve('dist/bench-serve');

/** The bench's scripts that run bundled, by their output name. */
const ENTRIES = {
  serve: 'tests/bench/serve.ts',
  'value-saves': 'tests/bench/value-saves-child.ts',
} as const;

let built: Promise<void> | undefined;

/** The path of one of the bench's bundled scripts (all built once per bench process). */
export async function builtScript(name: keyof typeof ENTRIES): Promise<string> {
  built ??= bundleServer({ ...ENTRIES }, OUT).then(() => undefined);
  await built;
  return path.join(OUT, `${name}.js`);
}

/** The path of the bundled serve.ts. */
export function builtServe(): Promise<string> {
  return builtScript('serve');
}
