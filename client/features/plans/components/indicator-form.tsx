import { type FormEvent, useId, useState } from 'react';
import {
  CreatePlanIndicatorSchema,
  DIRECTIONS,
  type Plan,
  type PlanIndicator,
  UpdatePlanIndicatorSchema,
} from '../../../../shared';
import { amountOf, parseTargets } from '../amounts';
import { usePlanWrite } from '../api/plan-writes';
import { issuesText, numberOf, textOf } from '../form-data';
import { FormMessage } from './form-message';

const MEASURES = ['number', 'percentage', 'ratio', 'yes_no', 'level'] as const;

function baselineOf(data: FormData) {
  const amount = amountOf(textOf(data, 'baseline'));
  if (!amount) return null;
  return { year: numberOf(data, 'baselineYear'), ...amount, source: textOf(data, 'baselineSource') };
}

/**
 * Tracks an indicator (none given): a framework's by code, or a national one defined here, with
 * baseline, direction and targets; or changes one's baseline, direction and objective.
 */
export function IndicatorForm({
  plan,
  item,
  onDone,
}: {
  plan: Plan;
  item?: PlanIndicator;
  onDone?: () => void;
}) {
  const id = useId();
  const write = usePlanWrite();
  const [error, setError] = useState<string | null>(null);
  const [kind, setKind] = useState<'framework' | 'national'>('national');

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const common = {
      objectiveId: numberOf(data, 'objectiveId'),
      baseline: baselineOf(data),
      direction: textOf(data, 'direction') ?? undefined,
    };
    const parsed = item
      ? UpdatePlanIndicatorSchema.safeParse({ ...common, version: item.version })
      : CreatePlanIndicatorSchema.safeParse({
          ...common,
          indicator:
            kind === 'framework'
              ? { kind, framework: textOf(data, 'framework') ?? '', code: textOf(data, 'code') ?? '' }
              : {
                  kind,
                  code: textOf(data, 'code') ?? '',
                  name: textOf(data, 'name') ?? '',
                  measureType: textOf(data, 'measureType'),
                  unit: textOf(data, 'unit'),
                },
          targets: parseTargets(textOf(data, 'targets')),
        });
    if (!parsed.success) return setError(issuesText(parsed.error));
    setError(null);
    const path = `/plans/${plan.id}/indicators${item ? `/${item.id}` : ''}`;
    write.mutate(
      { method: item ? 'PATCH' : 'POST', path, body: parsed.data },
      {
        onSuccess: () => {
          if (!item) form.reset();
          onDone?.();
        },
        onError: (err) => setError(err.message),
      },
    );
  };

  return (
    <form
      className="form form--grid"
      onSubmit={submit}
      noValidate
      aria-label={item ? `Edit indicator ${item.indicator.code}` : 'New indicator'}
    >
      {!item && (
        <>
          <div className="field">
            <label htmlFor={`${id}-kind`}>Indicator</label>
            <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
              <option value="national">Defined nationally</option>
              <option value="framework">From a framework</option>
            </select>
          </div>
          {kind === 'framework' && (
            <div className="field">
              <label htmlFor={`${id}-framework`}>Framework</label>
              <input id={`${id}-framework`} name="framework" maxLength={64} defaultValue="tracss-2019-2020" />
            </div>
          )}
          <div className="field">
            <label htmlFor={`${id}-code`}>Code</label>
            <input id={`${id}-code`} name="code" maxLength={32} />
          </div>
          {kind === 'national' && (
            <>
              <div className="field field--wide">
                <label htmlFor={`${id}-name`}>Name</label>
                <input id={`${id}-name`} name="name" maxLength={500} />
              </div>
              <div className="field">
                <label htmlFor={`${id}-measure`}>Measure</label>
                <select id={`${id}-measure`} name="measureType" defaultValue="percentage">
                  {MEASURES.map((m) => (
                    <option key={m} value={m}>
                      {m.replace('_', '/')}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={`${id}-unit`}>Unit</label>
                <input id={`${id}-unit`} name="unit" maxLength={50} />
              </div>
            </>
          )}
        </>
      )}
      <div className="field">
        <label htmlFor={`${id}-objective`}>Objective</label>
        <select id={`${id}-objective`} name="objectiveId" defaultValue={item?.objectiveId ?? ''}>
          <option value="">None</option>
          {plan.objectives.map((o) => (
            <option key={o.id} value={o.id}>
              {o.code} {o.title}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-direction`}>Direction</label>
        <select id={`${id}-direction`} name="direction" defaultValue={item?.direction ?? 'increase'}>
          {DIRECTIONS.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-baseline`}>Baseline (number or level A–E)</label>
        <input
          id={`${id}-baseline`}
          name="baseline"
          defaultValue={item?.baseline ? (item.baseline.level ?? String(item.baseline.value)) : ''}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-baseline-year`}>Baseline year</label>
        <input
          id={`${id}-baseline-year`}
          name="baselineYear"
          type="number"
          min={1990}
          max={2100}
          defaultValue={item?.baseline?.year ?? ''}
        />
      </div>
      <div className="field field--wide">
        <label htmlFor={`${id}-baseline-source`}>Baseline source</label>
        <input
          id={`${id}-baseline-source`}
          name="baselineSource"
          maxLength={500}
          defaultValue={item?.baseline?.source ?? ''}
        />
      </div>
      {!item && (
        <div className="field field--wide">
          <label htmlFor={`${id}-targets`}>Targets (e.g. 2020: 40, 2022: 60)</label>
          <input id={`${id}-targets`} name="targets" maxLength={1000} />
        </div>
      )}
      <div className="form__actions">
        <button type="submit" className="button button--small" disabled={write.isPending}>
          {item ? 'Save indicator' : 'Add indicator'}
        </button>
        {onDone && item && (
          <button type="button" className="button button--small button--secondary" onClick={onDone}>
            Cancel
          </button>
        )}
      </div>
      <FormMessage error={error} />
    </form>
  );
}
