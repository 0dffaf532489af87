import type { EvidenceLink, Level, Provenance, StoredValue, ValueStatus } from '../../../shared';
import type { indicatorValues } from '../../db/schema';

type Row = typeof indicatorValues.$inferSelect;

/** A stored value as the API answers it. */
export function toStoredValue(
  row: Row,
  meta: {
    indicatorCode: string;
    frameworkCode: string;
    periodCode: string;
    updatedByName: string | null;
    comment: string | null;
    evidence: EvidenceLink[];
    source: Provenance;
  },
): StoredValue {
  return {
    countryIso3: row.countryIso3,
    indicatorId: row.indicatorId,
    indicatorCode: meta.indicatorCode,
    frameworkCode: meta.frameworkCode,
    periodCode: meta.periodCode,
    status: row.status as ValueStatus,
    level: (row.level as Level | null) ?? null,
    numericValue: row.numericValue,
    numerator: row.numerator,
    denominator: row.denominator,
    textValue: row.textValue,
    choices: row.choices ?? null,
    source: meta.source,
    statusReason: row.statusReason,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy:
      row.updatedBy !== null && meta.updatedByName !== null
        ? { id: row.updatedBy, name: meta.updatedByName }
        : null,
    comment: meta.comment,
    evidence: meta.evidence,
  };
}
