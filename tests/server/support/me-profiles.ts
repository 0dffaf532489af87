import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { Database } from '../../../server/db/client';
import { loadMeProfiles, type MeProfileFile } from '../../../server/db/reference/me-profiles';
import type { Session } from './auth';
import { as } from './workflow';

/** The invented profile the tests load as a published layer (tests/fixtures/SOURCE.md): not shipped content. */
export const FIXTURE: MeProfileFile = {
  dataset: 'test-me-profile',
  file: path.resolve(
    path.dirname(fileURLToPath(import.meta.url)),
    '../../fixtures/me-profile/test_me_profile.json',
  ),
};

export const loadFixture = (database: Database, files: MeProfileFile[] = [FIXTURE]) =>
  database.db.transaction((tx) => loadMeProfiles(tx, { files }));

/** A governance step: a yes/no citing source 1, a short text, sectors. */
export const governance = (body = 'National AMR committee') => ({
  fields: {
    multisectoral_committee: { value: true, sources: [1] },
    coordinating_body: { value: body },
    focal_point_sectors: { value: ['human_health', 'environment'] },
  },
  text: null,
  sources: [{ title: 'NAP 2018–2022', locator: 'ch. 4' }],
});

export const url = (iso3: string, section = '', step = '') =>
  `/api/countries/${iso3}/me-profile${section ? `/${section}` : ''}${step ? `/${step}` : ''}`;

/** Saves, submits and approves a section (a focal point saves and submits, a validator approves). */
export async function approveSection(
  app: FastifyInstance,
  who: { focal: Session; validator: Session },
  iso3: string,
  section: string,
  content: object,
) {
  const version = await sectionVersion(app, who.focal, iso3, section);
  const saved = await as(app, who.focal, 'PUT', url(iso3, section), { content, version });
  expect(saved.statusCode, saved.body).toBe(200);
  const submitted = await as(app, who.focal, 'POST', url(iso3, section, 'submit'), {
    version: saved.json().version,
  });
  expect(submitted.statusCode, submitted.body).toBe(200);
  const approved = await as(app, who.validator, 'POST', url(iso3, section, 'approve'), {
    version: submitted.json().version,
  });
  expect(approved.statusCode, approved.body).toBe(200);
  return approved.json();
}

export async function sectionVersion(app: FastifyInstance, who: Session, iso3: string, section: string) {
  const res = await as(app, who, 'GET', url(iso3));
  expect(res.statusCode, res.body).toBe(200);
  return res.json().sections.find((s: { section: string }) => s.section === section).version as number;
}

/** The stored layers of a section, straight from the table. */
export async function storedSection(database: Database, iso3: string, section: string) {
  const [row] = await database.rows<{
    published_content: unknown;
    published_dataset: string | null;
    published_loaded_at: Date | null;
    approved_content: unknown;
    draft_content: unknown;
    draft_state: string | null;
    version: number;
  }>(sql`select * from me_profile_sections where country_iso3 = ${iso3} and section = ${section}`);
  return row;
}
