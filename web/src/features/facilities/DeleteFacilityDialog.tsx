import { Facility } from '@dml/shared/api/facilities';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage, isApiError } from '../../api/ApiError.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { useDeleteFacility } from './api.ts';
import { facilityKeys } from './keys.ts';

type Props = {
  facility: Facility;
  onClose: () => void;
  onDone: (outcome: 'deleted' | 'retired') => void;
};

/**
 * Deleting a facility: refused while mentorship logs reference it (409 `conflict`), in which case we
 * offer to retire it instead (`force=true`): it leaves every list and assignment, its logs keep their history.
 */
export const DeleteFacilityDialog = ({ facility, onClose, onDone }: Props) => {
  const remove = useDeleteFacility();
  const client = useQueryClient();
  const [referenced, setReferenced] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const run = async (force: boolean) => {
    setFailure(null);
    try {
      const { outcome } = await remove.mutateAsync({ facility, force });
      onDone(outcome);
    } catch (error) {
      if (isApiError(error) && error.code === 'conflict' && !force) {
        setReferenced(true);
        return;
      }
      if (isApiError(error) && error.code === 'version_conflict') {
        // Take the current version, so confirming again acts on what is saved now.
        const current = Facility.safeParse(error.current);
        if (current.success) client.setQueryData(facilityKeys.detail(facility.id), current.data);
        setFailure('Someone else changed this facility in the meantime. Check it, then try again.');
        return;
      }
      setFailure(errorMessage(error));
    }
  };

  if (referenced) {
    return (
      // A new dialog (not the same one re-labelled), so it is announced and focus starts on Cancel again.
      <ConfirmDialog
        key="retire"
        title={`Retire ${facility.name}?`}
        confirmLabel="Retire instead"
        busyLabel="Retiring…"
        danger
        busy={remove.isPending}
        error={failure}
        onConfirm={() => void run(true)}
        onCancel={onClose}
      >
        <p>
          <strong>Mentorship logs reference this facility, so it cannot be deleted.</strong>
        </p>
        <p>
          Retire it instead: it disappears from facility lists and from every user's assignments, and its logs
          keep their full history.
        </p>
      </ConfirmDialog>
    );
  }

  return (
    <ConfirmDialog
      key="delete"
      title={`Delete ${facility.name}?`}
      confirmLabel="Delete facility"
      busyLabel="Deleting…"
      danger
      busy={remove.isPending}
      error={failure}
      onConfirm={() => void run(false)}
      onCancel={onClose}
    >
      <p>The facility and its assignments are removed. This cannot be undone.</p>
    </ConfirmDialog>
  );
};
