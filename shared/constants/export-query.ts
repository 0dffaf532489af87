/** Where the client downloads an export (the query string the API takes). */
export function exportQueryString(q: Record<string, string | number | boolean | string[] | undefined>) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    params.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  return params.toString();
}
