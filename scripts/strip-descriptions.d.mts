// Types of strip-descriptions.mjs (it runs as plain JavaScript, like build.mjs).
import type { Plugin } from 'vite';

/** The [start, end) ranges of the `.describe(text)` parts of calls in a module, in order. */
export function describeRanges(code: string, filename: string): [number, number][];
/** The module with those ranges blanked (spaces, line breaks kept); null when it has none. */
export function stripDescriptions(code: string, filename: string): string | null;
/** The Vite plugin: the shared modules, in the client build only. */
export function stripDescriptionsPlugin(): Plugin;
