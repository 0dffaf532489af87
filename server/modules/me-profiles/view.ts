import {
  ME_SECTIONS,
  type MeSection,
  type MeSectionContent,
  type MeSectionView,
  type MeSource,
} from '../../../shared';
import type { SectionRecord } from './repository';

const stamp = (id: number | null, name: string | null, at: Date) => ({
  by: id !== null && name !== null ? { id, name } : null,
  at: at.toISOString(),
});

/**
 * A section as a caller sees it. `drafts` false (the public, or a caller without a role in the
 * country): the draft layer is left out whole, with its reason and its authors.
 */
export function toSectionView(
  section: MeSection,
  record: SectionRecord | undefined,
  drafts: boolean,
): MeSectionView {
  if (!record) return { section, version: 0, published: null, approved: null, draft: null };
  const { row, names } = record;
  const published =
    row.publishedContent && row.publishedDataset && row.publishedLoadedAt
      ? {
          content: row.publishedContent,
          dataset: row.publishedDataset,
          loadedAt: row.publishedLoadedAt.toISOString(),
        }
      : null;
  const approved =
    row.approvedContent && row.approvedAt
      ? { content: row.approvedContent, approved: stamp(row.approvedBy, names.approvedBy, row.approvedAt) }
      : null;
  const draft =
    drafts && row.draftContent && row.draftState && row.draftUpdatedAt
      ? {
          content: row.draftContent,
          state: row.draftState as 'draft' | 'submitted' | 'returned',
          reason: row.draftReason,
          updated: stamp(row.draftUpdatedBy, names.updatedBy, row.draftUpdatedAt),
          submitted: row.draftSubmittedAt
            ? stamp(row.draftSubmittedBy, names.submittedBy, row.draftSubmittedAt)
            : null,
        }
      : null;
  return { section, version: row.version, published, approved, draft };
}

/** Every section in the order of ME_SECTIONS, empty ones included. */
export function toSectionViews(records: SectionRecord[], drafts: boolean): MeSectionView[] {
  const bySection = new Map(records.map((r) => [r.row.section, r]));
  return ME_SECTIONS.map((s) => toSectionView(s, bySection.get(s), drafts));
}

/** The sources an item cites ([1], [2] …), from its section's list; a number past the list is skipped. */
export function citedSources(content: MeSectionContent, refs: readonly number[]): MeSource[] {
  return refs.flatMap((r) => {
    const source = content.sources[r - 1];
    return source ? [source] : [];
  });
}
