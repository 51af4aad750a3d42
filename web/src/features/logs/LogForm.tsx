import type { ErrorDetail } from '@dml/shared/api/errors';
import { MentorshipLogView, planningFieldNames } from '@dml/shared/api/logs';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type Path, type Resolver, useForm } from 'react-hook-form';
import { Link, useNavigate } from 'react-router-dom';
import { errorMessage, isApiError } from '../../api/ApiError.ts';
import { useApi } from '../../api/ApiProvider.tsx';
import { useIdempotencyKey } from '../../api/useIdempotencyKey.ts';
import { Notice } from '../../components/Notice.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { type ConflictRow, VersionConflict } from '../../components/VersionConflict.tsx';
import { EMPTY, formatDate, formatDateTime, formatTime } from '../../lib/format.ts';
import { errorText, zodFormOptions } from '../../lib/forms.ts';
import { programmeToday } from '../../lib/today.ts';
import { useArrivalState } from '../../lib/useArrivalState.ts';
import { AttachmentsPanel } from '../attachments/AttachmentsPanel.tsx';
import { useFacilityList } from '../facilities/api.ts';
import { LogFollowUps } from '../follow-ups/LogFollowUps.tsx';
import { logSaved, sendTransition, useCarryOver, useCreateLog, useUpdateLog } from './api.ts';
import { logKeys } from './keys.ts';
import {
  apiValuesOfForm,
  apiValuesOfLog,
  changedFields,
  createBody,
  type EditableField,
  editableFields,
  fieldIsValid,
  fieldLabels,
  formValuesOf,
  type LogFormValues,
  logFormSchema,
  placeDetails,
  submitProblems,
  updateBody,
} from './logForm.ts';
import { PlanningSection } from './PlanningSection.tsx';
import { ReportingSection } from './ReportingSection.tsx';
import {
  AUTOSAVE_TIMING,
  type AutosaveStatus,
  type AutosaveTiming,
  type SaveOutcome,
  useAutosave,
} from './useAutosave.ts';
import { UnsavedChangesDialog, useUnsavedChangesGuard } from './useUnsavedChangesGuard.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Set when the form moves from "new" to the draft's own address, or hands over to the log's page. */
export type LogFormLocationState = {
  /** The form as it was when the draft was created (so nothing typed meanwhile is lost). */
  draftValues?: LogFormValues;
  notice?: string;
  failure?: string;
  details?: ErrorDetail[];
} | null;

/** What the log page may be asked to do on arrival (e.g. open "Complete visit"). */
export type LogPageLocationState = { notice?: string; open?: 'complete' } | null;

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

const statusText = (status: AutosaveStatus, hasDraft: boolean) => {
  switch (status.state) {
    case 'pending':
      return 'Unsaved changes';
    case 'saving':
      return 'Saving…';
    case 'saved':
      return `Saved · ${formatTime(status.at)}`;
    case 'offline':
      return 'Offline — will retry';
    case 'failed':
      return 'Not saved — see the messages above';
    default:
      return hasDraft ? 'All changes saved' : 'Not saved yet';
  }
};

type Props = {
  /** The saved log being edited; null for a new plan. */
  log: MentorshipLogView | null;
  /** A facility to start a new plan with (from `?facility=`). */
  facilityId?: string;
  timing?: AutosaveTiming;
};

/**
 * Plan a visit or edit a log (seeds/000 `MentorshipLogForm`): the planning section while the log is a
 * draft or returned, the report once the plan is approved. A new plan is created on "Save draft";
 * from then on changes save themselves as the user types (one request at a time, with the version the
 * last one returned), survive a lost connection, and a version conflict shows what changed.
 */
