/**
 * Problems with input, as the API reports them: a field path, an English message for logs and API
 * users, and a stable code with parameters that an interface translates ("Enter a percentage between
 * 0 and 100" in the reader's language). One mapping from zod's issues serves the server's route
 * validation, its own checks and the client's forms, so the same problem reads the same everywhere.
 * zod-free: the client's first page may use it.
 */

/** Codes of problems with one field. */
export const ISSUE_CODES = [
  'required',
  'required_when',
  'absent_when',
  'not_a_number',
  'not_whole',
  'too_big',
  'too_small',
  'too_long',
  'too_short',
  'too_many',
  'too_few',
  'not_zero',
  'not_before',
  'invalid_option',
  'invalid_email',
  'invalid_url',
  'invalid_date',
  'invalid_format',
  'invalid_type',
  'unknown_field',
  'unknown_country',
  'unknown_reference',
  'duplicate',
  'already_exists',
  'needs_country',
  'only_focal_sectors',
  'nothing_to_change',
  'incorrect',
  'password_too_short',
  'password_too_long',
  'password_repetitive',
  'password_common',
  'password_is_email',
  'file_too_large',
  'file_unreadable',
  'file_too_many_rows',
  'file_missing_column',
  'not_this_period',
  'not_in_plan',
  'not_yes_no',
  'not_a_level',
  'rule_jump',
  'invalid',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

/** Codes of a whole request's failure (the envelope's `code`), one per kind of answer. */
export const ERROR_CODES = [
  'invalid_input',
  'unauthenticated',
  'forbidden',
  'not_found',
  'stale',
  'conflict',
  /** A value write into a period that is submitted or approved (params.state). */
  'locked',
  'read_only',
  'too_large',
  'unprocessable',
  'rate_limited',
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type IssueParamValue = string | number | boolean | null;
export type IssueParams = Record<string, IssueParamValue>;

export interface Issue {
  path: string;
  message: string;
  code?: string;
  params?: IssueParams;
}

/** The default code of an HTTP status, when a failure names none. */
export function errorCodeOfStatus(status: number): ErrorCode {
  if (status === 400) return 'invalid_input';
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 413) return 'too_large';
  if (status === 422) return 'unprocessable';
  if (status === 429) return 'rate_limited';
  if (status === 503) return 'unavailable';
  return status >= 500 ? 'internal' : 'invalid_input';
}

/** An issue as zod (v4) reports it: code, path, message and the code's own fields. */
export interface ZodLikeIssue {
  code: string;
  path: readonly PropertyKey[];
  message: string;
}

function scalar(v: unknown): IssueParamValue | undefined {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return undefined;
}

function list(v: unknown): string {
  return Array.isArray(v) ? v.map((x) => String(x)).join(', ') : String(v ?? '');
}

const FORMAT_CODES: Record<string, IssueCode> = {
  email: 'invalid_email',
  url: 'invalid_url',
  date: 'invalid_date',
  datetime: 'invalid_date',
};

/** Code and parameters of one zod issue (the message stays the English one). */
function codeOf(issue: ZodLikeIssue): { code: IssueCode | string; params?: IssueParams } {
  const i = issue as ZodLikeIssue & Record<string, unknown>;
  const origin = typeof i.origin === 'string' ? i.origin : 'number';
  switch (i.code) {
    case 'invalid_type': {
      if (i.received === 'NaN') return { code: 'not_a_number' };
      if (/received undefined$/.test(i.message) || i.received === 'undefined') return { code: 'required' };
      if (i.expected === 'int') return { code: 'not_whole' };
      if (i.expected === 'number') return { code: 'not_a_number' };
      return { code: 'invalid_type', params: { expected: String(i.expected ?? '') } };
    }
    case 'too_big': {
      const max = scalar(i.maximum) ?? null;
      if (origin === 'string') return { code: 'too_long', params: { max } };
      if (origin === 'array' || origin === 'set') return { code: 'too_many', params: { max } };
      return { code: 'too_big', params: { max, inclusive: i.inclusive !== false } };
    }
    case 'too_small': {
      const min = scalar(i.minimum) ?? null;
      if (origin === 'string')
        return min === 1 ? { code: 'required' } : { code: 'too_short', params: { min } };
      if (origin === 'array' || origin === 'set') return { code: 'too_few', params: { min } };
      return { code: 'too_small', params: { min, inclusive: i.inclusive !== false } };
    }
    case 'invalid_value':
      return { code: 'invalid_option', params: { values: list(i.values) } };
    case 'invalid_format': {
      const format = typeof i.format === 'string' ? i.format : '';
      return { code: FORMAT_CODES[format] ?? 'invalid_format', params: { format } };
    }
    case 'unrecognized_keys':
      return { code: 'unknown_field', params: { keys: list(i.keys) } };
    case 'custom': {
      const p = (i.params ?? {}) as Record<string, unknown>;
      if (typeof p.code === 'string') {
        const params: IssueParams = {};
        for (const [k, v] of Object.entries(p)) {
          const s = scalar(v);
          if (k !== 'code' && s !== undefined) params[k] = s;
        }
        return { code: p.code, params };
      }
      if (/^is required\b/.test(i.message)) return { code: 'required' };
      if (/\btwice\b/.test(i.message)) return { code: 'duplicate' };
      return { code: 'invalid' };
    }
    default:
      return { code: 'invalid' };
  }
}

/** One zod issue as an API issue; `prefix` names where the input came from (body, query …). */
export function issueFromZod(i: ZodLikeIssue, prefix?: string): Issue {
  const field = i.path.map(String).join('.');
  const path = prefix ? (field ? `${prefix}.${field}` : prefix) : field || 'input';
  const { code, params } = codeOf(i);
  const out: Issue = { path, message: i.message || 'is invalid', code };
  if (params && Object.keys(params).length > 0) out.params = params;
  return out;
}

export function issuesFromZod(issues: readonly ZodLikeIssue[], prefix?: string): Issue[] {
  return issues.map((i) => issueFromZod(i, prefix));
}

/** The English one-line summary of issues ("path: message; …"), the envelope's `message`. */
export function issuesSummary(issues: readonly Pick<Issue, 'path' | 'message'>[]): string {
  return issues.map((i) => `${i.path}: ${i.message}`).join('; ');
}

/** The field a server message names ("email: …" → email), for messages that carry no issue list. */
export function fieldOfMessage(message: string): { field: string; text: string } | null {
  const m = /^([A-Za-z][\w.]*(?: or [A-Za-z]\w*)?): (.+)$/s.exec(message);
  return m?.[1] && m[2] ? { field: m[1], text: m[2] } : null;
}
