import type {
  EvidenceLink,
  HistoryFieldChange,
  HistorySubmissionRef,
  HistoryValue,
  HistoryValueField,
  Indicator,
  PeriodHistory,
  PeriodHistoryEntry,
} from '../../../shared';
import { isOneOf } from '../../../shared/constants/guard';
import { LEVELS } from '../../../shared/constants/level';
import { TRANSITIONS } from '../../../shared/constants/reporting';
import { VALUE_STATUSES } from '../../../shared/constants/value';
import { AppError } from '../../lib/errors';
import type { ServiceContext } from '../../service-context';
import type { AuditRow } from '../audit/entity-repository';
import { auditOfEntities } from '../audit/history-repository';
import type { Principal } from '../auth/permissions';
import { entryRows } from './grid-service';
import { assertMayReadUnapproved, getPlanPeriod } from './period-service';

type Snapshot = Record<string, unknown> | null;
type HistoryIndicator = Extract<PeriodHistoryEntry['event'], { kind: 'value' }>['indicator'];

const EMPTY: HistoryValue = { type: 'empty' };
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const textOrEmpty = (v: unknown): HistoryValue => {
  const s = str(v);
  return s === null ? EMPTY : { type: 'text', text: s };
};

/** The answer a value snapshot holds, typed by the indicator's measure type (empty without one). */
function answerOf(s: Snapshot, measure: Indicator['measureType']): HistoryValue {
  if (s?.status !== 'reported') return EMPTY;
  const n = num(s.numericValue);
  switch (measure) {
    case 'number':
    case 'count':
    case 'percentage':
      return n === null ? EMPTY : { type: 'number', measure, number: n };
    case 'ratio': {
      const [a, b] = [num(s.numerator), num(s.denominator)];
      return a === null || b === null ? EMPTY : { type: 'ratio', numerator: a, denominator: b };
    }
    case 'yes_no':
      return n === null ? EMPTY : { type: 'yes_no', answer: n === 1 };
    case 'level':
      return isOneOf(LEVELS, s.level) ? { type: 'level', level: s.level } : EMPTY;
    default:
      // Text milestones, and choices as the value stores them.
      return textOrEmpty(s.textValue);
  }
}

function evidenceOf(s: Snapshot): HistoryValue {
  const list = Array.isArray(s?.evidence) ? (s.evidence as unknown[]) : [];
  const links = list.flatMap((e): EvidenceLink[] => {
    const o = e as Record<string, unknown> | null;
    const url = str(o?.url);
    return url ? [{ url, title: str(o?.title) ?? url }] : [];
  });
  return links.length === 0 ? EMPTY : { type: 'evidence', links };
}

/**
 * Each field of a value as the history names it, from an audit snapshot. A new field (a validator's
 * comment, say) is one more line here and in HISTORY_VALUE_FIELDS.
 */
const FIELDS: Record<HistoryValueField, (s: Snapshot, measure: Indicator['measureType']) => HistoryValue> = {
  value: answerOf,
  status: (s) => (isOneOf(VALUE_STATUSES, s?.status) ? { type: 'status', status: s.status } : EMPTY),
  reason: (s) => textOrEmpty(s?.statusReason),
  comment: (s) => textOrEmpty(s?.comment),
  evidence: evidenceOf,
  // A validator's comment on the value (review-service): its own audit entry, old null.
  validatorComment: (s) => textOrEmpty(s?.validatorComment),
};

/** Fields every value snapshot holds; the others only from when the audit began to keep them. */
const ALWAYS_KEPT = new Set<HistoryValueField>(['value', 'status', 'reason']);

/**
 * The fields an audit entry of a value changed, before → after. A field an older entry did not keep
 * (comments and evidence were not always recorded) is left out rather than shown as emptied.
 */
export function valueChanges(
  old: Snapshot,
  next: Snapshot,
  measure: Indicator['measureType'],
): HistoryFieldChange[] {
  const kept = (s: Snapshot, field: HistoryValueField) => s === null || ALWAYS_KEPT.has(field) || field in s;
  return (Object.keys(FIELDS) as HistoryValueField[]).flatMap((field) => {
    if (!kept(old, field) || !kept(next, field)) return [];
    const from = FIELDS[field](old, measure);
    const to = FIELDS[field](next, measure);
    return JSON.stringify(from) === JSON.stringify(to) ? [] : [{ field, from, to }];
  });
}

