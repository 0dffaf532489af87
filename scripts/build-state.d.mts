// Types of what TypeScript code uses from build-state.mjs (the script itself runs as plain JavaScript).
/** The version of the shared schemas a build is made from (zod's version and a hash of shared/). */
export function schemaVersion(): string;
