import { afterAll, beforeAll, describe, it } from 'vitest';
import { openWalk, walkEveryReadPath } from './support/visibility-walk';

/*
 * One visibility rule on every read path (the walk: tests/server/support/visibility-walk.ts), as an
 * anonymous visitor. The signed-in caller is its own file, so that the two run side by side.
 */
let close: () => Promise<void>;
beforeAll(async () => {
  ({ close } = await openWalk());
}, 120_000);
afterAll(async () => close?.());

describe('no unapproved value or comment on any read path (PUBLIC_READ=true)', () => {
  it('as an anonymous visitor', { timeout: 600_000 }, async () => {
    await walkEveryReadPath(() => null);
  });
});
