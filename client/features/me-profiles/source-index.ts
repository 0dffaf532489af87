import type { MeSource } from '../../../shared';

/**
 * One numbered list of sources for a whole table: each distinct source gets one number, however
 * many cells cite it.
 */
export function createSourceIndex() {
  const list: MeSource[] = [];
  const numbers = new Map<string, number>();
  const ref = (s: MeSource): number => {
    const key = JSON.stringify([s.title, s.locator, s.url]);
    let n = numbers.get(key);
    if (n === undefined) {
      list.push(s);
      n = list.length;
      numbers.set(key, n);
    }
    return n;
  };
  return { list, refs: (sources: readonly MeSource[]) => sources.map(ref) };
}
