import { format } from 'node:util';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, expect, vi } from 'vitest';

/**
 * Client test setup:
 * - unmount what Testing Library rendered after each test;
 * - a console.error fails the test (React warnings about keys, act(), invalid DOM nesting …
 *   are bugs). A test that expects one replaces the spy:
 *   `vi.spyOn(console, 'error').mockImplementation(() => {})`.
 */
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
});