export const LogForm = ({ log, facilityId = '', timing = AUTOSAVE_TIMING }: Props) => {
  const api = useApi();
  const client = useQueryClient();
  const navigate = useNavigate();
  const arrival = useArrivalState<NonNullable<LogFormLocationState>>();
  const create = useCreateLog();
  const update = useUpdateLog();
  const idempotency = useIdempotencyKey();
  const today = programmeToday();

  // The last saved copy: what "changed" is measured against and whose version the next PUT sends.
  const [base, setBaseState] = useState<MentorshipLogView | null>(log);
  const baseRef = useRef(base);
  const setBase = useCallback((next: MentorshipLogView) => {
    baseRef.current = next;
    setBaseState(next);
  }, []);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [locked, setLocked] = useState<string | null>(null);
  const [failure, setFailure] = useState<ReactNode>(arrival?.failure ?? null);
  const [notice, setNotice] = useState<string | null>(arrival?.notice ?? null);
  const [busy, setBusy] = useState<null | 'create' | 'submit' | 'save'>(null);

  const schema = useMemo(
    () => logFormSchema({ today, savedVisitDate: base?.visit_date }),
    [today, base?.visit_date],
  );
  const {
    register,
    control,
    handleSubmit,
    setError,
    clearErrors,
    getValues,
    setValue,
    reset,
    watch,
    formState: { errors, isDirty },
  } = useForm<LogFormValues>({
    resolver: zodResolver(schema, zodFormOptions) as unknown as Resolver<LogFormValues>,
    defaultValues: arrival?.draftValues ?? formValuesOf(log, facilityId),
    // Checked on submit, then again as fields change (not on blur: focusing the first error must not
    // re-check, and so clear, a server error on the field being left).
    reValidateMode: 'onChange',
  });
  const values = watch();

  const editable: EditableField[] = base ? editableFields(base) : [...planningFieldNames];
  const planningOpen = !base || base.editable_sections.includes('planning');
  const reportingOpen = Boolean(base?.editable_sections.includes('reporting'));
  const dirtyFields = base ? changedFields(values, base, editable) : [];
  const savable = dirtyFields.filter((field) => fieldIsValid(schema, field, values));
  const pending = base && savable.length ? JSON.stringify(updateBody(values, savable, base.version)) : null;
  const dirty = base ? dirtyFields.length > 0 : isDirty;

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

  // Details handed over from the "new" page (a submit refused right after the draft was created).
  const arrivalDetails = arrival?.details;
  useEffect(() => {
    if (arrivalDetails?.length) showDetails(arrivalDetails);
  }, [arrivalDetails, showDetails]);

  /** The server refused a save: a conflict, locked fields, bad fields, or no network. */
  const saveFailed = useCallback(
    (error: unknown, before: MentorshipLogView): SaveOutcome => {
      if (isApiError(error) && error.code === 'version_conflict') {
        const current = MentorshipLogView.safeParse(error.current);
        if (current.success) {
          setConflict({ current: current.data, before });
          return 'failed';
        }
      }
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
    [client, explain],
  );

  const saveChanges = useCallback(async (): Promise<SaveOutcome> => {
    const current = baseRef.current;
    if (!current) return 'saved';
    const now = getValues();
    const fields = changedFields(now, current, editableFields(current)).filter((field) =>
      fieldIsValid(schema, field, now),
    );
    if (fields.length === 0) return 'saved';
    try {
      const saved = await update.mutateAsync({
        id: current.id,
        body: updateBody(now, fields, current.version),
      });
      setBase(saved);
      setFailure(null);
      for (const field of fields) {
        if (errors[field]?.type === 'server') clearErrors(field);
      }
      return 'saved';
    } catch (error) {
      return saveFailed(error, current);
    }
  }, [getValues, schema, update, setBase, clearErrors, errors, saveFailed]);

  const autosave = useAutosave({
    pending,
    enabled: Boolean(base) && !conflict && !locked && editable.length > 0 && busy === null,
    save: saveChanges,
    timing,
  });
  const { blocker, allowNextNavigation } = useUnsavedChangesGuard(dirty);

  // New plans start from what the last visit to the facility left: open follow-ups and its outcomes.
  const pickedFacility = values.facility_id;
  const carry = useCarryOver(!base && UUID.test(pickedFacility) ? pickedFacility : undefined);
  const prefilled = useRef({ previous_followup: '', trends_summary: '' });
  useEffect(() => {
    if (!carry.data || baseRef.current) return;
    for (const field of ['previous_followup', 'trends_summary'] as const) {
      const now = getValues(field);
      const carried = carry.data[field] ?? '';
      // Only fill what the user has not written themselves.
      if (now.trim() === '' || now === prefilled.current[field]) {
        setValue(field, carried, { shouldDirty: true });
        prefilled.current[field] = carried;
      }
    }
  }, [carry.data, getValues, setValue]);

  const facilities = useFacilityList({}, 100);

  /** "Save draft" on a new plan: create it, then continue on its own address (autosave from there). */
  const createDraft = async (now: LogFormValues) => {
    const created = await create.mutateAsync({ body: createBody(now), idempotencyKey: idempotency.key });
    idempotency.renew();
    return created;
  };

  const saveDraft = handleSubmit(async (now) => {
    setFailure(null);
    setBusy('create');
    try {
      const created = await createDraft(now);
      allowNextNavigation();
      const state: LogFormLocationState = {
        draftValues: getValues(),
        notice: 'Draft saved. Changes now save as you type.',
      };
      navigate(`/logs/${created.id}/edit`, { replace: true, state });
    } catch (error) {
      setFailure(
        isApiError(error) && error.status === 0 ? (
          <>{error.message} Your plan is still here: try "Save draft" again.</>
        ) : (
          explain(error)
        ),
      );
    } finally {
      setBusy(null);
    }
  });

  /** Saves what is left (edit) and reports whether everything is on the server now. */
  const saveAll = async () => {
    const outcome = await autosave.flush();
    const current = baseRef.current;
    if (outcome !== 'saved' || !current) return false;
    return changedFields(getValues(), current, editableFields(current)).length === 0;
  };

  const save = handleSubmit(async () => {
    setFailure(null);
    setBusy('save');
    try {
      if (await saveAll()) setNotice('Changes saved.');
    } finally {
      setBusy(null);
    }
  });

  const submitPlan = handleSubmit(async (now) => {
    setFailure(null);
    const problems = submitProblems(now);
    if (problems.length) {
      showDetails(problems);
      return;
    }
    setBusy('submit');
    try {
      let current = baseRef.current;
      if (!current) {
        let created: MentorshipLogView;
        try {
          created = await createDraft(now);
        } catch (error) {
          setFailure(explain(error));
          return;
        }
        // The server pre-fills blank carry-over fields on create; a box the user emptied stays empty.
        const differs = changedFields(now, created, editableFields(created));
        if (differs.length) {
          try {
            created = await update.mutateAsync({
              id: created.id,
              body: updateBody(now, differs, created.version),
            });
          } catch (error) {
            // The draft exists: carry on from its own address (autosave sends the rest).
            allowNextNavigation();
            const state: LogFormLocationState = {
              draftValues: getValues(),
              failure: `Your draft is saved, but it was not submitted: ${errorMessage(error)}`,
            };
            navigate(`/logs/${created.id}/edit`, { replace: true, state });
            return;
          }
        }
        current = created;
      } else if (!(await saveAll())) {
        setFailure(
          'Your changes could not be saved, so the plan was not submitted. Check the messages and try again.',
        );
        return;
      }
      const saved = current;
      try {
        const submitted = await sendTransition(api, saved.id, {
          action: 'submit',
          body: { version: (baseRef.current ?? saved).version },
        });
        logSaved(client, submitted);
        allowNextNavigation();
        const state: LogPageLocationState = { notice: 'Plan submitted for approval.' };
        navigate(`/logs/${submitted.id}`, { state });
      } catch (error) {
        if (!baseRef.current) {
          // The draft exists now: carry on from its own address, with the refusal on the fields.
          allowNextNavigation();
          const state: LogFormLocationState = {
            draftValues: getValues(),
            failure: `Your draft is saved, but it was not submitted: ${errorMessage(error)}`,
            details: isApiError(error) ? error.details : [],
          };
          navigate(`/logs/${saved.id}/edit`, { replace: true, state });
          return;
        }
        setFailure(explain(error));
      }
    } finally {
      setBusy(null);
    }
  });

  const saveAndComplete = handleSubmit(async () => {
    setFailure(null);
    setBusy('save');
    try {
      const current = baseRef.current;
      if (!current || !(await saveAll())) return;
      allowNextNavigation();
      const state: LogPageLocationState = { open: 'complete' };
      navigate(`/logs/${current.id}`, { state });
    } finally {
      setBusy(null);
    }
  });

  // Conflict: "Reload theirs" takes the saved copy; "Re-apply my edits" sends the user's edits on top.
  const myEdits = (before: MentorshipLogView) => changedFields(getValues(), before, editableFields(before));
  const reloadTheirs = () => {
    if (!conflict) return;
    setBase(conflict.current);
    reset(formValuesOf(conflict.current));
    setConflict(null);
    autosave.settle(false);
    client.setQueryData(logKeys.detail(conflict.current.id), conflict.current);
  };
  const reapplyMine = async () => {
    if (!conflict) return;
    const { current, before } = conflict;
    const now = getValues();
    const mine = myEdits(before).filter((field) => editableFields(current).includes(field));
    setBusy('save');
    try {
      const saved = mine.length
        ? await update.mutateAsync({ id: current.id, body: updateBody(now, mine, current.version) })
        : current;
      // Fields the user did not touch take the other person's values (autosave must not undo them).
      const merged = formValuesOf(saved);
      for (const field of mine) Object.assign(merged, { [field]: now[field] });
      setBase(saved);
      reset(merged);
      setConflict(null);
      autosave.settle(true);
    } catch (error) {
      setConflict(null);
      saveFailed(error, current);
    } finally {
      setBusy(null);
    }
  };
  const conflictRows: ConflictRow[] = conflict
    ? (() => {
        const theirs = apiValuesOfLog(conflict.current);
        const yours = apiValuesOfForm(getValues());
        return myEdits(conflict.before)
          .filter((field) => JSON.stringify(theirs[field]) !== JSON.stringify(yours[field]))
          .map((field) => ({
            field: fieldLabels[field],
            saved: showValue(theirs[field]),
            yours: showValue(yours[field]),
          }));
      })()
    : [];

  const facilityField = base ? (
    <div className="field">
      <span className="field__label">Facility</span>
      <p className="field__static">{base.facility_name}</p>
    </div>
  ) : (
    <SelectField
      label="Facility"
      hint={
        facilities.isSuccess && facilities.items.length === 0
          ? 'No facilities are assigned to you yet: ask your programme administrator.'
          : facilities.hasNextPage
            ? 'Showing the first 100 facilities you cover.'
            : 'Facilities you cover.'
      }
      error={errorText('Facility', errors.facility_id?.message)}
      options={[
        { value: '', label: facilities.isPending ? 'Loading facilities…' : 'Choose a facility' },
        ...facilities.items.map((f) => ({ value: f.id, label: f.name })),
      ]}
      {...register('facility_id')}
    />
  );

  const lastVisit = carry.data?.last_visit;
  const carryOver =
    !base && lastVisit ? (
      <aside className="carry-over" aria-label="Last visit to this facility">
        <p>
          <strong>Last visit: {formatDate(lastVisit.visit_date)}.</strong>{' '}
          <Link to={`/logs/${lastVisit.id}`} target="_blank" rel="noopener">
            Open it
          </Link>
        </p>
        {lastVisit.visit_outcomes && <p>Outcomes: {lastVisit.visit_outcomes}</p>}
        <p className="muted">Its open follow-ups and outcomes are filled in below; edit them as you need.</p>
      </aside>
    ) : null;

  const returned = base
    ? [...base.review_trail].reverse().find((step) => step.action === 'return' && step.to === base.status)
    : undefined;
  const canSubmit = !base || base.allowed_actions.includes('submit');
  const canComplete = Boolean(base?.allowed_actions.includes('complete'));
  const title = base ? `${base.facility_name} · ${formatDate(base.visit_date)}` : 'Plan a visit';
  // Nothing is sent while a conflict waits for the user's choice.
  const working = busy !== null || conflict !== null;

  return (
    <>
      <title>{`${base ? 'Edit log' : 'Plan a visit'} · Digital Mentorship Log`}</title>
      <header className="page-header">
        <h1 className="page-header__title">
          {base ? (reportingOpen ? 'Report the visit' : 'Edit the plan') : 'Plan a visit'}
        </h1>
        {base && <p className="page-header__meta">{title}</p>}
      </header>

      {notice && (
        <Notice tone="success" onDismiss={() => setNotice(null)}>
          {notice}
        </Notice>
      )}
      {returned?.comment && (
        <div
          className="notice notice--warning return-comment"
          role="note"
          aria-label="Returned with a comment"
        >
          <p>
            <strong>
              Returned by {returned.by_name} on {formatDateTime(returned.at)}:
            </strong>
          </p>
          <blockquote>{returned.comment}</blockquote>
        </div>
      )}

      <form
        className="form log-form"
        onSubmit={base ? save : saveDraft}
        noValidate
        aria-label={base ? 'Edit log' : 'Plan a visit'}
      >
        {failure && (
          <div className="form__alert" role="alert">
            {failure}
          </div>
        )}
        {locked && (
          <div className="form__alert" role="alert">
            <p>{locked}</p>
            <p>
              This log was changed elsewhere and this part can no longer be edited.{' '}
              <Link to={`/logs/${base?.id ?? ''}`}>Open the log</Link> to see where it stands.
            </p>
          </div>
        )}
        {conflict && (
          <VersionConflict
            what="log"
            rows={conflictRows}
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
            facility={facilityField}
            carryOver={carryOver}
            minDate={base && base.visit_date < today ? base.visit_date : today}
          />
        ) : (
          <details className="form-section form-section--closed">
            <summary>The approved plan (read-only)</summary>
            <PlanningSection
              register={register}
              control={control}
              errors={errors}
              facility={facilityField}
              disabled
            />
          </details>
        )}

        {reportingOpen && <ReportingSection register={register} errors={errors} />}

        <div className="form-footer">
          <p className="autosave" role="status" aria-live="polite">
            {statusText(autosave.status, Boolean(base))}
          </p>
          <div className="form-footer__buttons">
            {base ? (
              <button type="submit" className="button" disabled={working}>
                {busy === 'save' ? 'Saving…' : 'Save'}
              </button>
            ) : (
              <button type="submit" className="button" disabled={working}>
                {busy === 'create' ? 'Saving…' : 'Save draft'}
              </button>
            )}
            {planningOpen && canSubmit && (
              <button
                type="button"
                className="button button--primary"
                disabled={working}
                onClick={() => void submitPlan()}
              >
                {busy === 'submit' ? 'Submitting…' : 'Submit for approval'}
              </button>
            )}
            {reportingOpen && canComplete && (
              <button
                type="button"
                className="button button--primary"
                disabled={working}
                onClick={() => void saveAndComplete()}
              >
                Save and complete visit…
              </button>
            )}
            {base && (
              <Link to={`/logs/${base.id}`} className="button button--link">
                Back to the log
              </Link>
            )}
          </div>
        </div>
      </form>

      {/* Outside the form: files upload on their own while the fields save as they are typed. */}
      {base ? (
        <AttachmentsPanel log={base} />
      ) : (
        <p className="muted attach-later">Save the draft to add photos and documents.</p>
      )}
      {base && reportingOpen && <LogFollowUps log={base} />}

      <UnsavedChangesDialog blocker={blocker} onSave={base && !conflict && !locked ? saveAll : undefined} />
    </>
  );
};
