import type { Me } from '../../../shared';
import { mayApprovePlan } from '../../../shared/constants/plan-access';
import type { TFunction } from '../../i18n/context';

/** What the navigation offers; the server enforces the same rules (this only hides what would be refused). */
export function capabilitiesOf(me: Me | null | undefined) {
  const has = (role: string) => !!me?.roles.some((r) => r.role === role);
  return {
    signedIn: !!me,
    manageUsers: has('admin'),
    manageTokens: me?.via === 'session',
    enterData: has('admin') || has('focal_point'),
    /** Briefing sessions and their packs are the cluster facilitators' (and administrators'). */
    runBriefings: has('admin') || has('facilitator'),
  };
}

/**
 * Approving a country's plan (or withdrawing its approval) is the national validator's act: admins
 * and the country's validators, signed in or with a read-write token (server: assertCanApprovePlan).
 */
export function canApprovePlans(me: Me | null | undefined, iso3: string): boolean {
  return mayApprovePlan(me, iso3);
}

/** "Focal point, JOR (human health)" — one line per role assignment. */
export function describeRoles(me: Pick<Me, 'roles'>, t: TFunction): string[] {
  return me.roles.map((r) => {
    const parts = [t(`role.${r.role}`)];
    if (r.country) parts.push(r.country);
    const label = parts.join(', ');
    return r.sectors.length ? `${label} (${r.sectors.map((s) => t(`sector.${s}`)).join(', ')})` : label;
  });
}

/** Only same-site paths are followed after sign-in (no open redirect to another site). */
export function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}
