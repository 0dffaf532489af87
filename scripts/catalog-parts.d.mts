// Types of catalog-parts.mjs (it runs as plain JavaScript, like build.mjs).
import type { Plugin } from 'vite';

type Messages = Record<string, string | Record<string, string>>;
export function splitCatalog(
  root: string,
  lang: string,
): Promise<{ first: Messages; rest: Messages; inputs: string[] }>;
export function catalogPartsPlugin(options: { root: string }): Plugin;
