import { forbidden, type Principal, readsEveryCountry, unauthenticated } from '../auth/permissions';

/**
 * Briefing sessions are the facilitators' working records (agendas, packs before they are sent):
 * facilitators and administrators read and write every session; nobody else sees them.
 */
export function assertBriefingAccess(p: Principal | null): Principal {
  if (!p) throw unauthenticated();
  if (!readsEveryCountry(p))
    throw forbidden('role: briefing sessions are for facilitators and administrators');
  return p;
}
