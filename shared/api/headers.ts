/** Header that carries the CSRF token on cookie-authenticated writes (no zod: the client's first page loads it). */
export const CSRF_HEADER = 'x-csrf-token';

/**
 * Whose answer this is, on every response to a signed-in browser session: "17", or "17 all-countries"
 * for a role that reads every country's drafts (administrator, facilitator). The browser keeps some
 * answers for working offline, by person, and never a country's data for the latter. Absent: a visitor.
 */
export const PRINCIPAL_HEADER = 'x-principal';

export interface AnswerOwner {
  userId: number;
  allCountries: boolean;
}

export function principalHeaderValue(owner: AnswerOwner): string {
  return owner.allCountries ? `${owner.userId} all-countries` : String(owner.userId);
}

export function parsePrincipalHeader(value: string | null | undefined): AnswerOwner | null {
  const m = /^(\d{1,12})( all-countries)?$/.exec(value ?? '');
  return m ? { userId: Number(m[1]), allCountries: m[2] !== undefined } : null;
}
