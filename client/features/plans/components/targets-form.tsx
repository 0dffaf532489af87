import { type FormEvent, useId, useState } from 'react';
import type { Plan, PlanIndicator } from '../../../../shared';
import { useI18n } from '../../../i18n/context';
import { useErrorText } from '../../../lib/error-text';
import { parseTargets, targetsText } from '../amounts';
import { usePlanWrite } from '../api/plan-writes';
import { textOf } from '../form-data';
import { FormMessage } from './form-message';

/** Replaces a plan indicator's targets, one per year ("2020: 40, 2022: 60"; levels as "2022: D"). */
export function TargetsForm({ plan, item }: { plan: Plan; item: PlanIndicator }) {
  const id = useId();
  const write = usePlanWrite();
  const { t, locale } = useI18n();
  const { errorText, zodText } = useErrorText();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    // The schema is imported on submit: the page's first JS has no zod
    // (docs/decisions/lazy-response-schemas.md).
    const { PutTargetsSchema } = await import('../../../../shared/api/plan-indicators');
    const parsed = PutTargetsSchema.safeParse({
      targets: parseTargets(textOf(data, 'targets'), locale),
      version: item.version,
    });
    if (!parsed.success) return setError(zodText(parsed.error));
    setError(null);
    write.mutate(
      { method: 'PUT', path: `/plans/${plan.id}/indicators/${item.id}/targets`, body: parsed.data },
      { onSuccess: () => setDone(t('targets.saved')), onError: (err) => setError(errorText(err)) },
    );
  };

  return (
    <form
      className="inline-form"
      onSubmit={submit}
      noValidate
      aria-label={t('targets.of', { code: item.indicator.code })}
    >
      <label htmlFor={`${id}-targets`}>
        {t('indicators.col.targets')}
        <input
          id={`${id}-targets`}
          name="targets"
          dir="ltr"
          className="input--wide"
          defaultValue={targetsText(item.targets, locale)}
          key={`${item.version}-${locale}`}
        />
      </label>
      <button type="submit" className="button button--small" disabled={write.isPending}>
        {t('targets.save')}
      </button>
      <FormMessage error={error} done={done} />
    </form>
  );
}
