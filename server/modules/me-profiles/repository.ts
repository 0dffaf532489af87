import { and, asc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { MeSection, MeSectionContent } from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { meProfileSections, users } from '../../db/schema';

export type SectionRow = typeof meProfileSections.$inferSelect;
type SectionChanges = Partial<typeof meProfileSections.$inferInsert>;

/** A section row with the names of the users its stamps refer to. */
export interface SectionRecord {
  row: SectionRow;
  names: { approvedBy: string | null; updatedBy: string | null; submittedBy: string | null };
}

const approver = alias(users, 'approver');
const editor = alias(users, 'editor');
const submitter = alias(users, 'submitter');

/** Every stored section of a country (all layers), or one section. */
export async function sectionRecords(
  db: DbOrTx,
  iso3: string,
  section?: MeSection,
): Promise<SectionRecord[]> {
  const rows = await db
    .select({
      row: meProfileSections,
      approvedBy: approver.displayName,
      updatedBy: editor.displayName,
      submittedBy: submitter.displayName,
    })
    .from(meProfileSections)
    .leftJoin(approver, eq(approver.id, meProfileSections.approvedBy))
    .leftJoin(editor, eq(editor.id, meProfileSections.draftUpdatedBy))
    .leftJoin(submitter, eq(submitter.id, meProfileSections.draftSubmittedBy))
    .where(
      and(
        eq(meProfileSections.countryIso3, iso3),
        section ? eq(meProfileSections.section, section) : undefined,
      ),
    );
  return rows.map(({ row, ...names }) => ({ row, names }));
}

/** The public layers of these countries' sections: what comparisons and the learning view read. */
export interface PublicSectionRow {
  countryIso3: string;
  section: MeSection;
  published: MeSectionContent | null;
  approved: MeSectionContent | null;
}

/** Selects the published and approved columns only: nothing of a draft ever leaves the database here. */
export async function publicSections(
  db: DbOrTx,
  iso3s: string[],
  sections?: readonly MeSection[],
): Promise<PublicSectionRow[]> {
  if (iso3s.length === 0) return [];
  const rows = await db
    .select({
      countryIso3: meProfileSections.countryIso3,
      section: meProfileSections.section,
      published: meProfileSections.publishedContent,
      approved: meProfileSections.approvedContent,
    })
    .from(meProfileSections)
    .where(
      and(
        inArray(meProfileSections.countryIso3, iso3s),
        sections ? inArray(meProfileSections.section, [...sections]) : undefined,
      ),
    )
    .orderBy(asc(meProfileSections.countryIso3), asc(meProfileSections.section));
  return rows.map((r) => ({ ...r, section: r.section as MeSection }));
}

/** The section row, locked until the transaction ends (a concurrent write waits, then sees the new version). */
export async function lockSection(tx: DbOrTx, iso3: string, section: MeSection) {
  const [row] = await tx
    .select()
    .from(meProfileSections)
    .where(and(eq(meProfileSections.countryIso3, iso3), eq(meProfileSections.section, section)))
    .for('update');
  return row;
}

/** Creates the section's row; undefined when another write created it meanwhile. */
export async function insertSection(
  tx: DbOrTx,
  values: typeof meProfileSections.$inferInsert,
): Promise<SectionRow | undefined> {
  const [row] = await tx
    .insert(meProfileSections)
    .values(values)
    .onConflictDoNothing({ target: [meProfileSections.countryIso3, meProfileSections.section] })
    .returning();
  return row;
}

/** Changes the section only if it still has the version the caller read; undefined when stale. */
export async function updateSectionIfVersion(
  tx: DbOrTx,
  id: number,
  version: number,
  set: SectionChanges,
): Promise<SectionRow | undefined> {
  const [row] = await tx
    .update(meProfileSections)
    .set(set)
    .where(and(eq(meProfileSections.id, id), eq(meProfileSections.version, version)))
    .returning();
  return row;
}
