import {
  combineProvenance,
  type ProgressInput,
  type ProgressStatus,
  type Provenance,
  percentOfTarget,
  progressStatus,
} from '../../../shared';

export interface TargetProgress {
  percentOfTarget: number | null;
  status: ProgressStatus;
  /** Where % of target and status come from (illustrative when any input is); null without data. */
  source: Provenance | null;
}

/**
 * % of target, status and their provenance for one plan indicator: the plan page and the reports
 * read progress the same way. `input` is null without a target; `latestSource` is null without a
 * reported value; `illustrative` says whether the target (or the indicator's row) is.
 */
export function targetProgress(
  input: ProgressInput | null,
  latestSource: Provenance | null,
  illustrative: boolean,
): TargetProgress {
  return {
    percentOfTarget: input ? percentOfTarget(input) : null,
    // Without a target there is nothing to be on track to.
    status: input ? progressStatus(input) : 'no_data',
    // A derived figure is illustrative when any of its inputs is.
    source:
      input && latestSource ? combineProvenance([latestSource, illustrative ? 'illustrative' : null]) : null,
  };
}
