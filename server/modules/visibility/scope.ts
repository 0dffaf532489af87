import type { ValueWorkflow } from '../../../shared';
import { type AccessPolicy, type Principal, readableCountries, readsEveryCountry } from '../auth/permissions';

/**
 * What one caller may read of the values, decided once per request: published data and approved
 * national data of the countries it may read; unapproved national data (draft, submitted,
 * returned, with their comments and authors) only of the countries where it holds a role, or of
 * every country for facilitators and administrators. Every read path — values, plans, the entry
 * grid, comparisons, shared indicators, reports, exports, ADX and the caches — goes through this.
 */
export interface ReadScope {
  /** Countries whose published and approved data the caller may read. */
  countries: 'all' | ReadonlySet<string>;
  /** Countries whose unapproved national data the caller may read too. */
  drafts: 'all' | ReadonlySet<string>;
}

/** The caller's scope; 401 for an anonymous caller when data is not public. */
export function readScope(policy: AccessPolicy, p: Principal | null): ReadScope {
  const readable = readableCountries(policy, p);
  const own = new Set(p?.roles.flatMap((r) => (r.country ? [r.country] : [])) ?? []);
  return {
    countries: readable === 'all' ? 'all' : new Set(readable),
    drafts: readsEveryCountry(p) ? 'all' : own,
  };
}

const holds = (set: 'all' | ReadonlySet<string>, iso3: string) => set === 'all' || set.has(iso3);

export const mayReadCountry = (s: ReadScope, iso3: string) => holds(s.countries, iso3);
export const mayReadDrafts = (s: ReadScope, iso3: string) => holds(s.drafts, iso3);

/** Public data (published or approved) is visible where the country is readable; the rest needs drafts. */
export function isPublicWorkflow(w: ValueWorkflow | string): boolean {
  return w === 'published' || w === 'approved';
}

export function mayReadValue(s: ReadScope, iso3: string, workflow: ValueWorkflow | string): boolean {
  if (!mayReadCountry(s, iso3)) return false;
  return isPublicWorkflow(workflow) || mayReadDrafts(s, iso3);
}

/**
 * A cache key part that tells scopes apart: two callers with the same key see the same values.
 * Callers who see no unapproved data share one key, so the public's answers are computed once.
 */
export function scopeKey(s: ReadScope): string {
  const list = (x: 'all' | ReadonlySet<string>) => (x === 'all' ? '*' : [...x].sort().join(','));
  return `c=${list(s.countries)};d=${list(s.drafts)}`;
}
