import type { PlanStatus } from '../../../shared';
import { changesApproval } from '../../../shared/constants/plan';

/**
 * The server's own rules (shared/constants/plan-access.ts), only to hide controls it would refuse (the
 * server decides). A read-only API token edits nothing, whatever its roles.
 */
export {
  mayEditPlan as canEditPlan,
  mayManagePeriods as canManagePeriods,
} from '../../../shared/constants/plan-access';

/** The statuses the plan form offers: all to those who may approve, else those that are no approval act. */
export function planStatusAllowed(from: PlanStatus | null, to: PlanStatus, mayApprove: boolean): boolean {
  return mayApprove || !changesApproval(from, to);
}
