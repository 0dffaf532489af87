import { inArray } from 'drizzle-orm';
import { type Provenance, provenanceOf, type ValueWorkflow } from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { valueProvenance } from '../../db/schema';

export interface ValueStanding {
  workflow: ValueWorkflow;
  demo: boolean;
  source: Provenance;
}

/** Where each of these values stands (value_provenance), by value id. */
export async function standingOf(db: DbOrTx, valueIds: number[]): Promise<Map<number, ValueStanding>> {
  if (valueIds.length === 0) return new Map();
  const rows = await db.select().from(valueProvenance).where(inArray(valueProvenance.valueId, valueIds));
  return new Map(
    rows.map((r) => {
      const workflow = r.workflow as ValueWorkflow;
      return [r.valueId, { workflow, demo: r.demo, source: provenanceOf(workflow, r.demo) }];
    }),
  );
}
