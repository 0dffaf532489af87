import {
  type GlobalTargetsResult,
  LEVELS,
  type Level,
  type LevelWording,
  type TargetMeasure,
} from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { answeringCountries, questionAnswers, surveyRounds, whoMemberCount } from './repository';
import { type ReportedTarget, readReportedTargets } from './targets-file';

/**
 * Which targets the published TrACSS answers can follow, and how (see
 * server/db/reference-data/global-targets/SOURCE.md): funded NAPs from TrACSS 2025 question 2.3.a at
 * level D (implemented with the necessary financing) or above; annual reporting from who answered
 * each round.
 */
export const FUNDED_NAP = {
  targetId: 'UNGA24-02',
  frameworkCode: 'tracss-2025',
  questionCode: '2.3.a',
  countedLevels: ['D', 'E'] as Level[],
  goal: 60,
} as const;
export const ANNUAL_REPORTING = { targetId: 'UNGA24-08', goal: 95 } as const;

const share = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 1000) / 10 : null);

let targetsFile: Promise<ReportedTarget[]> | undefined;

/** The targets as reported, each with what the data held can say about it. Published data only. */
export async function globalTargets(db: DbOrTx): Promise<GlobalTargetsResult> {
  targetsFile ??= readReportedTargets();
  const [targets, members, rounds] = await Promise.all([targetsFile, whoMemberCount(db), surveyRounds(db)]);
  const measures = new Map<string, TargetMeasure[]>();
  const add = (id: string, m: TargetMeasure) => measures.set(id, [...(measures.get(id) ?? []), m]);

  for (const round of rounds) {
    const answered = await answeringCountries(db, round.code);
    add(ANNUAL_REPORTING.targetId, {
      kind: 'answered_round',
      frameworkCode: round.code,
      frameworkName: round.name,
      questionCode: null,
      questionName: null,
      numerator: answered.members,
      denominator: members,
      denominatorKind: 'who_members',
      share: share(answered.members, members),
      goal: ANNUAL_REPORTING.goal,
      levels: null,
    });
    if (round.code !== FUNDED_NAP.frameworkCode) continue;
    const q = await questionAnswers(db, round.code, FUNDED_NAP.questionCode);
    if (!q) continue;
    const wording = q.levels as LevelWording | null;
    const byLevel = new Map<Level | null, number>();
    for (const c of q.counts) {
      const key = c.status === 'not_applicable' ? null : (c.level as Level | null);
      if (key === null && c.status !== 'not_applicable') continue;
      byLevel.set(key, (byLevel.get(key) ?? 0) + c.n);
    }
    const levels = [...LEVELS, null].map((level) => ({
      level,
      wording: level ? (wording?.[level] ?? null) : null,
      count: byLevel.get(level) ?? 0,
      counted: level !== null && FUNDED_NAP.countedLevels.includes(level),
    }));
    const numerator = levels.filter((l) => l.counted).reduce((s, l) => s + l.count, 0);
    add(FUNDED_NAP.targetId, {
      kind: 'funded_nap',
      frameworkCode: round.code,
      frameworkName: round.name,
      questionCode: FUNDED_NAP.questionCode,
      questionName: q.name,
      numerator,
      denominator: answered.all,
      denominatorKind: 'answering',
      share: share(numerator, answered.all),
      goal: FUNDED_NAP.goal,
      levels,
    });
  }
  return {
    items: targets.map((t) => ({ ...t, measures: measures.get(t.id) ?? [] })),
    whoMembers: members,
    source:
      'Political Declaration of the UN General Assembly High-level Meeting on AMR (26 September 2024), ' +
      'targets as reported by secondary sources (each target names them); progress from the published TrACSS rounds.',
  };
}
