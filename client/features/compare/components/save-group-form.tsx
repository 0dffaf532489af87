import { type FormEvent, useId, useState } from 'react';
import { SAVED_GROUP_NAME_MAX_LENGTH } from '../../../../shared/constants/compare';
import { FieldError, invalidProps } from '../../../components/ui/field-error';
import { useT } from '../../../i18n/context';
import { useErrorText } from '../../../lib/error-text';
import { useMe } from '../../auth';
import { useCreateSavedGroup } from '../api/create-saved-group';

/**
 * Saves a hand-picked set of countries as a group. Any signed-in user keeps private groups;
 * facilitators and administrators may share theirs with everyone.
 */
export function SaveGroupForm({ members, onSaved }: { members: string[]; onSaved: (id: number) => void }) {
  const id = useId();
  const t = useT();
  const { errorText } = useErrorText();
  const me = useMe();
  const create = useCreateSavedGroup();
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  if (!me.data) return <p className="muted small">{t('cmp.signInToSave')}</p>;
  const mayShare = me.data.roles.some((r) => r.role === 'admin' || r.role === 'facilitator');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { name, members, visibility: shared && mayShare ? 'shared' : 'private' },
      {
        onSuccess: (g) => {
          setName('');
          onSaved(g.id);
        },
      },
    );
  };
  return (
    <form className="save-group" onSubmit={submit} aria-label={t('cmp.saveGroup')}>
      <GroupNameField id={id} value={name} onChange={setName} />
      {mayShare && (
        <label className="checkbox">
          <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} />{' '}
          {t('cmp.share')}
        </label>
      )}
      <button type="submit" disabled={create.isPending || members.length === 0 || !name.trim()}>
        {t('cmp.saveButton', { count: members.length })}
      </button>
      {create.isError && (
        <p role="alert" className="error">
          {errorText(create.error)}
        </p>
      )}
      {create.isSuccess && <p role="status">{t('cmp.saved', { name: create.data.name })}</p>}
    </form>
  );
}

/** A saved group's name, with its problem under it when there is one. */
export function GroupNameField({
  id,
  value,
  onChange,
  error = null,
}: {
  id: string;
  value: string;
  onChange: (name: string) => void;
  error?: string | null;
}) {
  const t = useT();
  return (
    <div className="field">
      <label htmlFor={`${id}-name`}>{t('cmp.groupName')}</label>
      <input
        id={`${id}-name`}
        value={value}
        maxLength={SAVED_GROUP_NAME_MAX_LENGTH}
        required
        {...invalidProps(`${id}-name`, error)}
        onChange={(e) => onChange(e.target.value)}
      />
      <FieldError id={`${id}-name`} error={error} />
    </div>
  );
}
