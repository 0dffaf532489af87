import type { PlanTarget } from '../../../shared';

/** "B" → a level, "42.5" → a value, "" → nothing: one input serves numbers and A–E levels. */
export function amountOf(text: string | null): { value?: number; level?: string } | null {
  if (text === null) return null;
  const t = text.trim();
  if (/^[A-Ea-e]$/.test(t)) return { level: t.toUpperCase() };
  return { value: t === '' ? Number.NaN : Number(t) };
}

/**
 * Targets typed as "2020: 40, 2022: 60" (or one per line; levels as "2022: D"). Unreadable parts come
 * back as a target with a NaN value, so the shared schema names the entry.
 */
export function parseTargets(text: string | null): { year: number; value?: number; level?: string }[] {
  if (!text) return [];
  return text
    .split(/[,;\n]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const [year, amount] = part.split(/\s*[:=]\s*/);
      return { year: Number(year), ...(amountOf(amount ?? '') ?? {}) };
    });
}

export function targetsText(targets: readonly PlanTarget[]): string {
  return targets.map((t) => `${t.year}: ${t.level ?? t.value}`).join(', ');
}
