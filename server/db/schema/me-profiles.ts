import { sql } from 'drizzle-orm';
import {
  char,
  check,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import type { MeSectionContent } from '../../../shared';
import { ME_SECTIONS } from '../../../shared/constants/me-profile';
import { users } from './accounts';
import { countries } from './countries';

const quoted = (list: readonly string[]) => sql.raw(list.map((s) => `'${s}'`).join(','));

/**
 * One section of a country's M&E system profile (the eight steps of the Quadripartite's 2023 M&E
 * guidance, then `learning`), in three layers that never write into each other:
 * - published: transcribed from a public source and shipped as reference data; written only by its
 *   loader (server/db/reference/me-profiles.ts), at start and on an administrator's re-import;
 * - approved: the national content a validator approved (public);
 * - draft: what the country works on (draft → submitted → approved | returned), seen only by the
 *   country's roles, facilitators and administrators.
 * `version` is the section's, raised by every save and workflow step (never by the loader): a page
 * that read a stale section gets a 409.
 */
export const meProfileSections = pgTable(
  'me_profile_sections',
  {
    id: serial('id').primaryKey(),
    countryIso3: char('country_iso3', { length: 3 })
      .notNull()
      .references(() => countries.iso3),
    section: text('section').notNull(),
    publishedContent: jsonb('published_content').$type<MeSectionContent>(),
    /** The reference dataset the published content comes from, e.g. jordan-me-profile. */
    publishedDataset: text('published_dataset'),
    publishedLoadedAt: timestamp('published_loaded_at', { withTimezone: true }),
    approvedContent: jsonb('approved_content').$type<MeSectionContent>(),
    approvedBy: integer('approved_by').references(() => users.id, { onDelete: 'set null' }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    draftContent: jsonb('draft_content').$type<MeSectionContent>(),
    draftState: text('draft_state'),
    /** Why a validator returned the draft (kept while it is fixed, cleared on the next submission). */
    draftReason: varchar('draft_reason', { length: 1000 }),
    draftUpdatedBy: integer('draft_updated_by').references(() => users.id, { onDelete: 'set null' }),
    draftUpdatedAt: timestamp('draft_updated_at', { withTimezone: true }),
    draftSubmittedBy: integer('draft_submitted_by').references(() => users.id, { onDelete: 'set null' }),
    draftSubmittedAt: timestamp('draft_submitted_at', { withTimezone: true }),
    version: integer('version').notNull().default(0),
  },
  (t) => [
    uniqueIndex('me_profile_sections_uq').on(t.countryIso3, t.section),
    check('me_profile_sections_section_ck', sql`${t.section} in (${quoted(ME_SECTIONS)})`),
    check('me_profile_sections_state_ck', sql`${t.draftState} in ('draft','submitted','returned')`),
    check(
      'me_profile_sections_draft_ck',
      sql`(${t.draftContent} is null) = (${t.draftState} is null) and (${t.draftContent} is null or ${t.draftUpdatedAt} is not null)`,
    ),
    check('me_profile_sections_approved_ck', sql`(${t.approvedContent} is null) = (${t.approvedAt} is null)`),
    check(
      'me_profile_sections_published_ck',
      sql`(${t.publishedContent} is null) = (${t.publishedDataset} is null) and (${t.publishedContent} is null) = (${t.publishedLoadedAt} is null)`,
    ),
    check('me_profile_sections_version_ck', sql`${t.version} >= 0`),
  ],
);
