import { type FormEvent, useId, useState } from 'react';
import { useMe } from '../../auth/api/get-me';
import { useCreateSavedGroup } from '../api/create-saved-group';

/**
 * Saves a hand-picked set of countries as a group. Any signed-in user keeps private groups;
 * facilitators and administrators may share theirs with everyone.
 */
export function SaveGroupForm({ members, onSaved }: { members: string[]; onSaved: (id: number) => void }) {
  const id = useId();
  const me = useMe();
  const create = useCreateSavedGroup();
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  if (!me.data) return <p className="muted small">Sign in to save this group.</p>;
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
    <form className="save-group" onSubmit={submit} aria-label="Save this group">
      <div className="field">
        <label htmlFor={`${id}-name`}>Group name</label>
        <input
          id={`${id}-name`}
          value={name}
          maxLength={120}
          required
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      {mayShare && (
        <label className="checkbox">
          <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} /> Share with
          everyone
        </label>
      )}
      <button type="submit" disabled={create.isPending || members.length === 0 || !name.trim()}>
        Save group ({members.length} {members.length === 1 ? 'country' : 'countries'})
      </button>
      {create.isError && (
        <p role="alert" className="error">
          {create.error.message}
        </p>
      )}
      {create.isSuccess && <p role="status">Saved “{create.data.name}”.</p>}
    </form>
  );
}
