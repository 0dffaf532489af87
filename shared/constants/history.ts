/**
 * What a history entry says, without zod; shared/api/history.ts re-exports these next to
 * its schemas, and the client maps each to a label in the interface language.
 */

/**
 * Where a change came from, recorded on the audit entry as it is written:
 * - grid: a value saved in the data-entry grid (a signed-in session);
 * - web: any other change made in the app (a workflow step, a plan or profile edit);
 * - upload: a spreadsheet uploaded to a reporting period (the detail is the file's name);
 * - token: a request authenticated with an API token (the detail is the token's name);
 * - import: a published dataset or shipped reference data loaded by the server (the detail is the file);
 * - cli: the command line (`npm run import`; the detail is the file).
 * Entries written before channels were kept have none (shown as nothing, never guessed).
 */
export const AUDIT_CHANNELS = ['grid', 'web', 'upload', 'token', 'import', 'cli'] as const;
export type AuditChannel = (typeof AUDIT_CHANNELS)[number];

/**
 * The fields of a value a history entry names, in the order shown. To add one (e.g. a validator's
 * comment), add it here, fill it in server/modules/submissions/history-service.ts and give it a
 * `history.field.<name>` label in each catalog.
 */
export const HISTORY_VALUE_FIELDS = [
  'value',
  'status',
  'reason',
  'comment',
  'evidence',
  'validatorComment',
] as const;
export type HistoryValueField = (typeof HISTORY_VALUE_FIELDS)[number];
