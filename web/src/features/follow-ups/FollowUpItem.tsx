import {
  FollowUp,
  type FollowUpStatus,
  FollowUpStatusBody,
  followUpMoves,
  needsNote,
} from '@dml/shared/api/follow-ups';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage, isApiError } from '../../api/ApiError.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { Dialog, DialogActions } from '../../components/Dialog.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { errorText, formErrorMap } from '../../lib/forms.ts';
import { useChangeFollowUpStatus, useDeleteFollowUp, useFollowUpChanged } from './api.ts';
import { DueBadge } from './DueBadge.tsx';
import { followUpStatusLabels, moveLabels } from './labels.ts';

type Props = {
  followUp: FollowUp;
  /** May change its status (assignee, log owner, reviewers, admins). */
  canChangeStatus: boolean;
  /** May delete it (log owner, admins). */
  canDelete?: boolean;
  /** On the follow-ups page: name the facility, and link to the log when the viewer may open it. */
  showLog?: boolean;
  /** Mentors open only their own logs (an assignee may not see the log the item came from). */
  canOpenLog?: boolean;
};

const NoteDialog = ({
  followUp,
  to,
  busy,
  error,
  onSend,
  onCancel,
}: {
  followUp: FollowUp;
  to: FollowUpStatus;
  busy: boolean;
  error: string | null;
  onSend: (note: string) => void;
  onCancel: () => void;
}) => {
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const send = () => {
    if (!note.trim()) {
      setProblem(errorText('Note', 'is required'));
      return;
    }
    const parsed = FollowUpStatusBody.shape.note.safeParse(note, { error: formErrorMap });
    if (!parsed.success) {
      setProblem(errorText('Note', parsed.error.issues[0]?.message));
      return;
    }
    onSend(note.trim());
  };
  return (
    <Dialog title="Back to pending" onClose={onCancel} busy={busy} description={`“${followUp.action_item}”`}>
      <form
        className="form"
        noValidate
        aria-label="Back to pending"
        onSubmit={(event) => {
          event.preventDefault();
          send();
        }}
      >
        {error && (
          <p className="form__alert" role="alert">
            {error}
          </p>
        )}
        <TextAreaField
          label="Note"
          hint={`Say why it goes back to pending (it was ${followUpStatusLabels[followUp.status].toLowerCase()}).`}
          value={note}
          error={problem}
          onChange={(event) => {
            setNote(event.target.value);
            setProblem(undefined);
          }}
        />
        <DialogActions>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Saving…' : moveLabels[to]}
          </button>
          <button type="button" className="button" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
        </DialogActions>
      </form>
    </Dialog>
  );
};

/** One action item: what, who, when it is due, its status, and the moves the viewer may make. */
export const FollowUpItem = ({
  followUp,
  canChangeStatus,
  canDelete = false,
  showLog = false,
  canOpenLog = true,
}: Props) => {
  const change = useChangeFollowUpStatus();
  const remove = useDeleteFollowUp();
  const changed = useFollowUpChanged();
  const [noteFor, setNoteFor] = useState<FollowUpStatus | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);

  const move = (to: FollowUpStatus, note?: string) => {
    setMessage(null);
    change.mutate(
      { followUp, status: to, note },
      {
        onSuccess: () => setNoteFor(null),
        onError: (error) => {
          if (isApiError(error) && error.code === 'version_conflict') {
            const current = FollowUp.safeParse(error.current);
            if (current.success) {
              changed(current.data);
              setNoteFor(null);
              setMessage(
                `Someone changed this meanwhile; it is now ${followUpStatusLabels[current.data.status].toLowerCase()}. Check and try again.`,
              );
              return;
            }
          }
          if (noteFor === null) setMessage(errorMessage(error));
        },
      },
    );
  };

  const moves = followUpMoves[followUp.status];
  const titleId = `follow-up-${followUp.id}`;
  return (
    <li className="item-list__item follow-up" aria-labelledby={titleId}>
      <p id={titleId} className="item-list__title follow-up__title">
        {followUp.action_item}
      </p>
      <p className="item-list__meta">
        <span className={`chip-status chip-follow-up--${followUp.status}`}>
          {followUpStatusLabels[followUp.status]}
        </span>
        <DueBadge dueDate={followUp.due_date} status={followUp.status} />
        <span className="muted">Assigned to {followUp.assigned_to_name}</span>
      </p>
      {showLog && (
        <p className="item-list__meta">
          <span>{followUp.facility_name}</span>
          {canOpenLog && (
            <Link to={`/logs/${followUp.mentorship_log_id}`}>
              Open the log<span className="visually-hidden"> of “{followUp.action_item}”</span>
            </Link>
          )}
        </p>
      )}
      {followUp.notes && <p className="follow-up__notes">{followUp.notes}</p>}
      {(canChangeStatus || canDelete) && (
        // biome-ignore lint/a11y/useSemanticElements: a row of action buttons, not form fields (no fieldset)
        <div className="button-row" aria-label={`Actions for “${followUp.action_item}”`} role="group">
          {canChangeStatus &&
            moves.map((to) => (
              <button
                key={to}
                type="button"
                className={to === 'completed' ? 'button button--primary' : 'button'}
                disabled={change.isPending}
                onClick={() => (needsNote(followUp.status, to) ? setNoteFor(to) : move(to))}
              >
                {to === 'pending' && followUp.status === 'completed' ? 'Reopen' : moveLabels[to]}
              </button>
            ))}
          {canDelete && (
            <button type="button" className="button button--link" onClick={() => setDeleting(true)}>
              Delete
            </button>
          )}
        </div>
      )}
      {message && (
        <p className="field__error" role="alert">
          {message}
        </p>
      )}
      {noteFor && (
        <NoteDialog
          followUp={followUp}
          to={noteFor}
          busy={change.isPending}
          error={change.isError ? errorMessage(change.error) : null}
          onSend={(note) => move(noteFor, note)}
          onCancel={() => {
            change.reset();
            setNoteFor(null);
          }}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title="Delete this follow-up?"
          confirmLabel="Delete"
          busyLabel="Deleting…"
          danger
          busy={remove.isPending}
          error={remove.isError ? errorMessage(remove.error) : undefined}
          onConfirm={() => remove.mutate(followUp, { onSuccess: () => setDeleting(false) })}
          onCancel={() => {
            remove.reset();
            setDeleting(false);
          }}
        >
          <p>“{followUp.action_item}” will be removed from the log. This cannot be undone.</p>
        </ConfirmDialog>
      )}
    </li>
  );
};