/**
 * Which submission a change belonged to, from the period's workflow steps (oldest first; audit ids
 * grow with time): changes and a submit belong to the submission after the submits before them; a
 * return, an approval or a reopening acts on the last submission. `after` is the return or reopening
 * that opened the submission, when there was one since the last submit.
 */
export function submissionOf(
  steps: readonly { id: number; action: string; at: string }[],
  entry: { id: number; action: string; kind: 'value' | 'workflow' },
): HistorySubmissionRef {
  const before = steps.filter((s) => s.id < entry.id);
  const submits = before.filter((s) => s.action === 'submit');
  const actsOnLast = entry.kind === 'workflow' && entry.action !== 'submit';
  const number = Math.max(1, submits.length + (actsOnLast ? 0 : 1));
  const lastSubmit = submits.at(-1)?.id ?? 0;
  const opener = actsOnLast
    ? undefined
    : before.filter((s) => s.id > lastSubmit && (s.action === 'return' || s.action === 'reopen')).at(-1);
  return {
    number,
    after: opener ? { action: opener.action as 'return' | 'reopen', at: opener.at } : null,
  };
}

/**
 * A national indicator following a published question goes by the question's code (9.1), as in the
 * grid; its internal code (tracss-2019-2020:9.1) is only the API's key.
 */
const displayCode = (code: string) => code.split(':').at(-1) ?? code;

/**
 * A period's history for the country's roles, facilitators and administrators: the submission's
 * workflow steps and every change of the values entered in it, newest first — who, when, through
 * which channel, in which submission, and each changed field typed (the client words and formats it).
 */
export async function periodHistory(
  ctx: ServiceContext,
  p: Principal | null,
  periodId: number,
  planIndicatorId?: number,
): Promise<PeriodHistory> {
  const row = await getPlanPeriod(ctx, p, periodId);
  // Old → new of every value, drafts included, and the return reasons: not for the public.
  assertMayReadUnapproved(ctx, p, row.plan.countryIso3, 'history');
  const rows = await entryRows(ctx.db, row);
  const picked =
    planIndicatorId === undefined ? rows : rows.filter((r) => r.planIndicatorId === planIndicatorId);
  if (planIndicatorId !== undefined && picked.length === 0)
    throw new AppError(404, `planIndicator: no plan indicator ${planIndicatorId} in this period's grid`);
  const indicators = new Map<string, HistoryIndicator>();
  for (const r of picked)
    if (r.current)
      indicators.set(String(r.current.value.id), {
        planIndicatorId: r.planIndicatorId,
        code: displayCode(r.indicator.code),
        name: r.indicator.name,
        measureType: r.indicator.measureType,
        unit: r.indicator.unit,
      });
  const [values, workflow] = [
    await auditOfEntities(ctx.db, [{ type: 'value', ids: [...indicators.keys()] }]),
    await auditOfEntities(ctx.db, [{ type: 'submission', ids: [row.submission.id] }]),
  ];
  const steps = workflow
    .filter((w) => isOneOf(TRANSITIONS, w.action))
    .map((w) => ({ id: w.id, action: w.action, at: w.at }))
    .reverse();
  const base = (a: AuditRow) => ({ id: a.id, at: a.at, user: a.user, channel: a.channel });
  const items: PeriodHistoryEntry[] = [];
  for (const a of values) {
    const indicator = indicators.get(a.entityId);
    if (!indicator) continue;
    items.push({
      ...base(a),
      submission: submissionOf(steps, { id: a.id, action: a.action, kind: 'value' }),
      event: {
        kind: 'value',
        action: a.action === 'create' ? 'create' : 'update',
        indicator,
        changes: valueChanges(a.old, a.new, indicator.measureType),
      },
    });
  }
  if (planIndicatorId === undefined)
    for (const a of workflow) {
      if (!isOneOf(TRANSITIONS, a.action)) continue;
      const reason = a.action === 'return' || a.action === 'reopen' ? str(a.new?.reason) : null;
      items.push({
        ...base(a),
        submission: submissionOf(steps, { id: a.id, action: a.action, kind: 'workflow' }),
        event: { kind: 'workflow', action: a.action, reason },
      });
    }
  items.sort((x, y) => y.id - x.id);
  return { items };
}
