import { type ReactNode, useState } from 'react';
import type { z } from 'zod';
import type { Plan } from '../../../../shared';
import { useT } from '../../../i18n/context';
import { useErrorText } from '../../../lib/error-text';
import { saveElement, usePlanWrite } from '../api/plan-writes';
import { FormMessage } from './form-message';

// What the forms of a plan's elements (objectives, activities, indicators) share: the save, the
// budget fields and the buttons under them.

/**
 * The save of an element form: `save` sends a checked body to the plan's `collection`, or to the
 * element's own address when it exists; `error` is what to show under the form.
 */
export function useElementSave(
  plan: Plan,
  collection: 'objectives' | 'activities' | 'indicators',
  element: { id: number } | undefined,
  onDone?: () => void,
) {
  const write = usePlanWrite();
  const words = useErrorText();
  const [error, setError] = useState<string | null>(null);
  const save = (form: HTMLFormElement, parsed: z.ZodSafeParseResult<unknown>) =>
    saveElement(write, parsed, {
      words,
      path: `/plans/${plan.id}/${collection}${element ? `/${element.id}` : ''}`,
      isNew: !element,
      form,
      setError,
      onDone,
    });
  return { save, error, pending: write.isPending };
}

/** A new element's fields against the create schema, a changed one's with the version read against the update schema. */
export function parseElement(
  schemas: { create: z.ZodType; update: z.ZodType },
  fields: object,
  element: { version: number } | undefined,
): z.ZodSafeParseResult<unknown> {
  return element
    ? schemas.update.safeParse({ ...fields, version: element.version })
    : schemas.create.safeParse(fields);
}

/** One labelled field: the label around the control in an inline form, above it in a grid form (`wide`: a whole row). */
export function Field({
  id,
  label,
  inline,
  wide = false,
  children,
}: {
  id: string;
  label: string;
  inline: boolean;
  wide?: boolean;
  children: ReactNode;
}) {
  if (inline)
    return (
      <label htmlFor={id}>
        {label}
        {children}
      </label>
    );
  return (
    <div className={wide ? 'field field--wide' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

/** An element's code and title, each no longer than the plan's limits allow. */
export function CodeTitleFields({
  id,
  element,
  limits,
  inline = false,
}: {
  id: string;
  element?: { code: string; title: string };
  limits: { code: number; title: number };
  inline?: boolean;
}) {
  const t = useT();
  return (
    <>
      <Field id={`${id}-code`} label={t('objectives.col.code')} inline={inline}>
        <input id={`${id}-code`} name="code" maxLength={limits.code} defaultValue={element?.code} />
      </Field>
      <Field id={`${id}-title`} label={t('form.title')} inline={inline} wide>
        <input
          id={`${id}-title`}
          name="title"
          maxLength={limits.title}
          className={inline ? 'input--wide' : undefined}
          defaultValue={element?.title}
        />
      </Field>
    </>
  );
}

/** An element's budget and its currency (ISO 4217). */
export function BudgetFields({
  id,
  element,
  inline = false,
}: {
  id: string;
  element?: { budget: number | null; currency: string | null };
  inline?: boolean;
}) {
  const t = useT();
  return (
    <>
      <Field id={`${id}-budget`} label={t('plan.budget')} inline={inline}>
        <input
          id={`${id}-budget`}
          name="budget"
          type="number"
          min={0}
          step="0.01"
          defaultValue={element?.budget ?? ''}
        />
      </Field>
      <Field id={`${id}-currency`} label={t('form.currency')} inline={inline}>
        <input id={`${id}-currency`} name="currency" maxLength={3} defaultValue={element?.currency ?? ''} />
      </Field>
    </>
  );
}

/** The save button, a cancel button when `onCancel` is given, and the form's error. */
export function ElementFormEnd({
  saveLabel,
  pending,
  onCancel,
  error,
  inline = false,
}: {
  saveLabel: string;
  pending: boolean;
  onCancel?: () => void;
  error: string | null;
  inline?: boolean;
}) {
  const t = useT();
  const buttons = (
    <>
      <button type="submit" className="button button--small" disabled={pending}>
        {saveLabel}
      </button>
      {onCancel && (
        <button type="button" className="button button--small button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      )}
    </>
  );
  return (
    <>
      {inline ? buttons : <div className="form__actions">{buttons}</div>}
      <FormMessage error={error} />
    </>
  );
}
