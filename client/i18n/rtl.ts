/**
 * Chart.js options for right-to-left languages: legend and tooltip laid out right to left, and the
 * horizontal (x) axis reversed so charts read from the right, as Arabic does: the first category of
 * a column chart sits on the right and the value axis stands on the right; the bars of a horizontal bar chart grow leftwards from a value
 * axis whose category labels stand on the right.
 */
export function chartDirection(dir: 'ltr' | 'rtl', indexAxis: 'x' | 'y' | null = 'x') {
  if (dir === 'ltr') return {};
  return {
    plugins: {
      legend: { rtl: true, textDirection: 'rtl', align: 'end' as const },
      tooltip: { rtl: true, textDirection: 'rtl' },
    },
    ...(indexAxis === 'x' ? { scales: { x: { reverse: true }, y: { position: 'right' as const } } } : {}),
    ...(indexAxis === 'y' ? { scales: { x: { reverse: true }, y: { position: 'right' as const } } } : {}),
  };
}

type Plain = Record<string, unknown>;
const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);

function merge(base: Plain, extra: Plain): Plain {
  const out: Plain = { ...base };
  for (const [k, v] of Object.entries(extra)) {
    const b = out[k];
    out[k] = isPlain(b) && isPlain(v) ? merge(b, v) : v;
  }
  return out;
}

/** A chart's options with the direction of the interface language merged in (a copy; `options` is untouched). */
export function withDirection<T extends object>(
  options: T,
  dir: 'ltr' | 'rtl',
  indexAxis: 'x' | 'y' | null,
): T {
  return merge(options as Plain, chartDirection(dir, indexAxis)) as T;
}
