export interface Issue {
  path: string;
  message: string;
}

/** An error meant for the client: its message is shown as is (4xx). */
export class AppError extends Error {
  readonly statusCode: number;
  readonly issues: Issue[] | undefined;
  /** Response headers that go with the error (e.g. Retry-After on a 429). */
  readonly headers: Record<string, string> | undefined;
  /** On a 409: the current state of the resource (sent as `current` in the envelope). */
  readonly current: unknown;
  constructor(
    statusCode: number,
    message: string,
    extra?: { issues?: Issue[]; headers?: Record<string, string>; current?: unknown },
  ) {
    super(message);
    this.name = 'AppError';
    this.statusCode = statusCode;
    this.issues = extra?.issues;
    this.headers = extra?.headers;
    this.current = extra?.current;
  }
}

export const notFound = (what: string) => new AppError(404, what);

/** Parses input that did not come through a route schema (CLI, start-up): a 400 naming each field. */
export function parseInput<T>(
  schema: {
    safeParse(
      v: unknown,
    ):
      | { success: true; data: T }
      | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  },
  input: unknown,
): T {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => ({
    path: i.path.map(String).join('.') || 'input',
    message: i.message,
  }));
  throw new AppError(400, issues.map((i) => `${i.path}: ${i.message}`).join('; '), { issues });
}
