import { type MeSection, type MeSectionContent, meSectionContentSchema } from '../../../shared';
import { issuesFromZod } from '../../../shared/domain/issues';
import { invalidInput } from '../../lib/errors';

/**
 * The request's content checked against its section's definition (meSectionIssues): a 400 naming
 * each field from the body, e.g. `content.fields.indicator_count.value`.
 *
 * The body's schema is a union of a step's content and learning's; the union reads a content that
 * holds nothing but `sources` (or nothing) as a step's, defaults filled in. For the learning section
 * that is the same empty content with the same sources, so it is read as learning's.
 */
export function checkSectionContent(section: MeSection, content: MeSectionContent): MeSectionContent {
  const input =
    section === 'learning' &&
    'fields' in content &&
    Object.keys(content.fields).length === 0 &&
    content.text === null &&
    content.textSources.length === 0
      ? { sources: content.sources }
      : content;
  const parsed = meSectionContentSchema(section).safeParse(input);
  if (parsed.success) return parsed.data;
  throw invalidInput(issuesFromZod(parsed.error.issues, 'content'));
}
