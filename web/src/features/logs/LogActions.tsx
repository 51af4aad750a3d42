import {
  type LogAction,
  MentorshipLogView,
  ReopenBody,
  ReturnBody,
  TransitionBody,
} from '@dml/shared/api/logs';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { isApiError } from '../../api/ApiError.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { useDeleteLog, useLogTransition } from './api.ts';
import { CompleteDialog } from './CompleteDialog.tsx';
import { describeError } from './describeError.tsx';
import type { currentPosition } from './geolocation.ts';
import { logKeys } from './keys.ts';
import { actionLabels, statusLabels } from './labels.ts';
import { TransitionDialog } from './TransitionDialog.tsx';

type Open = LogAction | 'delete' | null;

/** Done messages, shown on the page after the action. */
const doneText: Record<LogAction | 'restore', string> = {
  submit: 'Plan submitted for approval.',
  withdraw: 'Plan withdrawn; it is a draft again.',
  approve: 'Plan approved.',
  return: 'Returned to the mentor with your comment.',
  complete: 'Visit completed; the report goes to your supervisor.',
  verify: 'Report verified.',
  reopen: 'Report reopened.',
  restore: 'Log restored.',
};

type Props = {
  log: MentorshipLogView;
  onDone: (message: string) => void;
  /** Open "Complete visit" at once (arriving from the report form). */
  startWith?: 'complete';
  locate?: () => ReturnType<typeof currentPosition>;
};

/**
 * The buttons for what the viewer may do with the log now (`allowed_actions`, `can_delete`,
 * `can_restore`, `editable_sections`), each with the dialog it needs. Refusals (403, 409, 422) show
 * inline; a version conflict or a wrong status reloads the log so the buttons match it again.
 */
