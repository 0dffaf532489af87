import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { REFERENCE_DATA_DIR } from '../../db/reference/paths';
import { parseCsvRecords } from '../../lib/spreadsheet/csv';

export const UNGA_2024_TARGETS = path.join(REFERENCE_DATA_DIR, 'global-targets/unga_2024_amr_targets.csv');

export interface ReportedTarget {
  id: string;
  year: number | null;
  target: string;
  baseline: string | null;
  monitoringSource: string | null;
  sourceAddresses: string[];
  sourceKind: string;
}

/** The shipped targets file (reference data, read-only): one row per target, as reported. */
export async function readReportedTargets(file = UNGA_2024_TARGETS): Promise<ReportedTarget[]> {
  const records = parseCsvRecords(await readFile(file, 'utf8'));
  return records.map((r, i) => {
    const id = (r.target_id ?? '').trim();
    const target = (r.target_as_reported ?? '').trim();
    if (!id || !target) throw new Error(`${path.basename(file)}: row ${i + 2} has no target_id or target`);
    const year = (r.year ?? '').trim();
    return {
      id,
      year: year ? Number(year) : null,
      target,
      baseline: (r.baseline_as_reported ?? '').trim() || null,
      monitoringSource: (r.monitoring_source_as_reported ?? '').trim() || null,
      sourceAddresses: (r.source_address ?? '')
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean),
      sourceKind: (r.source_kind ?? '').trim(),
    };
  });
}
