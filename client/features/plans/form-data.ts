/*
 * The app's one form approach: an uncontrolled <form>, read with FormData when submitted, checked
 * with the endpoint's shared zod schema before it is sent (the server checks again).
 */

/** A text field: trimmed, null when empty (so optional columns are cleared). */
export function textOf(data: FormData, name: string): string | null {
  const v = data.get(name);
  if (typeof v !== 'string') return null;
  const t = v.trim();
  return t === '' ? null : t;
}

/** A number field: null when empty; NaN stays NaN so the schema names the field. */
export function numberOf(data: FormData, name: string): number | null {
  const t = textOf(data, name);
  return t === null ? null : Number(t);
}

/** Drops null entries: for a partial update, an empty optional field means "leave it". */
export function withoutNulls<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null)) as Partial<T>;
}
