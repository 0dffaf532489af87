/**
 * The bench's server process (serve.ts) bundled as `npm run build` bundles the server
 * (scripts/build.mjs, bundleServer): the bench measures the code a deployment runs with node, not the
 * TypeScript sources through tsx, whose transform wraps every function it creates in a naming call
 * (keepNames), so every closure a request creates cost a call more than in the build.
 */
import path from 'node:path';
import { bundleServer } from '../../scripts/build.mjs';

/** Two folders below the project, as dist/server: the bundle finds its data files relative to itself. */
const OUT = path.resolve('dist/bench-serve');

let built: Promise<string> | undefined;

/** The path of the bundled serve.ts (built once per bench process). */
export function builtServe(): Promise<string> {
  if (!built) {
    built = bundleServer({ serve: 'tests/bench/serve.ts' }, OUT).then(() => path.join(OUT, 'serve.js'));
  }
  return built;
}
