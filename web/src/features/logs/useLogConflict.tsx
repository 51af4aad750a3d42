import { MentorshipLogView } from '@dml/shared/api/logs';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useCallback, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { isApiError } from '../../api/ApiError.ts';
import type { ConflictRow } from '../../components/VersionConflict.tsx';
import { EMPTY } from '../../lib/format.ts';
import { useUpdateLog } from './api.ts';
import { logKeys } from './keys.ts';
import {
  apiValuesOfForm,
  apiValuesOfLog,
  changedFields,
  editableFields,
  fieldLabels,
  formValuesOf,
  type LogFormValues,
  updateBody,
} from './logForm.ts';
import type { SavedCopy } from './useSavedCopy.ts';

type Conflict = { current: MentorshipLogView; before: MentorshipLogView };

const showValue = (value: unknown): ReactNode => {
  if (Array.isArray(value)) {
    if (value.length === 0) return EMPTY;
    return (
      <ol className="value-list">
        {value.map((item, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a snapshot, never reordered
          <li key={index}>{String(item)}</li>
        ))}
      </ol>
    );
  }
  if (value === null || value === undefined || value === '') return EMPTY;
  return String(value);
};

/**
 * A save refused because someone else saved first (409). The screen shows the fields the user changed
 * that now differ, and two ways on: "Reload theirs" takes the saved copy; "Re-apply my edits" sends
 * the user's edits on top of it, and the fields they did not touch take the other person's values.
 */
export const useLogConflict = ({ getValues, reset }: UseFormReturn<LogFormValues>, saved: SavedCopy) => {
  const client = useQueryClient();
  const update = useUpdateLog();
  const { setBase } = saved;
  const [conflict, setConflict] = useState<Conflict | null>(null);

  /** Opens the conflict screen when `error` is a 409 carrying the current log; says whether it did. */
  const openFrom = useCallback((error: unknown, before: MentorshipLogView) => {
    if (!isApiError(error) || error.code !== 'version_conflict') return false;
    const current = MentorshipLogView.safeParse(error.current);
    if (!current.success) return false;
    setConflict({ current: current.data, before });
    return true;
  }, []);

  const myEdits = (before: MentorshipLogView) => changedFields(getValues(), before, editableFields(before));

  const reloadTheirs = () => {
    if (!conflict) return false;
    setBase(conflict.current);
    reset(formValuesOf(conflict.current));
    setConflict(null);
    client.setQueryData(logKeys.detail(conflict.current.id), conflict.current);
    return true;
  };

  /** Resolves true once the edits are saved; a refusal closes the screen and goes to `onFailed`. */
  const reapplyMine = async (onFailed: (error: unknown, before: MentorshipLogView) => void) => {
    if (!conflict) return false;
    const { current, before } = conflict;
    const now = getValues();
    const mine = myEdits(before).filter((field) => editableFields(current).includes(field));
    try {
      const next = mine.length
        ? await update.mutateAsync({ id: current.id, body: updateBody(now, mine, current.version) })
        : current;
      // Fields the user did not touch take the other person's values (autosave must not undo them).
      const merged = formValuesOf(next);
      for (const field of mine) Object.assign(merged, { [field]: now[field] });
      setBase(next);
      reset(merged);
      setConflict(null);
      return true;
    } catch (error) {
      setConflict(null);
      onFailed(error, current);
      return false;
    }
  };

  const rows: ConflictRow[] = [];
  if (conflict) {
    const theirs = apiValuesOfLog(conflict.current);
    const yours = apiValuesOfForm(getValues());
    for (const field of myEdits(conflict.before)) {
      if (JSON.stringify(theirs[field]) === JSON.stringify(yours[field])) continue;
      rows.push({
        field: fieldLabels[field],
        saved: showValue(theirs[field]),
        yours: showValue(yours[field]),
      });
    }
  }

  return { conflict, openFrom, reloadTheirs, reapplyMine, rows };
};
export type LogConflict = ReturnType<typeof useLogConflict>;
