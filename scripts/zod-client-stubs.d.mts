// Types of zod-client-stubs.mjs (it runs as plain JavaScript, like build.mjs).
import type { Plugin } from 'vite';

export function exportNames(source: string): string[];
export function stubSource(moduleName: string, names: string[]): string;
export function zodClientStubsPlugin(): Plugin;
