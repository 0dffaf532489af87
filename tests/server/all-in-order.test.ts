import { describe, expect, it } from 'vitest';
import { allInOrder } from '../../server/lib/all-in-order';

const settleAfter = <T>(ms: number, fn: () => T) =>
  new Promise<T>((resolve, reject) =>
    setTimeout(() => {
      try {
        resolve(fn());
      } catch (err) {
        reject(err);
      }
    }, ms),
  );

describe('allInOrder', () => {
  it('gives every value, in the order given', async () => {
    const [a, b] = await allInOrder([settleAfter(20, () => 'first'), settleAfter(1, () => 2)]);
    expect([a, b]).toEqual(['first', 2]);
  });

  it('throws the first failure in the order given, not the first to happen', async () => {
    const framework = settleAfter(30, () => {
      throw new Error('framework: no framework with code X');
    });
    const period = settleAfter(1, () => {
      throw new Error('period: no period 2030 in framework X');
    });
    await expect(allInOrder([framework, period])).rejects.toThrow('framework: no framework');
  });

  it('waits for every look-up before throwing (none is left running)', async () => {
    let finished = false;
    const slow = settleAfter(30, () => {
      finished = true;
      return 1;
    });
    const failing = settleAfter(1, () => {
      throw new Error('country: no country');
    });
    await expect(allInOrder([failing, slow])).rejects.toThrow('country: no country');
    expect(finished).toBe(true);
  });
});
