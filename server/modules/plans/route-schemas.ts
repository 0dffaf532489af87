import { ErrorEnvelopeSchema as E } from '../../../shared';

// What every plan route file declares alike in its OpenAPI schema.

export const WRITE_ERRORS = { 400: E, 401: E, 403: E, 404: E, 409: E };
export const tags = ['plans'];
/** Who may change a plan's elements, and what the answer holds. */
export const ELEMENT_WRITE =
  'Administrators and the country’s focal points. Answers the whole plan, progress recomputed.';
