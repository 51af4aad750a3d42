import type { ErrorDetail } from '@dml/shared/api/errors';
import type { MentorshipLogView } from '@dml/shared/api/logs';
import { zodResolver } from '@hookform/resolvers/zod';
import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { type Path, type Resolver, useForm } from 'react-hook-form';
import { errorMessage, isApiError } from '../../api/ApiError.ts';
import { errorText, zodFormOptions } from '../../lib/forms.ts';
import { programmeToday } from '../../lib/today.ts';
import { useArrivalState } from '../../lib/useArrivalState.ts';
import type { LogFormLocationState } from './locationState.ts';
import {
  type EditableField,
  fieldLabels,
  type LogFormValues,
  logFormSchema,
  placeDetails,
  submitProblems,
} from './logForm.ts';

/** Which request the form is waiting for (the buttons say so, and nothing else is sent meanwhile). */
export type Busy = null | 'create' | 'submit' | 'save';

/**
 * What the new and the edit form share: the form itself (checked with the shared field schemas), the
 * message above it, and API details placed on their fields. `saved`: the last saved copy, whose visit
 * date may stay in the past.
 */
export const useLogFormModel = (saved: MentorshipLogView | null, initial: LogFormValues) => {
  const arrival = useArrivalState<NonNullable<LogFormLocationState>>();
  const today = programmeToday();
  const schema = useMemo(
    () => logFormSchema({ today, savedVisitDate: saved?.visit_date }),
    [today, saved?.visit_date],
  );
  const form = useForm<LogFormValues>({
    resolver: zodResolver(schema, zodFormOptions) as unknown as Resolver<LogFormValues>,
    defaultValues: arrival?.draftValues ?? initial,
    // Checked on submit, then again as fields change (not on blur: focusing the first error must not
    // re-check, and so clear, a server error on the field being left).
    reValidateMode: 'onChange',
  });
  const { getValues, setError } = form;
  const [failure, setFailure] = useState<ReactNode>(arrival?.failure ?? null);
  const [notice, setNotice] = useState<string | null>(arrival?.notice ?? null);
  const [busy, setBusy] = useState<Busy>(null);

  /** Puts API details on their fields; returns what belongs to no field. */
  const showDetails = useCallback(
    (details: readonly ErrorDetail[]) => {
      const { placed, unplaced } = placeDetails(getValues(), details);
      placed.forEach(({ path, message }, index) => {
        setError(path as Path<LogFormValues>, { type: 'server', message }, { shouldFocus: index === 0 });
      });
      return unplaced;
    },
    [getValues, setError],
  );

  /** The failure of a request as a message (field details go onto their fields). */
  const explain = useCallback(
    (error: unknown): ReactNode => {
      if (!isApiError(error)) return errorMessage(error);
      const unplaced = showDetails(error.details);
      if (error.details.length > 0 && unplaced.length === 0)
        return `${error.message} See the highlighted fields.`;
      return (
        <>
          {error.message}
          {unplaced.length > 0 && (
            <ul>
              {unplaced.map((d) => (
                <li key={`${d.path}:${d.message}`}>
                  {errorText(fieldLabels[d.path as EditableField] ?? d.path, d.message)}
                </li>
              ))}
            </ul>
          )}
        </>
      );
    },
    [showDetails],
  );

  /** A button's requests: the last failure cleared, the form busy until `work` settles. */
  const working = useCallback(async (kind: NonNullable<Busy>, work: () => Promise<void>) => {
    setFailure(null);
    setBusy(kind);
    try {
      await work();
    } finally {
      setBusy(null);
    }
  }, []);

  /** Submit's own requirements, checked before anything is sent: false, and the fields say why, when unmet. */
  const submittable = useCallback(
    (values: LogFormValues) => {
      setFailure(null);
      const problems = submitProblems(values);
      if (problems.length) showDetails(problems);
      return problems.length === 0;
    },
    [showDetails],
  );

  // Details handed over from the "new" page (a submit refused right after the draft was created).
  const arrivalDetails = arrival?.details;
  useEffect(() => {
    if (arrivalDetails?.length) showDetails(arrivalDetails);
  }, [arrivalDetails, showDetails]);

  return {
    form,
    schema,
    today,
    failure,
    setFailure,
    notice,
    setNotice,
    busy,
    setBusy,
    working,
    submittable,
    showDetails,
    explain,
  };
};
export type LogFormModel = ReturnType<typeof useLogFormModel>;
