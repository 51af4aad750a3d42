import { useNavigate } from 'react-router-dom';
import type { LogPageLocationState } from './locationState.ts';
import type { LogFormModel } from './useLogFormModel.tsx';
import type { SavedCopy } from './useSavedCopy.ts';
import { useSubmitPlan } from './useSubmitPlan.ts';

/**
 * An existing log's buttons. Each saves what autosave has not sent yet first, and goes on only when
 * everything is on the server: "Save" says so, "Submit for approval" submits the plan, "Save and
 * complete visit…" opens the log's page with its complete dialog.
 */
export const useEditPlan = (
  model: LogFormModel,
  saved: SavedCopy,
  saveAll: () => Promise<boolean>,
  leave: () => void,
) => {
  const { form, setFailure, setNotice, working, submittable, explain } = model;
  const { handleSubmit } = form;
  const navigate = useNavigate();
  const submit = useSubmitPlan(leave);

  const save = handleSubmit(() =>
    working('save', async () => {
      if (await saveAll()) setNotice('Changes saved.');
    }),
  );

  const submitPlan = handleSubmit(async (values) => {
    if (!submittable(values)) return;
    await working('submit', async () => {
      if (!(await saveAll())) {
        setFailure(
          'Your changes could not be saved, so the plan was not submitted. Check the messages and try again.',
        );
        return;
      }
      const current = saved.baseRef.current;
      try {
        await submit(current.id, current.version);
      } catch (error) {
        setFailure(explain(error));
      }
    });
  });

  const saveAndComplete = handleSubmit(() =>
    working('save', async () => {
      if (!(await saveAll())) return;
      leave();
      const state: LogPageLocationState = { open: 'complete' };
      navigate(`/logs/${saved.baseRef.current.id}`, { state });
    }),
  );

  return { save, submitPlan, saveAndComplete };
};
