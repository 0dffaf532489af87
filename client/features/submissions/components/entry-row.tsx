import { useState } from 'react';
import type { EntryRow } from '../../../../shared';
import { VALUE_STATUSES, type ValueStatus } from '../../../../shared/constants/value';
import { useI18n, useT } from '../../../i18n/context';
import { type Draft, historyWarning, rowCode } from '../drafts';
import { useRowDraft } from '../use-row-draft';
import { EvidenceEditor } from './evidence-editor';
import { PeriodHistory } from './period-history';
import { PreviousValues } from './previous-values';
import { PublishedAnswerNote } from './published-answer-note';
import { RuleFindings } from './rule-findings';
import { ValidatorCommentForm, ValidatorCommentNote } from './validator-comment';
import { ValueInput } from './value-input';

export function EntryRowView(props: {
  periodId: number;
  iso3: string;
  row: EntryRow;
  editable: boolean;
  /** A validator of the country, the period submitted: may comment on the value. */
  canComment?: boolean;
  /** Who enters: saves that cannot reach the server wait in their outbox. */
  userId?: number | null;
}) {
  const { row, editable } = props;
  const { draft, state, change, keepMine, takeTheirs, retry, discard } = useRowDraft(
    props.periodId,
    props.iso3,
    row,
    props.userId ?? null,
  );
  // A national indicator following a published question goes by the question's code (9.1), not its
  // internal one (tracss-2019-2020:9.1).
  const code = rowCode(row);
  const collected = row.frameworkPeriodCode !== null;
  const disabled = !editable || !collected;
  const warning = historyWarning(row, draft);
  const t = useT();
  const problemId = `row-${row.planIndicatorId}-problem`;
  const refused = state.kind === 'invalid' || state.kind === 'error';
  return (
    <tr data-row>
      <th scope="row">
        <span className="entry-code">{code}</span> <bdi>{row.indicator.name}</bdi>
        {row.published && <PublishedAnswerNote row={row} />}
      </th>
      <td data-label={t('grid.col.status')}>
        <select
          data-cell
          aria-label={t('grid.statusOf', { code })}
          value={draft.status}
          disabled={disabled}
          onChange={(e) => change({ status: e.target.value as ValueStatus })}
        >
          {VALUE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`valueStatus.${s}`)}
            </option>
          ))}
        </select>
      </td>
      <td data-label={t('grid.col.value')}>
        {!collected ? (
          <span className="muted small">{t('grid.notCollected')}</span>
        ) : draft.status === 'reported' ? (
          <ValueInput
            row={row}
            code={code}
            draft={draft}
            disabled={disabled}
            onChange={change}
            problemId={refused ? problemId : undefined}
          />
        ) : (
          <input
            data-cell
            type="text"
            aria-label={t('grid.reasonFor', { status: t(`valueStatus.${draft.status}`).toLowerCase(), code })}
            placeholder={t('grid.reasonPlaceholder')}
            {...(refused ? { 'aria-invalid': true, 'aria-describedby': problemId } : {})}
            value={draft.reason}
            disabled={disabled}
            onChange={(e) => change({ reason: e.target.value })}
          />
        )}
        {warning && (
          <p className="entry-warning small" role="note">
            ⚠ {t('grid.farOutside', warning)}
          </p>
        )}
        {collected && <RuleFindings row={row} draft={draft} />}
        <SaveMessage
          id={problemId}
          state={state}
          onKeepMine={keepMine}
          onTakeTheirs={takeTheirs}
          aside={{ retry, discard, text: `${code}: ${draftText(draft)}` }}
        />
      </td>
      <td data-label={t('grid.col.comment')}>
        <input
          data-cell
          type="text"
          aria-label={t('grid.commentOn', { code })}
          value={draft.comment}
          disabled={disabled}
          onChange={(e) => change({ comment: e.target.value })}
        />
        <EvidenceEditor
          code={code}
          links={draft.evidence}
          disabled={disabled}
          onChange={(evidence) => change({ evidence })}
        />
        <ValidatorCommentNote comment={row.validatorComment} />
        {props.canComment && row.value && (
          <ValidatorCommentForm periodId={props.periodId} planIndicatorId={row.planIndicatorId} code={code} />
        )}
      </td>
      <td data-label={t('grid.col.earlier')}>
        <PreviousValues previous={row.previous} />
        {row.value && (
          <PeriodHistory periodId={props.periodId} planIndicatorId={row.planIndicatorId} label={code} />
        )}
      </td>
    </tr>
  );
}

/** What was typed, as one line to copy (a value kept aside). */
function draftText(d: Draft): string {
  const main = d.status === 'reported' ? [d.main, d.denominator].filter(Boolean).join(' / ') : d.reason;
  return [main, d.comment].filter((x) => x.trim()).join(' — ');
}

function SaveMessage(p: {
  id: string;
  state: ReturnType<typeof useRowDraft>['state'];
  onKeepMine: (v: never) => void;
  onTakeTheirs: (v: never) => void;
  aside: { retry: () => void; discard: () => void; text: string };
}) {
  const s = p.state;
  const { t, formatNumber } = useI18n();
  const [copied, setCopied] = useState(false);
  if (s.kind === 'saving') return <p className="muted small">{t('grid.saving')}</p>;
  if (s.kind === 'queued')
    return (
      <p className="entry-queued small" data-save-state="queued">
        {t('grid.queued')}
      </p>
    );
  if (s.kind === 'aside')
    return (
      <div id={p.id} className="entry-error small" role="alert" data-save-state="aside">
        <p>{t('grid.aside', { message: s.message })}</p>
        <p>
          <output className="entry-aside-value">{p.aside.text}</output>
        </p>
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() =>
            void navigator.clipboard?.writeText(p.aside.text).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {copied ? t('grid.copied') : t('grid.copyMine')}
        </button>{' '}
        <button type="button" className="button button--secondary button--small" onClick={p.aside.retry}>
          {t('grid.retry')}
        </button>{' '}
        <button type="button" className="button button--danger button--small" onClick={p.aside.discard}>
          {t('grid.discard')}
        </button>
      </div>
    );
  if (s.kind === 'saved') return <p className="muted small">{t('grid.saved')}</p>;
  if (s.kind === 'restored') return <p className="small">{t('grid.restored')}</p>;
  if (s.kind === 'invalid')
    return (
      <p id={p.id} className="entry-error small" role="alert">
        {s.problems.join(' · ')}
      </p>
    );
  if (s.kind === 'error')
    return (
      <p id={p.id} className="entry-error small" role="alert">
        {t('grid.notSaved', { message: s.message })}
      </p>
    );
  if (s.kind === 'conflict')
    return (
      <div className="entry-error small" role="alert">
        <p>
          {t('grid.conflict', {
            name: s.theirs.updatedBy?.name ?? t('grid.someone'),
            value:
              s.theirs.textValue ??
              (s.theirs.numericValue !== null
                ? formatNumber(s.theirs.numericValue, { maximumFractionDigits: 3 })
                : s.theirs.status),
          })}
        </p>
        <button type="button" onClick={() => p.onKeepMine(s.theirs as never)}>
          {t('grid.keepMine')}
        </button>{' '}
        <button type="button" onClick={() => p.onTakeTheirs(s.theirs as never)}>
          {t('grid.takeTheirs')}
        </button>
      </div>
    );
  return null;
}
