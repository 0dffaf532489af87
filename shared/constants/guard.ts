/**
 * Whether a value is one of a fixed list of codes: the client checks URL parameters and <select>
 * values with it while rendering, without zod (zod and the schemas load after the first page).
 */
export function isOneOf<const T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}
