export interface Issue {
  path: string;
  message: string;
}

/** An error meant for the client: its message is shown as is (4xx). */
export class AppError extends Error {
  readonly statusCode: number;
  readonly issues: Issue[] | undefined;
  constructor(statusCode: number, message: string, extra?: { issues?: Issue[] }) {
    super(message);
    this.name = 'AppError';
    this.statusCode = statusCode;
    this.issues = extra?.issues;
  }
}

export const notFound = (what: string) => new AppError(404, what);
