import { z } from 'zod';
import { PROGRESS_STATUSES, type ProgressStatus } from '../constants/plan';
import type { Direction } from './indicator';
import { LEVELS, type Level, levelToScore } from './level';

/**
 * Progress toward targets, and activity implementation rates. Pure: the server computes the
 * plan's progress with these, the client may recompute what it shows.
 *
 * Rules (docs/users/plans.md):
 * - % of target = share of the planned change (baseline → target) achieved, so it works the same for
 *   increasing and decreasing targets: (value − baseline) / (target − baseline) × 100. It may exceed
 *   100 (beyond the target) or be negative (moved away from it). Without a baseline, or when the target
 *   equals the baseline (nothing to change), it is the ratio to the target: value / target × 100 for
 *   increase and maintain, target / value × 100 for decrease; a value that meets the target is 100.
 * - Status against the straight path from (baseline year, baseline) to (target year, target):
 *   achieved when the value meets the target (increase: ≥, decrease: ≤, maintain: within 5 % of it);
 *   on track when it meets the path's expected value for its year; at risk when it falls short of the
 *   path by at most 10 % of the planned change; off track beyond; no data without a value.
 *   Without a path (no baseline, target equal to baseline, maintain) the shortfall is measured against
 *   the target itself: at risk within 10 % of the target, off track beyond.
 * - Level indicators (A–E) are scored A = 1 … E = 5 and treated as increasing.
 */

export { PROGRESS_STATUSES, type ProgressStatus } from '../constants/plan';
export const ProgressStatusSchema = z.enum(PROGRESS_STATUSES);

/** Shortfall tolerated as "at risk": 10 % of the planned change (or of the target without a path). */
export const AT_RISK_TOLERANCE = 0.1;
/** A "maintain" target is held while the value stays within 5 % of it. */
export const MAINTAIN_TOLERANCE = 0.05;

/** A number, or an A–E level (scored A = 1 … E = 5). */
export type ProgressValue = number | Level;

export interface YearValue {
  value: ProgressValue;
  year: number;
}

export interface ProgressInput {
  direction: Direction;
  baseline: YearValue | null;
  target: YearValue;
  /** The latest reported value; null when nothing was reported. */
  current: YearValue | null;
}

export function toScore(v: ProgressValue): number {
  if (typeof v === 'number') return v;
  if (!LEVELS.includes(v)) throw new RangeError(`not a level: ${v}`);
  return levelToScore(v);
}

/**
 * A figure for people and for JSON: one decimal, and null instead of Infinity or NaN. Inputs are
 * bounded (see DomainNumberSchema), but a figure stored before that, or a path whose target sits
 * a hair from its baseline, must still give an answer the API can send, not a 500 for every reader.
 */
const round1 = (x: number): number | null => {
  const r = Math.round(x * 10) / 10;
  return Number.isFinite(r) ? r : null;
};

/** Does the value meet the target in the indicator's direction? */
export function meetsTarget(direction: Direction, value: number, target: number): boolean {
  if (direction === 'increase') return value >= target;
  if (direction === 'decrease') return value <= target;
  return Math.abs(value - target) <= MAINTAIN_TOLERANCE * Math.abs(target);
}

/** Ratio to the target, when there is no baseline → target change to measure against. */
function ratioToTarget(direction: Direction, value: number, target: number): number | null {
  if (direction !== 'maintain' && meetsTarget(direction, value, target)) return 100;
  if (direction === 'decrease') return value > 0 && target >= 0 ? round1((target / value) * 100) : null;
  return target !== 0 ? round1((value / target) * 100) : null;
}

/** % of target achieved (one decimal), or null without a value or when it cannot be defined. */
export function percentOfTarget(input: ProgressInput): number | null {
  if (!input.current) return null;
  const value = toScore(input.current.value);
  const target = toScore(input.target.value);
  const baseline = input.baseline ? toScore(input.baseline.value) : null;
  if (input.direction === 'maintain' || baseline === null || baseline === target) {
    return ratioToTarget(input.direction, value, target);
  }
  return round1(((value - baseline) / (target - baseline)) * 100);
}

/**
 * Share of the way from baseline year to target year that has elapsed at `year`, 0–1 (1 when the
 * target year is not after the baseline year).
 */
export function elapsedShare(baselineYear: number, targetYear: number, year: number): number {
  if (targetYear <= baselineYear) return 1;
  return Math.min(1, Math.max(0, (year - baselineYear) / (targetYear - baselineYear)));
}

/** The value the straight path from baseline to target expects in `year`. */
export function expectedOnPath(baseline: YearValue, target: YearValue, year: number): number {
  const b = toScore(baseline.value);
  return b + (toScore(target.value) - b) * elapsedShare(baseline.year, target.year, year);
}

/** On-track status of the current value (see the rules at the top of this file). */
export function progressStatus(input: ProgressInput): ProgressStatus {
  if (!input.current) return 'no_data';
  const value = toScore(input.current.value);
  const target = toScore(input.target.value);
  if (meetsTarget(input.direction, value, target)) return 'achieved';
  const baseline = input.baseline ? toScore(input.baseline.value) : null;
  if (input.direction === 'maintain' || baseline === null || baseline === target) {
    const gap = Math.abs(value - target);
    return gap <= AT_RISK_TOLERANCE * Math.abs(target) ? 'at_risk' : 'off_track';
  }
  const b = input.baseline as YearValue;
  // Progress and expectation as shares of the planned change: direction-free.
  const share = (value - baseline) / (target - baseline);
  if (!Number.isFinite(share)) return share > 0 ? 'on_track' : 'off_track';
  const expected = elapsedShare(b.year, input.target.year, input.current.year);
  if (share >= expected) return 'on_track';
  return share >= expected - AT_RISK_TOLERANCE ? 'at_risk' : 'off_track';
}

/** The target in force for a value of `year`: the first at or after that year, else the last one. */
export function targetFor<T extends { year: number }>(targets: readonly T[], year: number): T | null {
  const sorted = [...targets].sort((a, b) => a.year - b.year);
  return sorted.find((t) => t.year >= year) ?? sorted.at(-1) ?? null;
}
