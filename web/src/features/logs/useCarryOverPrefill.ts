import { isId } from '@dml/shared/api/common';
import { useEffect, useRef } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { useCarryOver } from './api.ts';
import type { LogFormValues } from './logForm.ts';

const carriedFields = ['previous_followup', 'trends_summary'] as const;

/**
 * A new plan starts from what the last visit to the chosen facility left (its open follow-ups and
 * outcomes): those boxes are filled in, unless the user has written something of their own there.
 * Returns that last visit, for the note above them.
 */
export const useCarryOverPrefill = ({ watch, getValues, setValue }: UseFormReturn<LogFormValues>) => {
  const facilityId = watch('facility_id');
  const carry = useCarryOver(isId(facilityId) ? facilityId : undefined);
  const prefilled = useRef({ previous_followup: '', trends_summary: '' });
  useEffect(() => {
    if (!carry.data) return;
    for (const field of carriedFields) {
      const now = getValues(field);
      const carried = carry.data[field] ?? '';
      if (now.trim() === '' || now === prefilled.current[field]) {
        setValue(field, carried, { shouldDirty: true });
        prefilled.current[field] = carried;
      }
    }
  }, [carry.data, getValues, setValue]);
  return carry.data?.last_visit ?? null;
};
