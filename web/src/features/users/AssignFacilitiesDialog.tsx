import type { AssignedFacility, Facility } from '@dml/shared/api/facilities';
import type { User } from '@dml/shared/api/users';
import type * as z from '@dml/shared/zod';
import { useId, useState } from 'react';
import { errorMessage } from '../../api/ApiError.ts';
import { DebouncedTextField } from '../../components/DebouncedTextField.tsx';
import { Dialog, DialogActions } from '../../components/Dialog.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { ListResults } from '../../components/ListResults.tsx';
import { Notice } from '../../components/Notice.tsx';
import { TextField } from '../../components/TextField.tsx';
import { plural } from '../../lib/text.ts';
import { useFacilityList } from '../facilities/index.ts';
import { useAssignFacilities } from './api.ts';

export type Assigned = z.infer<typeof AssignedFacility>;
type Picked = Pick<Facility, 'id' | 'name' | 'code' | 'state'>;

/** Enough per page to pick from comfortably; more load on demand. */
const PICKER_PAGE_SIZE = 50;

const byName = (a: Picked, b: Picked) => a.name.localeCompare(b.name);

type Props = {
  user: User;
  /** The facilities the user covers now. */
  assigned: readonly Assigned[];
  onClose: () => void;
  onSaved: (facilities: Assigned[]) => void;
};

/**
 * Picks the facilities a user covers: search the programme's facilities (paged), tick or untick, then
 * Save sets exactly that list. "Every facility in a state" applies at once and merges into the picks.
 */
export const AssignFacilitiesDialog = ({ user, assigned, onClose, onSaved }: Props) => {
  const assign = useAssignFacilities(user.id);
  const [selected, setSelected] = useState(() => new Map<string, Picked>(assigned.map((f) => [f.id, f])));
  // What the server holds now (moves on after a by-state change).
  const [serverIds, setServerIds] = useState(() => new Set(assigned.map((f) => f.id)));
  const [search, setSearch] = useState('');
  const [stateName, setStateName] = useState('');
  const [stateError, setStateError] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const list = useFacilityList({ q: search.trim() || undefined }, PICKER_PAGE_SIZE);
  const selectedHeadingId = useId();

  const toggle = (facility: Picked, on: boolean) =>
    setSelected((previous) => {
      const next = new Map(previous);
      if (on) next.set(facility.id, facility);
      else next.delete(facility.id);
      return next;
    });

  const byState = async (mode: 'add' | 'remove') => {
    const state = stateName.trim();
    setNotice(null);
    setFailure(null);
    if (!state) {
      setStateError('Enter the name of a state');
      return;
    }
    setStateError(undefined);
    try {
      const { items } = await assign.mutateAsync({ state, mode });
      const after = new Map(items.map((f) => [f.id, f]));
      const added = items.filter((f) => !serverIds.has(f.id));
      const removed = [...serverIds].filter((id) => !after.has(id));
      // Keep the unsaved ticks; fold in what the server just changed.
      setSelected((previous) => {
        const next = new Map(previous);
        for (const f of added) next.set(f.id, f);
        for (const id of removed) next.delete(id);
        return next;
      });
      setServerIds(new Set(after.keys()));
      onSaved(items);
      const changed = mode === 'add' ? added.length : removed.length;
      setNotice(
        changed === 0
          ? `Nothing changed: no ${mode === 'add' ? 'unassigned' : 'assigned'} facilities in ${state}.`
          : `${mode === 'add' ? 'Assigned' : 'Unassigned'} ${plural(changed, 'facility', 'facilities')} in ${state}.`,
      );
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };

  const save = async () => {
    setNotice(null);
    setFailure(null);
    try {
      const { items } = await assign.mutateAsync({ facility_ids: [...selected.keys()], mode: 'set' });
      onSaved(items);
      onClose();
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };

  const picks = [...selected.values()].sort(byName);
  const busy = assign.isPending;

  return (
    <Dialog title={`Assign facilities to ${user.name}`} onClose={onClose} busy={busy} wide>
      <div className="form">
        <FormAlert message={failure} />
        {notice && <Notice tone="success">{notice}</Notice>}

        <section aria-labelledby={selectedHeadingId} className="picked">
          <h3 id={selectedHeadingId} className="picked__title">
            Selected ({picks.length})
          </h3>
          {picks.length === 0 ? (
            <p className="muted">No facilities selected.</p>
          ) : (
            <ul className="chips">
              {picks.map((facility) => (
                <li key={facility.id} className="chip">
                  <span>{facility.name}</span>
                  <button
                    type="button"
                    className="chip__remove"
                    aria-label={`Remove ${facility.name}`}
                    onClick={() => toggle(facility, false)}
                  >
                    <span aria-hidden="true">×</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>

        <fieldset className="fieldset">
          <legend className="fieldset__legend">Choose facilities</legend>
          <DebouncedTextField
            label="Find facilities"
            type="search"
            hint="Start of a name, or a facility code"
            autoComplete="off"
            value={search}
            onCommit={setSearch}
          />
          <div aria-busy={list.isPlaceholderData || undefined} className="picker">
            <ListResults
              list={list}
              loadingLabel="Loading facilities…"
              skeletonRows={3}
              errorTitle="We couldn't load the facilities"
              empty={
                <p className="muted">
                  {search ? 'No facilities match this search.' : 'There are no facilities yet.'}
                </p>
              }
              summary={`Showing ${plural(list.items.length, 'facility', 'facilities')}`}
              loadMoreLabel="Load more facilities"
            >
              {(facilities) => (
                <ul className="picker__list">
                  {facilities.map((facility) => (
                    <li key={facility.id}>
                      <label className="checkbox picker__option">
                        <input
                          type="checkbox"
                          checked={selected.has(facility.id)}
                          onChange={(event) => toggle(facility, event.target.checked)}
                        />
                        <span>
                          {facility.name}{' '}
                          <span className="muted">
                            {facility.code} · {facility.state}
                          </span>
                        </span>
                      </label>
                    </li>
                  ))}
                </ul>
              )}
            </ListResults>
          </div>
        </fieldset>

        <fieldset className="fieldset">
          <legend className="fieldset__legend">Every facility in a state</legend>
          <p className="field__hint">Applies at once, to the facilities the state has today.</p>
          <TextField
            label="State"
            autoComplete="off"
            value={stateName}
            error={stateError}
            onChange={(event) => setStateName(event.target.value)}
          />
          <div className="button-row">
            <button type="button" className="button" onClick={() => void byState('add')} disabled={busy}>
              Assign every facility in this state
            </button>
            <button type="button" className="button" onClick={() => void byState('remove')} disabled={busy}>
              Unassign every facility in this state
            </button>
          </div>
        </fieldset>

        <DialogActions>
          <button
            type="button"
            className="button button--primary"
            onClick={() => void save()}
            disabled={busy}
          >
            {busy ? 'Saving…' : 'Save'}
          </button>
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
        </DialogActions>
      </div>
    </Dialog>
  );
};
