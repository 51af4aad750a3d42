import type { MentorshipLogView } from '@dml/shared/api/logs';
import { Link } from 'react-router-dom';
import { Notice } from '../../components/Notice.tsx';
import { VersionConflict } from '../../components/VersionConflict.tsx';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { AttachmentsPanel } from '../attachments/index.ts';
import { LogFollowUps } from '../follow-ups/index.ts';
import { FacilityName } from './FacilityPicker.tsx';
import { autosaveText, FormFailure, LogFormFooter } from './LogFormFooter.tsx';
import { formValuesOf } from './logForm.ts';
import { PlanningSection } from './PlanningSection.tsx';
import { ReportingSection } from './ReportingSection.tsx';
import type { AutosaveTiming } from './useAutosave.ts';
import { useEditPlan } from './useEditPlan.ts';
import { useLogAutosave } from './useLogAutosave.ts';
import { useLogConflict } from './useLogConflict.tsx';
import { useLogFormModel } from './useLogFormModel.tsx';
import { useSavedCopy } from './useSavedCopy.ts';
import { UnsavedChangesDialog, useUnsavedChangesGuard } from './useUnsavedChangesGuard.tsx';

/** The reviewer's comment when the plan came back, above the form. */
const ReturnedComment = ({ log }: { log: MentorshipLogView }) => {
  const returned = [...log.review_trail]
    .reverse()
    .find((step) => step.action === 'return' && step.to === log.status);
  if (!returned?.comment) return null;
  return (
    <div className="notice notice--warning return-comment" role="note" aria-label="Returned with a comment">
      <p>
        <strong>
          Returned by {returned.by_name} on {formatDateTime(returned.at)}:
        </strong>
      </p>
      <blockquote>{returned.comment}</blockquote>
    </div>
  );
};

type Props = { log: MentorshipLogView; timing?: AutosaveTiming | undefined };

/**
 * Edit a log: the planning section while it is a draft or returned, the report once the plan is
 * approved. Changes save themselves as the user types (one request at a time, with the version the
 * last one returned), survive a lost connection, and a version conflict shows what changed.
 */
export const EditLogForm = ({ log, timing }: Props) => {
  const saved = useSavedCopy(log);
  const { base } = saved;
  const model = useLogFormModel(base, formValuesOf(log));
  const { form, today, failure, notice, setNotice, busy, setBusy } = model;
  const {
    register,
    control,
    formState: { errors },
  } = form;
  const conflict = useLogConflict(form, saved);
  const { autosave, saveAll, saveFailed, locked, dirty } = useLogAutosave(model, saved, conflict, timing);
  const { blocker, allowNextNavigation } = useUnsavedChangesGuard(dirty);
  const { save, submitPlan, saveAndComplete } = useEditPlan(model, saved, saveAll, allowNextNavigation);

  const reloadTheirs = () => {
    if (conflict.reloadTheirs()) autosave.settle(false);
  };
  const reapplyMine = async () => {
    setBusy('save');
    try {
      if (await conflict.reapplyMine(saveFailed)) autosave.settle(true);
    } finally {
      setBusy(null);
    }
  };

  const planningOpen = base.editable_sections.includes('planning');
  const reportingOpen = base.editable_sections.includes('reporting');
  // Nothing is sent while a conflict waits for the user's choice.
  const working = busy !== null || conflict.conflict !== null;
  const facility = <FacilityName name={base.facility_name} />;
  // A saved date in the past stays selectable (the visit happened); ISO dates sort as text.
  const earliestDate = [base.visit_date, today].sort()[0];

  return (
    <>
      <title>Edit log · Digital Mentorship Log</title>
      <header className="page-header">
        <h1 className="page-header__title">{reportingOpen ? 'Report the visit' : 'Edit the plan'}</h1>
        <p className="page-header__meta">{`${base.facility_name} · ${formatDate(base.visit_date)}`}</p>
      </header>

      {notice && (
        <Notice tone="success" onDismiss={() => setNotice(null)}>
          {notice}
        </Notice>
      )}
      <ReturnedComment log={base} />

      <form className="form log-form" onSubmit={save} noValidate aria-label="Edit log">
        <FormFailure>{failure}</FormFailure>
        {locked && (
          <div className="form__alert" role="alert">
            <p>{locked}</p>
            <p>
              This log was changed elsewhere and this part can no longer be edited.{' '}
              <Link to={`/logs/${base.id}`}>Open the log</Link> to see where it stands.
            </p>
          </div>
        )}
        {conflict.conflict && (
          <VersionConflict
            what="log"
            rows={conflict.rows}
            onReload={reloadTheirs}
            onReapply={() => void reapplyMine()}
            busy={busy !== null}
            reloadLabel="Reload theirs"
            reapplyLabel="Re-apply my edits"
          />
        )}

        {planningOpen ? (
          <PlanningSection
            register={register}
            control={control}
            errors={errors}
            facility={facility}
            minDate={earliestDate}
          />
        ) : (
          <details className="form-section form-section--closed">
            <summary>The approved plan (read-only)</summary>
            <PlanningSection
              register={register}
              control={control}
              errors={errors}
              facility={facility}
              disabled
            />
          </details>
        )}

        {reportingOpen && <ReportingSection register={register} errors={errors} />}

        <LogFormFooter status={autosaveText(autosave.status, true)}>
          <button type="submit" className="button" disabled={working}>
            {busy === 'save' ? 'Saving…' : 'Save'}
          </button>
          {planningOpen && base.allowed_actions.includes('submit') && (
            <button
              type="button"
              className="button button--primary"
              disabled={working}
              onClick={() => void submitPlan()}
            >
              {busy === 'submit' ? 'Submitting…' : 'Submit for approval'}
            </button>
          )}
          {reportingOpen && base.allowed_actions.includes('complete') && (
            <button
              type="button"
              className="button button--primary"
              disabled={working}
              onClick={() => void saveAndComplete()}
            >
              Save and complete visit…
            </button>
          )}
          <Link to={`/logs/${base.id}`} className="button button--link">
            Back to the log
          </Link>
        </LogFormFooter>
      </form>

      {/* Outside the form: files upload on their own while the fields save as they are typed. */}
      <AttachmentsPanel log={base} />
      {reportingOpen && <LogFollowUps log={base} />}

      <UnsavedChangesDialog blocker={blocker} onSave={!conflict.conflict && !locked ? saveAll : undefined} />
    </>
  );
};
