import type { MentorshipLogView } from '@dml/shared/api/logs';
import { useCallback } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorMessage, isApiError } from '../../api/ApiError.ts';
import { useIdempotencyKey } from '../../api/useIdempotencyKey.ts';
import { useCreateLog, useUpdateLog } from './api.ts';
import type { LogFormLocationState } from './locationState.ts';
import { changedFields, createBody, editableFields, type LogFormValues, updateBody } from './logForm.ts';
import type { LogFormModel } from './useLogFormModel.tsx';
import { useSubmitPlan } from './useSubmitPlan.ts';

/**
 * A new plan's two ways out. "Save draft" creates the draft and continues on its own address, where
 * changes save as they are typed. "Submit for approval" creates it, sends what the server's pre-fill
 * made different, and submits; whatever fails after the draft exists continues on its address too,
 * with the form as the user left it.
 */
export const useNewPlan = (model: LogFormModel, leave: () => void) => {
  const { form, setFailure, working, submittable, explain } = model;
  const { handleSubmit, getValues } = form;
  const navigate = useNavigate();
  const create = useCreateLog();
  const update = useUpdateLog();
  const idempotency = useIdempotencyKey();
  const submit = useSubmitPlan(leave);

  const createDraft = async (values: LogFormValues) => {
    const created = await create.mutateAsync({ body: createBody(values), idempotencyKey: idempotency.key });
    idempotency.renew();
    return created;
  };

  const continueOnDraft = useCallback(
    (id: string, state: Omit<NonNullable<LogFormLocationState>, 'draftValues'>) => {
      leave();
      navigate(`/logs/${id}/edit`, { replace: true, state: { ...state, draftValues: getValues() } });
    },
    [leave, navigate, getValues],
  );

  const saveDraft = handleSubmit((values) =>
    working('create', async () => {
      try {
        const created = await createDraft(values);
        continueOnDraft(created.id, { notice: 'Draft saved. Changes now save as you type.' });
      } catch (error) {
        setFailure(
          isApiError(error) && error.status === 0 ? (
            <>{error.message} Your plan is still here: try "Save draft" again.</>
          ) : (
            explain(error)
          ),
        );
      }
    }),
  );

  const submitPlan = handleSubmit(async (values) => {
    if (!submittable(values)) return;
    await working('submit', async () => {
      let created: MentorshipLogView;
      try {
        created = await createDraft(values);
      } catch (error) {
        setFailure(explain(error));
        return;
      }
      const notSubmitted = (error: unknown) =>
        `Your draft is saved, but it was not submitted: ${errorMessage(error)}`;
      // The server pre-fills blank carry-over fields on create; a box the user emptied stays empty.
      const differs = changedFields(values, created, editableFields(created));
      if (differs.length) {
        try {
          created = await update.mutateAsync({
            id: created.id,
            body: updateBody(values, differs, created.version),
          });
        } catch (error) {
          continueOnDraft(created.id, { failure: notSubmitted(error) });
          return;
        }
      }
      try {
        await submit(created.id, created.version);
      } catch (error) {
        // The refusal goes onto the fields of the draft's own form.
        continueOnDraft(created.id, {
          failure: notSubmitted(error),
          details: isApiError(error) ? error.details : [],
        });
      }
    });
  });

  return { saveDraft, submitPlan };
};
