/**
 * Where a figure comes from, without zod (pages render with it); shared/domain/provenance.ts
 * re-exports it next to its schema.
 *
 * - published: a published dataset (a TrACSS round, imported from its file; read-only)
 * - national_approved: a country's national reporting, in a period its validator approved
 * - national_draft: a country's national reporting not yet approved (draft, submitted or returned);
 *   seen only by the country's roles, facilitators and administrators
 * - demo: entered in the embedded database's demo period, to try the workflow
 * - illustrative: made up to fill a gap in what was published (shipped rows flagged as such)
 */
export const PROVENANCES = [
  'published',
  'national_approved',
  'national_draft',
  'demo',
  'illustrative',
] as const;
export type Provenance = (typeof PROVENANCES)[number];

/** The workflow state of a value: published data, or the state of the national period holding it. */
export const VALUE_WORKFLOWS = ['published', 'approved', 'submitted', 'returned', 'draft'] as const;
export type ValueWorkflow = (typeof VALUE_WORKFLOWS)[number];

/** Least trusted last: a figure derived from several inputs takes the least trusted of theirs. */
const TRUST: Record<Provenance, number> = {
  published: 0,
  national_approved: 1,
  national_draft: 2,
  demo: 3,
  illustrative: 4,
};

/** The provenance of a derived figure: illustrative when any input is, and so on; null without inputs. */
export function combineProvenance(inputs: Iterable<Provenance | null | undefined>): Provenance | null {
  let out: Provenance | null = null;
  for (const p of inputs) if (p && (out === null || TRUST[p] > TRUST[out])) out = p;
  return out;
}

/** A stored value's provenance from its workflow state and whether it is demo data. */
export function provenanceOf(workflow: ValueWorkflow, demo: boolean): Provenance {
  if (workflow === 'published') return 'published';
  if (demo) return 'demo';
  return workflow === 'approved' ? 'national_approved' : 'national_draft';
}