export const LogActions = ({ log, onDone, startWith, locate }: Props) => {
  const client = useQueryClient();
  const navigate = useNavigate();
  const transition = useLogTransition(log.id);
  const remove = useDeleteLog();
  const [open, setOpen] = useState<Open>(
    startWith === 'complete' && log.allowed_actions.includes('complete') ? 'complete' : null,
  );
  const [failure, setFailure] = useState<ReactNode>(null);

  /** A refusal: say why, and bring the page up to date when the log itself moved on. */
  const refused = (error: unknown): ReactNode => {
    if (isApiError(error) && error.code === 'version_conflict') {
      const current = MentorshipLogView.safeParse(error.current);
      if (current.success) client.setQueryData(logKeys.detail(log.id), current.data);
      else void client.invalidateQueries({ queryKey: logKeys.detail(log.id) });
      const now = current.success ? ` It is now ${statusLabels[current.data.status].toLowerCase()}.` : '';
      return `Someone changed this log since you opened it.${now} Check it and try again.`;
    }
    if (isApiError(error) && (error.code === 'invalid_transition' || error.status === 403)) {
      void client.invalidateQueries({ queryKey: logKeys.detail(log.id) });
    }
    return describeError(error);
  };

  const [dialogError, setDialogError] = useState<ReactNode>(null);
  const succeeded = (action: LogAction | 'restore') => {
    setOpen(null);
    setFailure(null);
    setDialogError(null);
    onDone(doneText[action]);
  };

  /** Actions confirmed in a dialog: a refusal shows in the dialog. */
  const run = (request: Parameters<typeof transition.mutateAsync>[0]) => {
    setDialogError(null);
    transition.mutate(request, {
      onSuccess: () => succeeded(request.action),
      onError: (error) => setDialogError(refused(error)),
    });
  };

  /** Direct actions (no dialog): a refusal shows above the buttons. */
  const runNow = (request: Parameters<typeof transition.mutateAsync>[0]) => {
    setFailure(null);
    transition.mutate(request, {
      onSuccess: () => succeeded(request.action),
      onError: (error) => setFailure(refused(error)),
    });
  };

  const closeDialog = () => {
    transition.reset();
    remove.reset();
    setDialogError(null);
    setOpen(null);
  };

  const busy = transition.isPending || remove.isPending;
  const version = log.version;
  const actions = log.allowed_actions;
  const buttons: ReactNode[] = [];
  const button = (
    key: string,
    label: string,
    onClick: () => void,
    tone: 'primary' | 'plain' | 'danger' = 'plain',
  ) =>
    buttons.push(
      <button
        key={key}
        type="button"
        className={
          tone === 'primary'
            ? 'button button--primary'
            : tone === 'danger'
              ? 'button button--danger'
              : 'button'
        }
        disabled={busy}
        onClick={onClick}
      >
        {label}
      </button>,
    );

  if (actions.includes('submit'))
    button('submit', actionLabels.submit, () => runNow({ action: 'submit', body: { version } }), 'primary');
  if (actions.includes('approve'))
    button('approve', actionLabels.approve, () => setOpen('approve'), 'primary');
  if (actions.includes('complete'))
    button('complete', actionLabels.complete, () => setOpen('complete'), 'primary');
  if (actions.includes('verify')) button('verify', actionLabels.verify, () => setOpen('verify'), 'primary');
  if (actions.includes('return')) button('return', actionLabels.return, () => setOpen('return'));
  if (actions.includes('withdraw')) button('withdraw', actionLabels.withdraw, () => setOpen('withdraw'));
  if (actions.includes('reopen')) button('reopen', actionLabels.reopen, () => setOpen('reopen'));
  if (log.can_restore)
    button('restore', 'Restore', () => runNow({ action: 'restore', body: { version } }), 'primary');
  if (log.can_delete) button('delete', 'Delete', () => setOpen('delete'), 'danger');

  const editLabel = log.editable_sections.includes('reporting') ? 'Write the report' : 'Edit the plan';
  const hasAny = buttons.length > 0 || log.editable_sections.length > 0;

  return (
    <>
      {hasAny && (
        // biome-ignore lint/a11y/useSemanticElements: a row of action buttons, not form fields (no fieldset)
        <div className="toolbar log-actions" role="group" aria-label="Actions">
          {log.editable_sections.length > 0 && (
            <Link to={`/logs/${log.id}/edit`} className="button">
              {editLabel}
            </Link>
          )}
          {buttons}
        </div>
      )}
      {failure && (
        <div className="form__alert" role="alert">
          {failure}
        </div>
      )}

      {open === 'approve' && (
        <TransitionDialog
          title="Approve the plan"
          description={`${log.mentor_name} can then make the visit and report it.`}
          confirmLabel="Approve"
          busyLabel="Approving…"
          text={{ label: 'Comment', schema: TransitionBody.shape.comment, required: false }}
          busy={busy}
          error={dialogError}
          onConfirm={(comment) => run({ action: 'approve', body: { version, comment } })}
          onCancel={closeDialog}
        />
      )}
      {open === 'verify' && (
        <TransitionDialog
          title="Verify the report"
          description="Confirms the visit report is complete and accurate."
          confirmLabel="Verify"
          busyLabel="Verifying…"
          text={{ label: 'Comment', schema: TransitionBody.shape.comment, required: false }}
          busy={busy}
          error={dialogError}
          onConfirm={(comment) => run({ action: 'verify', body: { version, comment } })}
          onCancel={closeDialog}
        />
      )}
      {open === 'return' && (
        <TransitionDialog
          title={log.status === 'completed' ? 'Return the report' : 'Return the plan'}
          description={`${log.mentor_name} sees your comment and can change it and send it again.`}
          confirmLabel="Return"
          busyLabel="Returning…"
          text={{
            label: 'Comment',
            hint: 'Say what needs to change.',
            schema: ReturnBody.shape.comment,
            required: true,
          }}
          busy={busy}
          error={dialogError}
          onConfirm={(comment) => run({ action: 'return', body: { version, comment: comment ?? '' } })}
          onCancel={closeDialog}
        />
      )}
      {open === 'reopen' && (
        <TransitionDialog
          title="Reopen the report"
          description="The log goes back to approved so the report can be corrected; the mentor is told."
          confirmLabel="Reopen"
          busyLabel="Reopening…"
          text={{ label: 'Reason', schema: ReopenBody.shape.reason, required: true }}
          busy={busy}
          error={dialogError}
          onConfirm={(reason) => run({ action: 'reopen', body: { version, reason: reason ?? '' } })}
          onCancel={closeDialog}
        />
      )}
      {open === 'withdraw' && (
        <TransitionDialog
          title="Withdraw the plan"
          description="It goes back to draft; your supervisor no longer sees it in the review queue."
          confirmLabel="Withdraw"
          busyLabel="Withdrawing…"
          busy={busy}
          error={dialogError}
          onConfirm={() => run({ action: 'withdraw', body: { version } })}
          onCancel={closeDialog}
        />
      )}
      {open === 'complete' && (
        <CompleteDialog
          log={log}
          busy={busy}
          locate={locate}
          onComplete={(body) =>
            transition.mutateAsync({ action: 'complete', body }).then(
              () => succeeded('complete'),
              (error: unknown) => {
                // A conflict or a wrong status brings the page up to date; the dialog explains.
                if (isApiError(error) && error.status !== 422) refused(error);
                throw error;
              },
            )
          }
          onCancel={closeDialog}
        />
      )}
      {open === 'delete' && (
        <ConfirmDialog
          title="Delete this log?"
          confirmLabel="Delete"
          busyLabel="Deleting…"
          danger
          busy={busy}
          error={dialogError ?? undefined}
          onConfirm={() =>
            remove.mutate(
              { id: log.id, version },
              {
                onError: (error) => setDialogError(refused(error)),
                onSuccess: () => {
                  setOpen(null);
                  navigate('/logs', { state: { notice: `The log of ${log.facility_name} was deleted.` } });
                },
              },
            )
          }
          onCancel={closeDialog}
        >
          <p>
            The {statusLabels[log.status].toLowerCase()} log of {log.facility_name} is removed from the lists.
            An administrator can restore it.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
};
