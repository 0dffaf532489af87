import { z } from 'zod';

/** The schema of an empty answer (204). Its own module, so the api client imports it on first use. */
export const NoContentSchema = z.null();
