import { describe, expect, it } from 'vitest';
import {
  mayApprovePlan,
  mayEditPlan,
  mayManagePeriods,
  type PlanActor,
} from '../../shared/constants/plan-access';
import type { Role } from '../../shared/constants/role';

const actor = (role: Role, country: string | null, scope: 'read' | 'write' = 'write'): PlanActor => ({
  roles: [{ role, country }],
  scope,
});

// One row per caller: may they edit Jordan's plan, approve it, set up its reporting periods?
const table: [string, PlanActor | null, boolean, boolean, boolean][] = [
  ['nobody signed in', null, false, false, false],
  ['admin', actor('admin', null), true, true, true],
  ['facilitator (reads every country, changes none)', actor('facilitator', null), false, false, false],
  ["Jordan's focal point", actor('focal_point', 'JOR'), true, false, true],
  ["Jordan's validator", actor('validator', 'JOR'), false, true, true],
  ["Jordan's viewer", actor('viewer', 'JOR'), false, false, false],
  ["Egypt's focal point", actor('focal_point', 'EGY'), false, false, false],
  ["Egypt's validator", actor('validator', 'EGY'), false, false, false],
  ['admin with a read-only token', actor('admin', null, 'read'), false, false, false],
  ["Jordan's focal point with a read-only token", actor('focal_point', 'JOR', 'read'), false, false, false],
  ["Jordan's validator with a read-only token", actor('validator', 'JOR', 'read'), false, false, false],
];

describe('plan permissions', () => {
  it.each(table)('%s', (_who, a, edit, approve, periods) => {
    expect({
      edit: mayEditPlan(a, 'JOR'),
      approve: mayApprovePlan(a, 'JOR'),
      periods: mayManagePeriods(a, 'JOR'),
    }).toEqual({ edit, approve, periods });
  });

  it('takes any of several roles: an Egypt validator who is also Jordan’s focal point edits Jordan’s plan', () => {
    const both: PlanActor = {
      roles: [
        { role: 'validator', country: 'EGY' },
        { role: 'focal_point', country: 'JOR' },
      ],
      scope: 'write',
    };
    expect(mayEditPlan(both, 'JOR')).toBe(true);
    expect(mayApprovePlan(both, 'JOR')).toBe(false);
    expect(mayApprovePlan(both, 'EGY')).toBe(true);
  });
});
