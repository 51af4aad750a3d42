import { useId } from 'react';

/**
 * The ids that tie a form control to its hint and error, and the ARIA the control carries: a screen
 * reader then reads the label, the hint and the error when the control gets focus. Ids exist only for
 * texts that are shown, so `aria-describedby` never points at nothing.
 */
export const useFieldIds = ({ hint, error }: { hint?: string | undefined; error?: string | undefined }) => {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return {
    id,
    hintId,
    errorId,
    /** Spread onto the input, select or textarea (before the caller's own props, which may override). */
    control: {
      id,
      'aria-invalid': error ? true : undefined,
      'aria-describedby': [hintId, errorId].filter(Boolean).join(' ') || undefined,
    },
  };
};

export type FieldControlProps = ReturnType<typeof useFieldIds>['control'];
