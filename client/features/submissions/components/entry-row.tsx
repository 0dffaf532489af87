import { type EntryRow, VALUE_STATUSES, type ValueStatus } from '../../../../shared';
import { historyWarning } from '../drafts';
import { useRowDraft } from '../use-row-draft';
import { EvidenceEditor } from './evidence-editor';
import { PreviousValues } from './previous-values';
import { ValueInput } from './value-input';

const STATUS_NAMES: Record<ValueStatus, string> = {
  reported: 'Reported',
  no_data: 'No data',
  not_applicable: 'Not applicable',
};

export function EntryRowView(props: { periodId: number; iso3: string; row: EntryRow; editable: boolean }) {
  const { row, editable } = props;
  const { draft, state, change, keepMine, takeTheirs } = useRowDraft(props.periodId, props.iso3, row);
  const code = row.indicator.code;
  const collected = row.frameworkPeriodCode !== null;
  const disabled = !editable || !collected;
  const warning = historyWarning(row, draft);
  return (
    <tr data-row>
      <th scope="row">
        <span className="entry-code">{code}</span> {row.indicator.name}
      </th>
      <td>
        <select
          data-cell
          aria-label={`Status of ${code}`}
          value={draft.status}
          disabled={disabled}
          onChange={(e) => change({ status: e.target.value as ValueStatus })}
        >
          {VALUE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_NAMES[s]}
            </option>
          ))}
        </select>
      </td>
      <td>
        {!collected ? (
          <span className="muted small">Not collected in this period</span>
        ) : draft.status === 'reported' ? (
          <ValueInput row={row} draft={draft} disabled={disabled} onChange={change} />
        ) : (
          <input
            data-cell
            type="text"
            aria-label={`Reason for ${STATUS_NAMES[draft.status].toLowerCase()} of ${code}`}
            placeholder="Reason (required)"
            value={draft.reason}
            disabled={disabled}
            onChange={(e) => change({ reason: e.target.value })}
          />
        )}
        {warning && (
          <p className="entry-warning small" role="note">
            ⚠ {warning}
          </p>
        )}
        <SaveMessage state={state} onKeepMine={keepMine} onTakeTheirs={takeTheirs} />
      </td>
      <td>
        <input
          data-cell
          type="text"
          aria-label={`Comment on ${code}`}
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
      </td>
      <td>
        <PreviousValues previous={row.previous} />
      </td>
    </tr>
  );
}

function SaveMessage(p: {
  state: ReturnType<typeof useRowDraft>['state'];
  onKeepMine: (v: never) => void;
  onTakeTheirs: (v: never) => void;
}) {
  const s = p.state;
  if (s.kind === 'saving') return <p className="muted small">Saving …</p>;
  if (s.kind === 'saved') return <p className="muted small">Saved</p>;
  if (s.kind === 'restored') return <p className="small">Unsaved draft restored from this browser</p>;
  if (s.kind === 'invalid')
    return (
      <p className="entry-error small" role="alert">
        {s.problems.join('; ')}
      </p>
    );
  if (s.kind === 'error')
    return (
      <p className="entry-error small" role="alert">
        Not saved: {s.message}
      </p>
    );
  if (s.kind === 'conflict')
    return (
      <div className="entry-error small" role="alert">
        <p>
          {s.theirs.updatedBy?.name ?? 'Someone'} changed this value meanwhile (now{' '}
          {s.theirs.textValue ?? s.theirs.numericValue ?? s.theirs.status}). Your entry is kept here.
        </p>
        <button type="button" onClick={() => p.onKeepMine(s.theirs as never)}>
          Keep mine
        </button>{' '}
        <button type="button" onClick={() => p.onTakeTheirs(s.theirs as never)}>
          Take theirs
        </button>
      </div>
    );
  return null;
}
