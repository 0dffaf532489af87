// Types of what the tests use from build.mjs (the script itself runs as plain JavaScript).
export interface CompressedSizes {
  files: number;
  raw: number;
  br: number;
  gz: number;
}
export function compressAssets(dir: string): CompressedSizes;
export function build(
  targets?: ('server' | 'client')[],
  opts?: { ifStale?: boolean; log?: (line: string) => void },
): Promise<void>;
/** Compiles the server into outdir (default dist/server); resolves to the packages it imports. */
export function buildServer(outdir?: string): Promise<string[]>;
/** Bundles server entry points as ES modules, as buildServer does the tools, into outdir (two folders below the project). */
export function bundleServer(entryPoints: Record<string, string>, outdir: string): Promise<string[]>;
/**
 * Bundles the server (or entry) as one CommonJS file, outdir/server.cjs, with its loader as outdir/index.js,
 * which compiles it with V8's code cache.
 */
export function bundleServerMain(outdir: string, entry?: string): Promise<string[]>;
export const SERVER_ENTRIES: Record<string, string>;
/** Packages the server bundle leaves to node_modules (esbuild `external` patterns). */
export const RUNTIME_PACKAGES: readonly string[];
