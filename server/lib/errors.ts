import {
  type ErrorCode,
  errorCodeOfStatus,
  fieldOfMessage,
  type Issue,
  type IssueCode,
  type IssueParams,
  issuesFromZod,
  issuesSummary,
  type ZodLikeIssue,
} from '../../shared/domain/issues';

export type { Issue };

interface AppErrorExtra {
  issues?: Issue[];
  headers?: Record<string, string>;
  current?: unknown;
  /** The failure's stable code; by default the status's (404 → not_found …). */
  code?: ErrorCode;
  params?: IssueParams;
  /**
   * The code of the one field the message names ("email: …"): the envelope then lists that field as
   * an issue, so a form can show the translated problem beside it.
   */
  issue?: IssueCode;
  issueParams?: IssueParams;
}

/**
 * An error meant for the client: its message is shown as is to API users (4xx), and its code, params
 * and issues let an interface say the same in the reader's language.
 */
export class AppError extends Error {
  readonly statusCode: number;
  readonly issues: Issue[] | undefined;
  readonly code: ErrorCode;
  readonly params: IssueParams | undefined;
  /** Response headers that go with the error (e.g. Retry-After on a 429). */
  readonly headers: Record<string, string> | undefined;
  /** On a 409: the current state of the resource (sent as `current` in the envelope). */
  readonly current: unknown;
  constructor(statusCode: number, message: string, extra?: AppErrorExtra) {
    super(message);
    this.name = 'AppError';
    this.statusCode = statusCode;
    this.code = extra?.code ?? errorCodeOfStatus(statusCode);
    this.params = extra?.params;
    this.headers = extra?.headers;
    this.current = extra?.current;
    let issues = extra?.issues;
    if (!issues && extra?.issue) {
      const named = fieldOfMessage(message);
      const issue: Issue = {
        path: named?.field ?? 'input',
        message: named?.text ?? message,
        code: extra.issue,
      };
      if (extra.issueParams) issue.params = extra.issueParams;
      issues = [issue];
    }
    this.issues = issues;
  }
}

export const notFound = (what: string) => new AppError(404, what);

/**
 * A 400 about one field, with its code: `fieldError('dueDate', 'not_before', 'must not be before …',
 * {other: '2020-01-01'})` answers `dueDate: must not be before …` and the issue a form translates.
 */
export function fieldError(
  field: string,
  code: IssueCode,
  message: string,
  params?: IssueParams,
  status = 400,
): AppError {
  const issue: Issue = { path: field, message, code };
  if (params) issue.params = params;
  return new AppError(status, `${field}: ${message}`, { issues: [issue] });
}

/** A 400 listing every issue (the message is their English summary). */
export function invalidInput(issues: Issue[], status = 400): AppError {
  return new AppError(status, issuesSummary(issues), { issues });
}

/** Parses input that did not come through a route schema (CLI, start-up): a 400 naming each field. */
export function parseInput<T>(
  schema: {
    safeParse(
      v: unknown,
    ): { success: true; data: T } | { success: false; error: { issues: readonly unknown[] } };
  },
  input: unknown,
  prefix?: string,
): T {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  throw invalidInput(issuesFromZod(r.error.issues as readonly ZodLikeIssue[], prefix));
}
