import type { Plan, PlanIndicator } from '../../../../shared';
import { SourceBadge } from '../../../components/ui/source-badge';
import { useI18n, useT } from '../../../i18n/context';
import { formatAmount, yesNoOf } from '../format';

interface ElementGroup {
  kind: NonNullable<PlanIndicator['planningElement']>['kind'];
  text: string;
  linked: string | null;
  items: PlanIndicator[];
}

/** Consecutive indicators measuring the same planning element, in the M&E plan's order. */
function groupsOf(plan: Plan, list: PlanIndicator[]): ElementGroup[] {
  const code = (pi: PlanIndicator) =>
    (pi.activityId !== null ? plan.activities.find((a) => a.id === pi.activityId)?.code : undefined) ??
    (pi.interventionId !== null
      ? plan.interventions.find((i) => i.id === pi.interventionId)?.code
      : undefined) ??
    null;
  const out: ElementGroup[] = [];
  for (const pi of list) {
    const e = pi.planningElement;
    if (!e) continue;
    const last = out.at(-1);
    if (last && last.kind === e.kind && last.text === e.text) last.items.push(pi);
    else out.push({ kind: e.kind, text: e.text, linked: code(pi), items: [pi] });
  }
  return out;
}

/**
 * The plan's M&E plan: each indicator under the planning element it measures (an objective, a
 * strategic intervention or an activity, as the plan words it), with its type, calculation, data
 * source, method, frequency and target as written, and the latest value reported (with its source).
 * Folded by objective; on phones each indicator is a card.
 */
export function MePlan({ plan }: { plan: Plan }) {
  const t = useT();
  const measured = plan.indicators.filter((i) => i.planningElement);
  if (measured.length === 0) return null;
  const objectives = [
    ...plan.objectives.map((o) => ({ id: o.id as number | null, code: o.code, title: o.title })),
    { id: null, code: '—', title: '' },
  ];
  return (
    <section aria-labelledby={`me-${plan.id}`} className="section">
      <h2 id={`me-${plan.id}`}>{t('me.title')}</h2>
      <p className="muted">{t('me.intro')}</p>
      {objectives.map((o) => {
        const mine = measured.filter((i) => i.objectiveId === o.id);
        if (mine.length === 0) return null;
        return (
          <details key={o.code} className="fold">
            <summary>
              <span className="fold__title">
                {t('structure.objective', { code: o.code, title: o.title })}
              </span>{' '}
              <span className="muted small">{t('me.objective', { n: mine.length })}</span>
            </summary>
            {groupsOf(plan, mine).map((g) => (
              <ElementGroupView key={g.items[0]?.id} g={g} />
            ))}
          </details>
        );
      })}
    </section>
  );
}

/** The indicators measuring one planning element (a frequency column only where the plan gives one). */
function ElementGroupView({ g }: { g: ElementGroup }) {
  const t = useT();
  const frequency = g.items.some((i) => i.indicator.frequency);
  return (
    <div className="fold__group">
      <h3 className="me-element">
        <span className="badge">{t(`me.kind.${g.kind}`)}</span>
        {g.linked && <span className="muted small">{g.linked}</span>} {g.text}
      </h3>
      <div className="table-scroll">
        <table className="table table--compact table--cards">
          <caption className="visually-hidden">{t('me.caption', { element: g.text })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('me.col.indicator')}</th>
              <th scope="col">{t('me.col.type')}</th>
              <th scope="col">{t('me.col.calculation')}</th>
              <th scope="col">{t('me.col.source')}</th>
              <th scope="col">{t('me.col.method')}</th>
              {frequency && <th scope="col">{t('me.col.frequency')}</th>}
              <th scope="col">{t('me.col.target')}</th>
              <th scope="col">{t('me.col.latest')}</th>
            </tr>
          </thead>
          <tbody>
            {g.items.map((pi) => (
              <MeRow key={pi.id} pi={pi} frequency={frequency} />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function MeRow({ pi, frequency }: { pi: PlanIndicator; frequency: boolean }) {
  const { t, locale } = useI18n();
  const i = pi.indicator;
  const latest = pi.progress.latest;
  // A type the plan writes as one of the result levels reads in the interface language; others as written.
  const type = pi.resultLevel ? t(`resultLevel.${pi.resultLevel}`) : (pi.typeText ?? '—');
  return (
    <tr>
      <th scope="row">
        <span className="muted small">{i.code}</span> {i.name}
      </th>
      <td data-label={t('me.col.type')}>{type}</td>
      <td data-label={t('me.col.calculation')}>{i.calculation ?? '—'}</td>
      <td data-label={t('me.col.source')}>{i.dataSource ?? '—'}</td>
      <td data-label={t('me.col.method')}>{i.collectionMethod ?? '—'}</td>
      {frequency && <td data-label={t('me.col.frequency')}>{i.frequency ?? '—'}</td>}
      <td data-label={t('me.col.target')} className="cell--text">
        {pi.targetText ?? '—'}
        {pi.targets.map((x) => (
          <div key={x.year}>
            {x.year}: {formatAmount(x, i.unit, locale, yesNoOf(t, i.measureType))}
          </div>
        ))}
      </td>
      <td data-label={t('me.col.latest')}>
        {latest ? (
          <>
            {`${formatAmount(latest, i.unit, locale, yesNoOf(t, i.measureType))} (${latest.periodCode})`}{' '}
            <SourceBadge source={latest.source} name={latest.sourceName} />
          </>
        ) : (
          t('progress.no_data')
        )}
      </td>
    </tr>
  );
}
