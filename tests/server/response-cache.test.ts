import { describe, expect, it } from 'vitest';
import { ResponseCache, VersionReader } from '../../server/modules/compare/response-cache';

/** A version query we finish by hand: each call records when it started. */
function manualQuery() {
  const calls: { resolve: (v: number) => void }[] = [];
  const query = () =>
    new Promise<number>((resolve) => {
      calls.push({ resolve });
    });
  return { calls, query };
}

describe('VersionReader', () => {
  it('never hands a request a read that started before it arrived', async () => {
    const { calls, query } = manualQuery();
    const reader = new VersionReader(query);
    const first = reader.read();
    expect(calls).toHaveLength(1);
    // Two requests arrive while the first read is under way: they share the NEXT read.
    const second = reader.read();
    const third = reader.read();
    expect(calls).toHaveLength(1);
    calls[0]?.resolve(1); // a write commits after this read saw version 1 …
    expect(await first).toBe(1);
    await Promise.resolve();
    await Promise.resolve();
    expect(calls).toHaveLength(2);
    calls[1]?.resolve(2); // … and the next read sees it
    expect(await second).toBe(2);
    expect(await third).toBe(2);
    // Idle again: a new request starts its own read at once.
    const fourth = reader.read();
    expect(calls).toHaveLength(3);
    calls[2]?.resolve(3);
    expect(await fourth).toBe(3);
  });

  it('lets the next read go on after a failed one', async () => {
    let n = 0;
    const reader = new VersionReader(async () => {
      n += 1;
      if (n === 1) throw new Error('connection lost');
      return 7;
    });
    const a = reader.read();
    const b = reader.read();
    await expect(a).rejects.toThrow('connection lost');
    expect(await b).toBe(7);
  });
});

describe('ResponseCache', () => {
  it('answers only for the version an entry was computed under, least recently used out', () => {
    const cache = new ResponseCache(2);
    cache.set('a', 1, Buffer.from('A1'));
    cache.set('b', 1, Buffer.from('B1'));
    expect(cache.get('a', 1)?.toString()).toBe('A1');
    expect(cache.get('a', 2)).toBeUndefined();
    cache.set('c', 1, Buffer.from('C1')); // b is the least recently used
    expect(cache.get('b', 1)).toBeUndefined();
    expect(cache.get('a', 1)?.toString()).toBe('A1');
    expect(cache.get('c', 1)?.toString()).toBe('C1');
  });

  it('keeps nothing with 0 entries', () => {
    const cache = new ResponseCache(0);
    cache.set('a', 1, Buffer.from('A1'));
    expect(cache.get('a', 1)).toBeUndefined();
  });
});
