import { type ReactNode, useState } from 'react';
import { isApiError } from '../api/ApiError.ts';
import { changedKeys } from '../lib/forms.ts';
import type { ConflictRow } from './VersionConflict.tsx';

/** A schema that reads the record a 409 carries (a zod schema from `@dml/shared`). */
type RecordSchema<Saved> = {
  safeParse: (value: unknown) => { success: true; data: Saved } | { success: false };
};

type Options<Saved, Mine, Field extends keyof Saved & keyof Mine> = {
  schema: RecordSchema<Saved>;
  /** The fields the form edits, compared between what is saved now and what the user entered. */
  fields: readonly Field[];
  labels: Record<Field, string>;
  /** A field's value as the table shows it ("Active", a type's label, "—"). */
  show: (field: Field, value: unknown) => ReactNode;
  /** "Reload": start again from the saved record (reset the form, move the version on). */
  onReload: (saved: Saved) => void;
  /** "Re-apply my changes": save the user's values again, over the saved version. */
  onReapply: (mine: Mine, version: number) => Promise<void>;
};

/**
 * A form that saves with the version it read (optimistic locking): when someone saved in between, the
 * API answers 409 `version_conflict` with the record as it is now. This keeps both sides to show in
 * `<VersionConflict>` and carries out its two ways on, so each edit dialog handles it the same way.
 */
export const useVersionConflict = <
  Saved extends { version: number },
  Mine extends object,
  Field extends keyof Saved & keyof Mine,
>({
  schema,
  fields,
  labels,
  show,
  onReload,
  onReapply,
}: Options<Saved, Mine, Field>) => {
  const [conflict, setConflict] = useState<{ saved: Saved; mine: Mine } | null>(null);

  /** On a failed save: true when it was a version conflict (now shown); other errors are the caller's. */
  const catchConflict = (error: unknown, mine: Mine) => {
    if (!isApiError(error) || error.code !== 'version_conflict') return false;
    const saved = schema.safeParse(error.current);
    if (!saved.success) return false;
    setConflict({ saved: saved.data, mine });
    return true;
  };

  const rows = (saved: Saved, mine: Mine): ConflictRow[] =>
    changedKeys(mine, saved, fields).map((field) => ({
      field: labels[field],
      saved: show(field, saved[field]),
      yours: show(field, mine[field]),
    }));

  return {
    catchConflict,
    /** `<VersionConflict>`'s rows and actions while there is a conflict to show, else null. */
    view: conflict && {
      rows: rows(conflict.saved, conflict.mine),
      onReload: () => {
        onReload(conflict.saved);
        setConflict(null);
      },
      onReapply: () => {
        setConflict(null);
        void onReapply(conflict.mine, conflict.saved.version);
      },
    },
  };
};
