import {
  FUNDING_STATUSES,
  type FundingStatus,
  type PlanStatus,
  type ProgressStatus,
  SECTOR_NAMES,
  type Sector,
} from '../../../shared';

export const PLAN_STATUS_NAMES: Record<PlanStatus, string> = {
  draft: 'Draft',
  approved: 'Approved',
  implementing: 'Implementing',
  closed: 'Closed',
};

export const FUNDING_STATUS_NAMES: Record<FundingStatus, string> = {
  funded: 'Funded',
  partly: 'Partly funded',
  unfunded: 'Unfunded',
};
export const FUNDING_ORDER = FUNDING_STATUSES;

export const PROGRESS_STATUS_NAMES: Record<ProgressStatus, string> = {
  achieved: 'Achieved',
  on_track: 'On track',
  at_risk: 'At risk',
  off_track: 'Off track',
  no_data: 'No data',
};

export function formatMoney(amount: number | null, currency: string | null): string {
  if (amount === null) return '—';
  const n = new Intl.NumberFormat('en', { maximumFractionDigits: 2 }).format(amount);
  return currency ? `${currency} ${n}` : n;
}

export function formatRate(rate: number | null): string {
  if (rate === null) return '—';
  return `${Number.isInteger(rate) ? rate : rate.toFixed(1)} %`;
}

export const sectorList = (sectors: readonly Sector[]) => sectors.map((s) => SECTOR_NAMES[s]).join(', ');

/** A baseline or target: a level letter for A–E indicators, else the number (with its unit). */
export function formatAmount(a: { value: number | null; level: string | null } | null, unit?: string | null) {
  if (!a) return '—';
  if (a.level) return a.level;
  if (a.value === null) return '—';
  const n = new Intl.NumberFormat('en', { maximumFractionDigits: 2 }).format(a.value);
  return unit === '%' ? `${n} %` : unit ? `${n} ${unit}` : n;
}
