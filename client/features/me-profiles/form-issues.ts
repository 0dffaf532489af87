/* Where a section form's problems show: under the input they concern, else at the top of the form. */

/** A problem with the form, at a content path ("fields.indicator_count.value", "lessons.0.title"). */
export interface FormIssue {
  path: string;
  message: string;
}

/** Paths a form input shows its problem under; any other problem is listed at the top of the form. */
const INPUT_PATH =
  /^(fields\.[^.]+\.(value|sources)|text|textSources|sources\.\d+\.(title|locator|url)|challenges\.\d+\.(code|note|objectives|sectors|sources)|lessons\.\d+\.(title|text|challenge|objectives|sectors|sources))(\.|$)/;

export const hasInput = (path: string) => INPUT_PATH.test(path);

/** The server names paths from the body ("content.fields.x.value"); the form's are the content's. */
export function serverIssues(issues: readonly { path: string; message: string }[]): FormIssue[] {
  return issues.map((i) => ({ path: i.path.replace(/^content\./, ''), message: i.message }));
}

/** The first problem at `path` or below it. */
export function issueAt(issues: readonly FormIssue[], path: string): string | undefined {
  return issues.find((i) => i.path === path || i.path.startsWith(`${path}.`))?.message;
}
