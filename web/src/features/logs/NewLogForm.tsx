import { Notice } from '../../components/Notice.tsx';
import { CarryOverNote } from './CarryOverNote.tsx';
import { FacilityPicker } from './FacilityPicker.tsx';
import { FormFailure, LogFormFooter } from './LogFormFooter.tsx';
import { formValuesOf } from './logForm.ts';
import { PlanningSection } from './PlanningSection.tsx';
import { useCarryOverPrefill } from './useCarryOverPrefill.ts';
import { useLogFormModel } from './useLogFormModel.tsx';
import { useNewPlan } from './useNewPlan.tsx';
import { UnsavedChangesDialog, useUnsavedChangesGuard } from './useUnsavedChangesGuard.tsx';

/**
 * Plan a visit: the facility, the date and the plan, pre-filled from the last visit to the facility.
 * Nothing is sent until "Save draft" (or "Submit for approval") creates the draft.
 */
export const NewLogForm = ({ facilityId = '' }: { facilityId?: string }) => {
  const model = useLogFormModel(null, formValuesOf(null, facilityId));
  const { form, today, failure, notice, setNotice, busy } = model;
  const {
    register,
    control,
    formState: { errors, isDirty },
  } = form;
  const { blocker, allowNextNavigation } = useUnsavedChangesGuard(isDirty);
  const lastVisit = useCarryOverPrefill(form);
  const { saveDraft, submitPlan } = useNewPlan(model, allowNextNavigation);

  return (
    <>
      <title>Plan a visit · Digital Mentorship Log</title>
      <header className="page-header">
        <h1 className="page-header__title">Plan a visit</h1>
      </header>

      {notice && (
        <Notice tone="success" onDismiss={() => setNotice(null)}>
          {notice}
        </Notice>
      )}

      <form className="form log-form" onSubmit={saveDraft} noValidate aria-label="Plan a visit">
        <FormFailure>{failure}</FormFailure>
        <PlanningSection
          register={register}
          control={control}
          errors={errors}
          facility={<FacilityPicker field={register('facility_id')} error={errors.facility_id?.message} />}
          carryOver={lastVisit ? <CarryOverNote lastVisit={lastVisit} /> : null}
          minDate={today}
        />
        <LogFormFooter status="Not saved yet">
          <button type="submit" className="button" disabled={busy !== null}>
            {busy === 'create' ? 'Saving…' : 'Save draft'}
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={busy !== null}
            onClick={() => void submitPlan()}
          >
            {busy === 'submit' ? 'Submitting…' : 'Submit for approval'}
          </button>
        </LogFormFooter>
      </form>

      <p className="muted attach-later">Save the draft to add photos and documents.</p>
      <UnsavedChangesDialog blocker={blocker} />
    </>
  );
};
