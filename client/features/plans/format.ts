export function formatMoney(amount: number | null, currency: string | null): string {
  if (amount === null) return '—';
  const n = new Intl.NumberFormat('en', { maximumFractionDigits: 2 }).format(amount);
  return currency ? `${currency} ${n}` : n;
}

export function formatRate(rate: number | null): string {
  if (rate === null) return '—';
  return `${Number.isInteger(rate) ? rate : rate.toFixed(1)} %`;
}

/** A baseline or target: a level letter for A–E indicators, else the number (with its unit). */
export function formatAmount(a: { value: number | null; level: string | null } | null, unit?: string | null) {
  if (!a) return '—';
  if (a.level) return a.level;
  if (a.value === null) return '—';
  const n = new Intl.NumberFormat('en', { maximumFractionDigits: 2 }).format(a.value);
  return unit === '%' ? `${n} %` : unit ? `${n} ${unit}` : n;
}
