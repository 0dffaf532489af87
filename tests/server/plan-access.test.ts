import { describe, expect, it } from 'vitest';
import type { Principal } from '../../server/modules/auth/permissions';
import { assertCanApprovePlan, assertCanEditPlan } from '../../server/modules/plans/access';
import { assertCanManagePeriods } from '../../server/modules/submissions/access';
import type { Role } from '../../shared';
import { mayApprovePlan, mayEditPlan, mayManagePeriods } from '../../shared/constants/plan-access';

function principal(role: Role, country: string | null, scope: 'read' | 'write' = 'write'): Principal {
  return {
    userId: 1,
    email: 'someone@example.org',
    displayName: 'Someone',
    demo: false,
    roles: [{ role, country, sectors: [] }],
    via: scope === 'write' ? 'session' : 'token',
    scope,
    csrfToken: null,
    sessionHash: null,
  };
}

/** The status the check answers with: 200 when it lets the caller through. */
function status(check: () => void): number {
  try {
    check();
    return 200;
  } catch (e) {
    return (e as { statusCode: number }).statusCode;
  }
}

const callers: [string, Principal][] = [
  ['admin', principal('admin', null)],
  ['facilitator', principal('facilitator', null)],
  ["Jordan's focal point", principal('focal_point', 'JOR')],
  ["Jordan's validator", principal('validator', 'JOR')],
  ["Jordan's viewer", principal('viewer', 'JOR')],
  ["Egypt's focal point", principal('focal_point', 'EGY')],
  ['admin with a read-only token', principal('admin', null, 'read')],
  ["Jordan's focal point with a read-only token", principal('focal_point', 'JOR', 'read')],
];

const checks = [
  ['edit', assertCanEditPlan, mayEditPlan],
  ['approve', assertCanApprovePlan, mayApprovePlan],
  ['periods', assertCanManagePeriods, mayManagePeriods],
] as const;

// The client hides its controls by the shared predicates: the server must let through exactly those.
describe('plan access checks', () => {
  it.each(callers)('%s: each check lets through exactly whom the shared predicate allows', (_who, p) => {
    for (const [name, assert, may] of checks) {
      expect([name, status(() => assert(p, 'JOR'))]).toEqual([name, may(p, 'JOR') ? 200 : 403]);
    }
  });

  it('asks nobody signed in to sign in (401), and says a read-only token is why', () => {
    for (const [, assert] of checks) expect(status(() => assert(null, 'JOR'))).toBe(401);
    expect(() => assertCanEditPlan(principal('focal_point', 'JOR', 'read'), 'JOR')).toThrow(/read-only/);
  });
});
