/** Header that carries the CSRF token on cookie-authenticated writes (no zod: the client's first page loads it). */
export const CSRF_HEADER = 'x-csrf-token';
