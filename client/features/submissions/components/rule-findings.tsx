import type { EntryRow } from '../../../../shared';
import { evaluateRules, type RuleFinding } from '../../../../shared/domain/validation-rules';
import { type TFunction, useI18n } from '../../../i18n/context';
import type { Formatters } from '../../../i18n/format';
import { type Draft, numericOf } from '../drafts';

/** The rules' findings for what is typed in a row now (shared/domain/validation-rules.ts). */
export function findingsOf(row: EntryRow, draft: Draft): RuleFinding[] {
  return evaluateRules({
    measureType: row.indicator.measureType,
    rules: row.rules,
    value: numericOf(row, draft),
    previous: row.jumpBase,
    comment: draft.comment,
  });
}

type Fmt = Pick<Formatters, 'formatNumber' | 'formatPercent'>;

/** A change in percent with its sign, in the interface language (+125 %, −70 %). */
function signedPercent(change: number, f: Fmt): string {
  const magnitude = f.formatPercent(Math.abs(change), 1);
  return `${change > 0 ? '+' : '−'}${magnitude}`;
}

/** One finding in the interface language, its numbers in the language's notation. */
export function findingText(finding: RuleFinding, t: TFunction, f: Fmt): string {
  const n = (x: number) => f.formatNumber(x, { maximumFractionDigits: 3 });
  if (finding.rule !== 'jump')
    return t(finding.rule === 'min' ? 'rules.belowMin' : 'rules.aboveMax', {
      value: n(finding.value),
      limit: n(finding.limit),
    });
  return t(finding.commented ? 'rules.jumpExplained' : 'rules.jump', {
    change: signedPercent(finding.changePercent, f),
    previous: n(finding.previous.value),
    period: finding.previous.periodCode,
    limit: f.formatPercent(finding.limit, 1),
  });
}

/**
 * What the plan's validation rules say of the value typed, at once: an error (outside min–max: the
 * period cannot be submitted) or a warning (a jump against the previous period: submitting needs a
 * comment). A self-contained block, to sit under the value.
 */
export function RuleFindings({ row, draft }: { row: EntryRow; draft: Draft }) {
  const { t, formatNumber, formatPercent } = useI18n();
  const findings = findingsOf(row, draft);
  if (findings.length === 0) return null;
  return (
    <ul className="entry-rules small" data-testid="rule-findings">
      {findings.map((f) => (
        <li
          key={f.rule}
          className={f.severity === 'error' ? 'entry-error' : 'entry-warning'}
          data-severity={f.severity}
        >
          {f.severity === 'error' ? '✖ ' : '⚠ '}
          {findingText(f, t, { formatNumber, formatPercent })}
        </li>
      ))}
    </ul>
  );
}
