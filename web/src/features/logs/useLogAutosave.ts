import type { MentorshipLogView } from '@dml/shared/api/logs';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { isApiError } from '../../api/ApiError.ts';
import { useUpdateLog } from './api.ts';
import { logKeys } from './keys.ts';
import { changedFields, editableFields, fieldIsValid, updateBody } from './logForm.ts';
import { type AutosaveTiming, type SaveOutcome, useAutosave } from './useAutosave.ts';
import type { LogConflict } from './useLogConflict.tsx';
import type { LogFormModel } from './useLogFormModel.tsx';
import type { SavedCopy } from './useSavedCopy.ts';

/**
 * An existing log's changes save themselves: the fields that changed and pass their rules go in one
 * PUT with the last saved version, once typing pauses (invalid fields wait until they are fixed). A
 * refusal becomes the conflict screen, "locked" (the log moved on elsewhere), field messages, or
 * "offline" (retried later). `saveAll()` saves now and says whether everything is on the server.
 */
export const useLogAutosave = (
  model: LogFormModel,
  saved: SavedCopy,
  conflict: LogConflict,
  timing: AutosaveTiming | undefined,
) => {
  const { form, schema, setFailure, explain, busy } = model;
  const {
    getValues,
    clearErrors,
    watch,
    formState: { errors },
  } = form;
  const { base, baseRef, setBase } = saved;
  const { openFrom } = conflict;
  const client = useQueryClient();
  const update = useUpdateLog();
  const [locked, setLocked] = useState<string | null>(null);

  const values = watch();
  const editable = editableFields(base);
  const dirtyFields = changedFields(values, base, editable);
  const savable = dirtyFields.filter((field) => fieldIsValid(schema, field, values));
  const pending = savable.length ? JSON.stringify(updateBody(values, savable, base.version)) : null;

  /** The server refused a save: a conflict, locked fields, bad fields, or no network. */
  const saveFailed = useCallback(
    (error: unknown, before: MentorshipLogView): SaveOutcome => {
      if (openFrom(error, before)) return 'failed';
      if (isApiError(error) && error.isRetryable) return 'offline';
      if (isApiError(error) && error.code === 'conflict') {
        // The log moved on elsewhere (e.g. submitted from another phone): this section is locked now.
        setLocked(error.message);
        void client.invalidateQueries({ queryKey: logKeys.detail(before.id) });
        return 'failed';
      }
      setFailure(explain(error));
      return 'failed';
    },
    [client, explain, openFrom, setFailure],
  );

  const saveChanges = useCallback(async (): Promise<SaveOutcome> => {
    const current = baseRef.current;
    const now = getValues();
    const fields = changedFields(now, current, editableFields(current)).filter((field) =>
      fieldIsValid(schema, field, now),
    );
    if (fields.length === 0) return 'saved';
    try {
      const next = await update.mutateAsync({
        id: current.id,
        body: updateBody(now, fields, current.version),
      });
      setBase(next);
      setFailure(null);
      for (const field of fields) {
        if (errors[field]?.type === 'server') clearErrors(field);
      }
      return 'saved';
    } catch (error) {
      return saveFailed(error, current);
    }
  }, [baseRef, getValues, schema, update, setBase, setFailure, clearErrors, errors, saveFailed]);

  const autosave = useAutosave({
    pending,
    enabled: !conflict.conflict && !locked && editable.length > 0 && busy === null,
    save: saveChanges,
    timing,
  });

  const saveAll = useCallback(async () => {
    const outcome = await autosave.flush();
    const current = baseRef.current;
    if (outcome !== 'saved') return false;
    return changedFields(getValues(), current, editableFields(current)).length === 0;
  }, [autosave.flush, baseRef, getValues]);

  return { autosave, saveAll, saveFailed, locked, dirty: dirtyFields.length > 0 };
};
