import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** One line of the table: our figure, its floor measured in the same run, their ratio, a budget. */
export interface Row {
  section: string;
  name: string;
  value: number;
  unit: string;
  floorName: string | null;
  floor: number | null;
  /** value / floor. */
  ratio: number | null;
  /** The budget, e.g. "ratio ≤ 1.2" or "≤ 1500 ms"; null where it gives none. */
  budget: string | null;
  pass: boolean | null;
}

export type Budget = { ratioMax: number } | { ratioMin: number } | { valueMax: number } | null;

export function row(
  section: string,
  name: string,
  value: number,
  unit: string,
  floor: { name: string; value: number } | null,
  budget: Budget = null,
): Row {
  const ratio = floor && floor.value > 0 ? value / floor.value : null;
  let text: string | null = null;
  let pass: boolean | null = null;
  if (budget && 'ratioMax' in budget) {
    text = `ratio ≤ ${budget.ratioMax}`;
    pass = ratio !== null && ratio <= budget.ratioMax;
  } else if (budget && 'ratioMin' in budget) {
    text = `ratio ≥ ${budget.ratioMin}`;
    pass = ratio !== null && ratio >= budget.ratioMin;
  } else if (budget && 'valueMax' in budget) {
    text = `≤ ${budget.valueMax} ${unit}`;
    pass = value <= budget.valueMax;
  }
  return {
    section,
    name,
    value,
    unit,
    floorName: floor?.name ?? null,
    floor: floor?.value ?? null,
    ratio,
    budget: text,
    pass,
  };
}

const fmt = (n: number | null) => {
  if (n === null || Number.isNaN(n)) return '–';
  const a = Math.abs(n);
  if (a >= 1000) return Math.round(n).toLocaleString('en-US');
  if (a >= 100) return n.toFixed(0);
  if (a >= 10) return n.toFixed(1);
  return n.toFixed(2);
};

/** The one table `npm run bench` prints (Markdown, so it can go into docs/benchmarks.md as it is). */
export function table(rows: Row[]): string {
  const head = ['Benchmark', 'Ours', 'Floor (same run)', 'Floor', 'Ratio', 'Budget', 'Result'];
  const lines = rows.map((r) => [
    `${r.section}: ${r.name}`,
    `${fmt(r.value)} ${r.unit}`,
    r.floorName ?? '–',
    r.floor === null ? '–' : `${fmt(r.floor)} ${r.unit}`,
    r.ratio === null ? '–' : `${r.ratio < 0.1 ? r.ratio.toPrecision(2) : r.ratio.toFixed(2)}×`,
    r.budget ?? '–',
    r.pass === null ? '' : r.pass ? 'pass' : 'FAIL',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] as string).length)));
  const fmtLine = (l: string[]) => `| ${l.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
  return [fmtLine(head), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...lines.map(fmtLine)].join(
    '\n',
  );
}

export function machine() {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
  };
}

export function writeResults(rows: Row[], extra: Record<string, unknown>): string {
  const dir = path.resolve('bench-results');
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = path.join(dir, `bench-${stamp}.json`);
  const body = JSON.stringify({ at: new Date().toISOString(), machine: machine(), ...extra, rows }, null, 2);
  writeFileSync(file, body);
  writeFileSync(path.join(dir, 'latest.json'), body);
  return file;
}
