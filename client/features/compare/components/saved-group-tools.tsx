import { type FormEvent, useId, useRef, useState } from 'react';
import type { Country, SavedGroup } from '../../../../shared';
import { ConfirmAction } from '../../../components/ui/confirm-action';
import { useT } from '../../../i18n/context';
import { ApiError } from '../../../lib/api-client';
import { useErrorText } from '../../../lib/error-text';
import { useDeleteSavedGroup, useUpdateSavedGroup } from '../api/update-saved-group';
import { CountryMultiSelect } from './country-multi-select';
import { GroupNameField } from './save-group-form';

/** A 409 about the version read (someone changed the group meanwhile), not a taken name. */
const isStale = (e: unknown) =>
  e instanceof ApiError && e.statusCode === 409 && !(e.issues ?? []).some((i) => i.path === 'name');

/**
 * Rename, change the countries of, or delete the saved group being compared — for those who manage
 * it (its owner; facilitators and administrators for shared groups: the server's `canEdit`).
 * Writes send the version read: when someone changed the group meanwhile (409) the form says so
 * and starts again from the group as it now is.
 */
export function SavedGroupTools({
  group,
  countries,
  onDeleted,
}: {
  group: SavedGroup;
  countries: readonly Country[];
  onDeleted: () => void;
}) {
  const t = useT();
  const { errorText } = useErrorText();
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const remove = useDeleteSavedGroup();
  const editButton = useRef<HTMLButtonElement>(null);
  const shared = group.visibility === 'shared';

  const close = (message: string | null) => {
    setEditing(false);
    setNotice(message);
    editButton.current?.focus();
  };

  return (
    <div className="saved-group-tools">
      {editing ? (
        <EditSavedGroupForm
          key={group.id}
          group={group}
          countries={countries}
          onDone={(name) => close(t('cmp.saved', { name }))}
          onCancel={() => close(null)}
        />
      ) : (
        <div className="saved-group-tools__actions">
          <button
            ref={editButton}
            type="button"
            className="button button--secondary"
            onClick={() => {
              setNotice(null);
              setEditing(true);
            }}
          >
            {t('cmp.editGroup')}
          </button>
          <ConfirmAction
            label={t('cmp.deleteGroup')}
            variant="danger"
            question={t('cmp.deleteQuestion', { name: group.name, count: group.members.length })}
            detail={t(shared ? 'cmp.deleteSharedDetail' : 'cmp.deletePrivateDetail')}
            confirmLabel={t('cmp.deleteConfirm')}
            pending={remove.isPending}
            error={deleteError}
            onConfirm={async () => {
              setDeleteError(null);
              try {
                await remove.mutateAsync({ id: group.id, version: group.version });
                onDeleted();
                return true;
              } catch (e) {
                setDeleteError(isStale(e) ? t('cmp.groupStale') : errorText(e));
                return false;
              }
            }}
          />
        </div>
      )}
      {notice && (
        <p role="status" className="muted small">
          {notice}
        </p>
      )}
    </div>
  );
}

function EditSavedGroupForm({
  group,
  countries,
  onDone,
  onCancel,
}: {
  group: SavedGroup;
  countries: readonly Country[];
  onDone: (name: string) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const t = useT();
  const { errorText } = useErrorText();
  const update = useUpdateSavedGroup();
  const [name, setName] = useState(group.name);
  const [members, setMembers] = useState<string[]>(group.members);
  const [error, setError] = useState<string | null>(null);
  // After a 409 the group list is read again: the form starts over from the group as it now is.
  const [conflict, setConflict] = useState(false);
  const [read, setRead] = useState(group.version);
  if (conflict && group.version !== read) {
    setRead(group.version);
    setName(group.name);
    setMembers(group.members);
  }
  const nameMissing = !name.trim();
  const noMembers = members.length === 0;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (nameMissing || noMembers) return;
    setError(null);
    setConflict(false);
    update.mutate(
      { id: group.id, name: name.trim(), members, version: read },
      {
        onSuccess: (g) => onDone(g.name),
        onError: (err) => {
          if (isStale(err)) setConflict(true);
          else setError(errorText(err));
        },
      },
    );
  };

  return (
    <form
      className="saved-group-edit"
      onSubmit={submit}
      aria-label={t('cmp.editGroupTitle', { name: group.name })}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      {conflict && (
        <p role="alert" className="notice saved-group-edit__conflict">
          {t('cmp.groupStale')}
        </p>
      )}
      <GroupNameField
        id={id}
        value={name}
        onChange={setName}
        error={nameMissing ? t('cmp.groupNameMissing') : null}
      />
      <CountryMultiSelect countries={countries} value={members} onChange={setMembers} />
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      <div className="saved-group-tools__actions">
        <button type="submit" className="button" disabled={update.isPending || nameMissing || noMembers}>
          {t('cmp.saveChanges', { count: members.length })}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('confirm.cancel')}
        </button>
      </div>
    </form>
  );
}
