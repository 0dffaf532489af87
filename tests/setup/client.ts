import { format } from 'node:util';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach, expect, vi } from 'vitest';
import { firstPartMisses } from '../client/support/render-app';

/**
 * Client test setup:
 * - unmount what Testing Library rendered after each test;
 * - a console.error fails the test (React warnings about keys, act(), invalid DOM nesting …
 *   are bugs). A test that expects one replaces the spy:
 *   `vi.spyOn(console, 'error').mockImplementation(() => {})`.
 * - findBy* and waitFor wait up to 5 s, not Testing Library's 1 s: what they wait for (a mocked
 *   fetch answered, React rendering the page) is a few hundred milliseconds here but several times
 *   that on the 2-core CI machine running other suites. The wait ends as soon as the element is
 *   there, so only a failing test is slower. The page's first load (its module imported) waits
 *   longer still: FIRST_LOAD in tests/client/support/render-app.tsx.
 */
configure({ asyncUtilTimeout: 5_000 });
let consoleErrors: string[] = [];

beforeEach(() => {
  consoleErrors = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    consoleErrors.push(format(...args));
  });
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  const errors = consoleErrors;
  consoleErrors = [];
  expect(errors, 'console.error was called').toEqual([]);
  // A page that renders with the first part of the catalog (client/i18n/parts.ts) needed a message of
  // the rest: add its prefix to FIRST_PART_PREFIXES.
  const misses = firstPartMisses.splice(0);
  expect(misses, 'messages missing from the first part of the catalog').toEqual([]);
});
