/**
 * Promise.all for independent look-ups run together, whose errors must not depend on timing: it waits
 * for every one and throws the first failure in the order given (the framework's 404 before the
 * period's, whichever query happened to fail first).
 */
export async function allInOrder<T extends readonly unknown[] | []>(
  values: T,
): Promise<{ -readonly [P in keyof T]: Awaited<T[P]> }> {
  const settled = await Promise.allSettled(values);
  for (const s of settled) if (s.status === 'rejected') throw s.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as {
    -readonly [P in keyof T]: Awaited<T[P]>;
  };
}
