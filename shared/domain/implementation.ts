import { z } from 'zod';
import { IMPLEMENTATION_STATUSES, type ImplementationStatus } from '../constants/plan';
import { combineProvenance, type Provenance } from '../constants/provenance';
import type { Sector } from './indicator';

export { IMPLEMENTATION_STATUSES, type ImplementationStatus } from '../constants/plan';
export const ImplementationStatusSchema = z.enum(IMPLEMENTATION_STATUSES);

export const IMPLEMENTATION_STATUS_NAMES: Record<ImplementationStatus, string> = {
  not_started: 'Not started',
  ongoing: 'Ongoing',
  completed: 'Completed',
  cancelled: 'Cancelled',
  not_reported: 'Not reported',
};

export interface ActivityProgress {
  status: ImplementationStatus;
  /** 0–100; used for ongoing activities (null counts as 0). */
  percentComplete: number | null;
  /** Where the activity's status comes from; a rate is illustrative when any counted activity is. */
  source?: Provenance;
}

export interface ImplementationRate {
  /** Mean implementation of the counted activities, 0–100, one decimal; null when none counts. */
  rate: number | null;
  /** Activities counted (cancelled and not reported ones are not). */
  counted: number;
  completed: number;
  ongoing: number;
  notStarted: number;
  cancelled: number;
  /** Activities whose status nobody reported: left out, as nothing is known about them. */
  notReported: number;
  /** Where the rate comes from: the least trusted of the counted activities' sources (null: none). */
  source: Provenance | null;
}

/**
 * One activity's implementation, as Jordan's end-term evaluation of its NAP 2018–2022 scored them
 * (BMC Public Health 2025;25:2718): completed = 100 %, ongoing = its % complete, not started = 0 %;
 * cancelled activities are left out (null), so dropping an activity does not lower the rate. An
 * activity whose status was never reported is left out too: counting it as 0 % would invent a status.
 */
export function activityImplementation(a: ActivityProgress): number | null {
  switch (a.status) {
    case 'completed':
      return 100;
    case 'ongoing':
      return Math.min(100, Math.max(0, a.percentComplete ?? 0));
    case 'not_started':
      return 0;
    case 'cancelled':
    case 'not_reported':
      return null;
  }
}

/** Implementation rate of a set of activities: the unweighted mean of each one's implementation. */
export function implementationRate(activities: readonly ActivityProgress[]): ImplementationRate {
  const out: ImplementationRate = {
    rate: null,
    counted: 0,
    completed: 0,
    ongoing: 0,
    notStarted: 0,
    cancelled: 0,
    notReported: 0,
    source: null,
  };
  let sum = 0;
  const sources: (Provenance | undefined)[] = [];
  for (const a of activities) {
    if (a.status === 'completed') out.completed += 1;
    else if (a.status === 'ongoing') out.ongoing += 1;
    else if (a.status === 'not_started') out.notStarted += 1;
    else if (a.status === 'not_reported') out.notReported += 1;
    else out.cancelled += 1;
    const v = activityImplementation(a);
    if (v === null) continue;
    sum += v;
    out.counted += 1;
    sources.push(a.source);
  }
  out.source = combineProvenance(sources);
  if (out.counted > 0) out.rate = Math.round((sum / out.counted) * 10) / 10;
  return out;
}

/** Rates grouped by a key (objective id …), in first-seen order of the keys. */
export function implementationRateBy<A extends ActivityProgress, K>(
  activities: readonly A[],
  keyOf: (a: A) => K,
): Map<K, ImplementationRate> {
  const groups = new Map<K, A[]>();
  for (const a of activities) {
    const k = keyOf(a);
    groups.set(k, [...(groups.get(k) ?? []), a]);
  }
  return new Map([...groups].map(([k, list]) => [k, implementationRate(list)]));
}

/**
 * Rates by One Health sector: an activity counts in every sector it lists (a One Health activity
 * counts for each of its sectors), so sector rates do not add up to the plan's rate.
 */
export function implementationRateBySector<A extends ActivityProgress & { sectors: readonly Sector[] }>(
  activities: readonly A[],
): Map<Sector, ImplementationRate> {
  const groups = new Map<Sector, A[]>();
  for (const a of activities) {
    for (const s of new Set(a.sectors)) groups.set(s, [...(groups.get(s) ?? []), a]);
  }
  return new Map([...groups].map(([k, list]) => [k, implementationRate(list)]));
}
