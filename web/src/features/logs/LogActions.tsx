import { MentorshipLogView } from '@dml/shared/api/logs';
import { type LogAction, logActions } from '@dml/shared/domain/lifecycle';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { isApiError } from '../../api/ApiError.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { actionTexts } from './actionTexts.ts';
import { type TransitionRequest, useDeleteLog, useLogTransition } from './api.ts';
import { describeError } from './describeError.tsx';
import type { currentPosition } from './geolocation.ts';
import { logKeys } from './keys.ts';
import { statusLabels } from './labels.ts';
import { TransitionDialog } from './TransitionDialog.tsx';

type Open = LogAction | 'delete' | null;

const doneText = (action: TransitionRequest['action']) =>
  action === 'restore' ? 'Log restored.' : actionTexts[action].done;

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
  const refused = (error: unknown, skip: readonly string[] = []): ReactNode => {
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
    return describeError(error, { skip });
  };

  const [dialogError, setDialogError] = useState<ReactNode>(null);
  const succeeded = (action: TransitionRequest['action']) => {
    setOpen(null);
    setFailure(null);
    setDialogError(null);
    onDone(doneText(action));
  };

  /** Actions confirmed in a dialog: the dialog shows a refusal (the page is brought up to date). */
  const confirm = (request: TransitionRequest) =>
    transition.mutateAsync(request).then(() => succeeded(request.action));

  /** Direct actions (no dialog): a refusal shows above the buttons. */
  const runNow = (request: TransitionRequest) => {
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

  // Primary actions first, each group in lifecycle order.
  const offered = logActions
    .filter((action) => actions.includes(action))
    .sort((a, b) => Number(actionTexts[b].tone === 'primary') - Number(actionTexts[a].tone === 'primary'));
  for (const action of offered) {
    const row = actionTexts[action];
    // Rows without a dialog are typed to take a body of just the version.
    const now = () => runNow({ action, body: { version } } as TransitionRequest);
    button(action, row.button, row.dialog ? () => setOpen(action) : now, row.tone);
  }
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

      {open && open !== 'delete' && actionTexts[open].dialog && (
        <TransitionDialog
          action={open}
          text={actionTexts[open].dialog}
          log={log}
          locate={locate}
          onConfirm={confirm}
          describe={refused}
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
