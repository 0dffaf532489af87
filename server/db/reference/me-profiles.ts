import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import {
  Iso3Schema,
  ME_SECTIONS,
  type MeSection,
  type MeSectionContent,
  MeSectionSchema,
  meSectionContentSchema,
} from '../../../shared';
import { fileChannel } from '../../modules/audit/channel';
import { recordAudit } from '../../modules/audit/entity-repository';
import type { DbOrTx } from '../client';
import { countries, meProfileSections } from '../schema';
import { REFERENCE_DATA_DIR } from './paths';

/** A transcribed profile shipped as reference data, and the dataset name its file must carry. */
export interface MeProfileFile {
  dataset: string;
  file: string;
}

/** The profiles we ship (SOURCE.md beside each file says where every value comes from). */
export const SHIPPED_ME_PROFILES: MeProfileFile[] = [
  { dataset: 'jordan-me-profile', file: path.join(REFERENCE_DATA_DIR, 'jordan/me_profile.json') },
];

const FileSchema = z.strictObject({
  dataset: z.string().trim().min(1).max(100),
  country: Iso3Schema,
  sections: z.partialRecord(MeSectionSchema, z.unknown()),
});

interface ParsedProfile {
  dataset: string;
  country: string;
  sections: Map<MeSection, MeSectionContent>;
}

/** Reads and checks a profile file; undefined when absent. Fails naming the file and the path of each problem. */
export async function readMeProfileFile(f: MeProfileFile): Promise<ParsedProfile | undefined> {
  const text = await readFile(f.file, 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return undefined;
    throw e;
  });
  if (text === undefined) return undefined;
  const fail = (problems: string[]) => new Error(`M&E profile ${f.file}: ${problems.join('; ')}`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw fail([`not valid JSON (${(e as Error).message})`]);
  }
  const head = FileSchema.safeParse(json);
  if (!head.success)
    throw fail(head.error.issues.map((i) => `${i.path.map(String).join('.') || 'file'}: ${i.message}`));
  if (head.data.dataset !== f.dataset)
    throw fail([`dataset: is "${head.data.dataset}", expected "${f.dataset}"`]);
  const sections = new Map<MeSection, MeSectionContent>();
  const problems: string[] = [];
  for (const section of ME_SECTIONS) {
    if (!(section in head.data.sections)) continue;
    const parsed = meSectionContentSchema(section).safeParse(head.data.sections[section]);
    if (parsed.success) sections.set(section, parsed.data);
    else
      for (const i of parsed.error.issues)
        problems.push(`${['sections', section, ...i.path.map(String)].join('.')}: ${i.message}`);
  }
  if (problems.length > 0) throw fail(problems);
  return { dataset: head.data.dataset, country: head.data.country, sections };
}

/** jsonb keeps keys in its own order: compare contents with keys sorted. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : x,
  );
}

export interface MeProfileLoadResult {
  loaded: number;
  removed: number;
}

/**
 * Loads the published layer of the shipped M&E profiles (at start, and whenever the reference data
 * is loaded again: a changed file changes the reference fingerprint). Writes the published_* columns
 * only — never the approved or draft layers, nor the section's version (a draft being edited is not
 * stale because its reference changed). A section the file no longer has, or every section of a
 * dataset whose file is absent, loses its published content. Each change is audited (no user).
 */
export async function loadMeProfiles(
  tx: DbOrTx,
  opts: { files?: MeProfileFile[]; now?: Date } = {},
): Promise<MeProfileLoadResult> {
  const now = opts.now ?? new Date();
  const result = { loaded: 0, removed: 0 };
  for (const f of opts.files ?? SHIPPED_ME_PROFILES) {
    const profile = await readMeProfileFile(f);
    if (profile) {
      const [known] = await tx.select().from(countries).where(eq(countries.iso3, profile.country));
      if (!known)
        throw new Error(`M&E profile ${f.file}: country: no country with ISO3 code ${profile.country}`);
    }
    const stored = await tx
      .select()
      .from(meProfileSections)
      .where(eq(meProfileSections.publishedDataset, f.dataset));
    const audit = (iso3: string, section: string, action: string, old: unknown, next: unknown) =>
      recordAudit(tx, {
        entityType: 'me_profile_section',
        entityId: `${iso3}:${section}`,
        action,
        countryIso3: iso3,
        userId: null,
        at: now,
        channel: fileChannel('import', f.file),
        old: old === null ? null : { section, dataset: f.dataset, published: old },
        new: next === null ? null : { section, dataset: f.dataset, published: next },
      });
    for (const row of stored) {
      const keep =
        profile && row.countryIso3 === profile.country && profile.sections.has(row.section as MeSection);
      if (keep) continue;
      await tx
        .update(meProfileSections)
        .set({ publishedContent: null, publishedDataset: null, publishedLoadedAt: null })
        .where(eq(meProfileSections.id, row.id));
      await audit(row.countryIso3, row.section, 'unpublish', row.publishedContent, null);
      result.removed += 1;
    }
    if (!profile) continue;
    for (const [section, content] of profile.sections) {
      const [current] = await tx
        .select()
        .from(meProfileSections)
        .where(
          and(eq(meProfileSections.countryIso3, profile.country), eq(meProfileSections.section, section)),
        );
      const same =
        current?.publishedDataset === f.dataset && canonical(current.publishedContent) === canonical(content);
      if (same) continue;
      const published = { publishedContent: content, publishedDataset: f.dataset, publishedLoadedAt: now };
      await tx
        .insert(meProfileSections)
        .values({ countryIso3: profile.country, section, ...published })
        .onConflictDoUpdate({
          target: [meProfileSections.countryIso3, meProfileSections.section],
          set: published,
        });
      await audit(profile.country, section, 'publish', current?.publishedContent ?? null, content);
      result.loaded += 1;
    }
  }
  return result;
}
