import {
  type ChangeKind,
  type ChangeMover,
  type ChangeResult,
  type ClassificationBasis,
  emptyDistribution,
  isCompared,
  type Level,
  levelToScore,
  type PeerGroupType,
} from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { AppError } from '../../lib/errors';
import type { Principal } from '../auth/permissions';
import { listCountries } from '../countries/repository';
import { getPublishedFramework, resolvePeriod } from '../frameworks/service';
import { crosswalkPairs } from '../rounds/repository';
import { resolveGroup } from './group';
import { levelAnswers } from './repository';

export interface ChangeInput {
  from: string;
  to: string;
  fromPeriod?: string | undefined;
  toPeriod?: string | undefined;
  groupType: PeerGroupType;
  group?: string | undefined;
  viewer?: Principal | null;
  classification?: ClassificationBasis | undefined;
}

function changeOf(from: Level | null, to: Level | null): ChangeKind {
  if (!from || !to) return 'no_answer';
  const d = levelToScore(to) - levelToScore(from);
  return d > 0 ? 'improved' : d < 0 ? 'regressed' : 'same';
}

/**
 * Who improved, regressed, stayed or did not answer between two rounds, and the group's levels in
 * each round, over the crosswalk's compared question pairs only (comparable, and caution — marked
 * with what changed): questions that were redefined, or have no counterpart, are listed with their
 * reason, never compared.
 */
export async function roundChange(db: DbOrTx, input: ChangeInput): Promise<ChangeResult> {
  if (input.from === input.to)
    throw new AppError(400, 'to: compare two different rounds (from and to are the same framework)');
  // Published rounds only: change between rounds is the published answers' change.
  await getPublishedFramework(db, input.from);
  const later = await getPublishedFramework(db, input.to);
  const fromPeriod = await resolvePeriod(db, input.from, input.fromPeriod);
  const toPeriod = await resolvePeriod(db, input.to, input.toPeriod);
  // The group as the later round classifies its members (or by today's reference).
  const group = await resolveGroup(db, input.groupType, input.group, undefined, input.viewer ?? null, {
    basis: input.classification ?? 'round',
    round: { frameworkCode: later.code, frameworkName: later.name, endDate: toPeriod.endDate },
  });
  const crosswalk = await crosswalkPairs(db, input.from, input.to);
  const compared = crosswalk.flatMap((p) =>
    p.to && isCompared(p.comparability) ? [{ ...p, to: p.to, comparability: p.comparability }] : [],
  );

  const index = async (framework: string, periodId: number) => {
    const rows = await levelAnswers(db, framework, periodId, group.members);
    return new Map(rows.map((r) => [`${r.indicatorId}|${r.countryIso3}`, r.level]));
  };
  const before = await index(input.from, fromPeriod.id);
  const after = await index(input.to, toPeriod.id);
  const names = new Map((await listCountries(db, {})).map((c) => [c.iso3, c.name]));
  const movers = new Map<string, ChangeMover>();

  const pairs = compared.map((p) => {
    const counts = { improved: 0, same: 0, regressed: 0, no_answer: 0 };
    const levels = { from: emptyDistribution(), to: emptyDistribution() };
    const countries = group.members.map((iso3) => {
      const from = before.get(`${p.from.id}|${iso3}`) ?? null;
      const to = after.get(`${p.to.id}|${iso3}`) ?? null;
      const change = changeOf(from, to);
      counts[change]++;
      if (from) levels.from[from]++;
      if (to) levels.to[to]++;
      if (from && to) {
        const m = movers.get(iso3) ?? {
          iso3,
          name: names.get(iso3) ?? iso3,
          improved: 0,
          regressed: 0,
          same: 0,
          net: 0,
        };
        if (change !== 'no_answer') m[change]++;
        m.net += levelToScore(to) - levelToScore(from);
        movers.set(iso3, m);
      }
      return { iso3, from, to, change };
    });
    return {
      from: p.from,
      to: p.to,
      comparability: p.comparability,
      note: p.note,
      levels,
      counts,
      countries,
    };
  });

  return {
    from: { framework: input.from, period: fromPeriod.code },
    to: { framework: input.to, period: toPeriod.code },
    group,
    pairs,
    notComparable: crosswalk
      .filter((p) => !p.to || !isCompared(p.comparability))
      .map((p) => ({
        from: p.from.code,
        to: p.to?.code ?? null,
        comparability: p.comparability,
        note: p.note,
      })),
    movers: [...movers.values()].sort(
      (a, b) => Math.abs(b.net) - Math.abs(a.net) || b.net - a.net || a.name.localeCompare(b.name),
    ),
  };
}
