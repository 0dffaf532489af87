import { blockingFindings, evaluateRules, findingMessage, type RuleFinding } from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { AppError, type Issue } from '../../lib/errors';
import { latestComments } from '../values/annotation-repository';
import { entryRows } from './grid-service';
import type { PeriodRow } from './repository';

/**
 * What keeps a period from being submitted under its plan's validation rules: each value outside its
 * indicator's min/max, and each jump above the threshold whose value carries no comment; one issue per
 * indicator and rule, its path naming the indicator (`rows.<code>.value`, `rows.<code>.comment`).
 */
export async function ruleIssues(db: DbOrTx, row: PeriodRow): Promise<Issue[]> {
  const rows = await entryRows(db, row);
  const ids = rows.flatMap((r) => (r.current ? [r.current.value.id] : []));
  const comments = await latestComments(db, ids);
  return rows.flatMap((r) => {
    if (!r.current || !r.rules) return [];
    const v = r.current.value;
    const findings = evaluateRules({
      measureType: r.indicator.measureType,
      rules: r.rules,
      value: v.status === 'reported' ? v.numericValue : null,
      previous: r.jumpBase,
      comment: comments.get(v.id) ?? null,
    });
    const code = r.indicator.code;
    return blockingFindings(findings).map((f) => ({
      path: `rows.${code}.${f.rule === 'jump' ? 'comment' : 'value'}`,
      message: `indicator ${code} (${r.indicator.name}), rule ${f.rule}: ${findingMessage(f)}`,
      ...codeOf(f, code),
    }));
  });
}

/** The finding's code and parameters, for the client to say it in the reader's language. */
function codeOf(f: RuleFinding, indicator: string): Pick<Issue, 'code' | 'params'> {
  if (f.rule === 'jump')
    return {
      code: 'rule_jump',
      params: { indicator, changePercent: Math.round(f.changePercent), limit: f.limit },
    };
  if (f.rule === 'min') return { code: 'too_small', params: { indicator, min: f.limit, inclusive: true } };
  return { code: 'too_big', params: { indicator, max: f.limit, inclusive: true } };
}

/** Refuses (400, one issue per indicator and rule) a submission that breaks the plan's rules. */
export async function assertRulesMet(db: DbOrTx, row: PeriodRow): Promise<void> {
  const issues = await ruleIssues(db, row);
  if (issues.length === 0) return;
  throw new AppError(
    400,
    `submit: ${issues.length === 1 ? 'a value breaks' : `${issues.length} values break`} the plan's validation rules; ` +
      `correct them, or comment on a value that changed that much: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
    { issues },
  );
}
