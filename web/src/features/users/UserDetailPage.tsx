import { User } from '@dml/shared/api/users';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { errorMessage, isApiError } from '../../api/ApiError.ts';
import { useMe } from '../../api/useMe.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { Notice } from '../../components/Notice.tsx';
import { RecordStatus } from '../../components/RecordStatus.tsx';
import { RoleBadge } from '../../components/RoleBadge.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useViewer } from '../../layout/useViewer.ts';
import { formatDate } from '../../lib/format.ts';
import { AssignedFacilities } from './AssignedFacilities.tsx';
import { useDeactivateUser, useResendInvitation, useUpdateUser, useUser } from './api.ts';
import { EditUserDialog } from './EditUserDialog.tsx';
import { userKeys } from './keys.ts';

type Open = 'edit' | 'deactivate' | 'assign' | null;
type Message = { tone: 'success' | 'warning'; text: ReactNode };

const NotSet = () => <span className="muted">Not set</span>;

/** One user: profile, status and the facilities they cover; admins manage them from here. */
export const UserDetailPage = () => {
  const { id = '' } = useParams();
  const { role } = useViewer();
  const me = useMe();
  const isAdmin = role === 'admin';
  const query = useUser(id);
  const client = useQueryClient();
  const update = useUpdateUser();
  const deactivate = useDeactivateUser();
  const resend = useResendInvitation();
  const [open, setOpen] = useState<Open>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  if (query.isPending || query.isError) {
    return (
      <RecordStatus
        query={query}
        loadingLabel="Loading user…"
        errorTitle="We couldn't load this user"
        notFoundTitle="User not found"
        notFoundMessage="They may not exist, or they are outside your facilities."
      />
    );
  }

  const user = query.data;
  const isSelf = me.data?.id === user.id;

  /** A 409 version conflict means our copy is stale: show theirs so the next try uses the new version. */
  const takeCurrent = (error: unknown) => {
    if (!isApiError(error) || error.code !== 'version_conflict') return;
    const current = User.safeParse(error.current);
    if (current.success) client.setQueryData(userKeys.detail(user.id), current.data);
    else void query.refetch();
  };

  const runDeactivate = async () => {
    setActionError(null);
    try {
      await deactivate.mutateAsync(user);
      setOpen(null);
      setMessage({ tone: 'success', text: `${user.name} was deactivated and can no longer sign in.` });
    } catch (error) {
      takeCurrent(error);
      setActionError(errorMessage(error));
    }
  };

  const runReactivate = async () => {
    setMessage(null);
    setActionError(null);
    try {
      await update.mutateAsync({ id: user.id, body: { version: user.version, is_active: true } });
      setMessage({ tone: 'success', text: `${user.name} was reactivated and can sign in again.` });
    } catch (error) {
      takeCurrent(error);
      setActionError(errorMessage(error));
    }
  };

  const runResend = async () => {
    setMessage(null);
    setActionError(null);
    try {
      const result = await resend.mutateAsync(user.id);
      setMessage(
        result.invitation_sent
          ? { tone: 'success', text: `A new invitation was sent to ${user.email}.` }
          : {
              tone: 'warning',
              text: 'A new temporary password was set, but the email could not be sent. Try again later.',
            },
      );
    } catch (error) {
      setActionError(errorMessage(error));
    }
  };

  const rows: [string, ReactNode][] = [
    ['Email', user.email],
    ['Role', <RoleBadge key="role" role={user.role} />],
    ['Status', <StatusBadge key="status" active={user.is_active} />],
    ['Designation', user.designation ?? <NotSet />],
    ['Region / state', user.region_state ?? <NotSet />],
    ['Phone', user.phone ?? <NotSet />],
    ['Reminder emails', user.reminder_emails ? 'On' : 'Off'],
    ['Member since', formatDate(user.created_at)],
  ];

  return (
    <>
      <title>{`${user.name} · Users · Digital Mentorship Log`}</title>
      <header className="page-header">
        <h1 className="page-header__title">{user.name}</h1>
        <p className="page-header__meta">
          <RoleBadge role={user.role} />
          <StatusBadge active={user.is_active} />
          {user.designation && <span>{user.designation}</span>}
        </p>
      </header>

      {isAdmin && (
        <div className="toolbar">
          <button type="button" className="button button--primary" onClick={() => setOpen('edit')}>
            Edit
          </button>
          {user.is_active ? (
            <>
              <button
                type="button"
                className="button"
                onClick={() => void runResend()}
                disabled={resend.isPending}
              >
                {resend.isPending ? 'Sending…' : 'Resend invitation'}
              </button>
              {!isSelf && (
                <button
                  type="button"
                  className="button button--danger"
                  onClick={() => {
                    setActionError(null);
                    setOpen('deactivate');
                  }}
                >
                  Deactivate
                </button>
              )}
            </>
          ) : (
            <button
              type="button"
              className="button"
              onClick={() => void runReactivate()}
              disabled={update.isPending}
            >
              {update.isPending ? 'Reactivating…' : 'Reactivate'}
            </button>
          )}
        </div>
      )}

      {message && (
        <Notice tone={message.tone} onDismiss={() => setMessage(null)}>
          {message.text}
        </Notice>
      )}
      {actionError && open === null && (
        <p className="form__alert" role="alert">
          {actionError}
        </p>
      )}

      <dl className="details">
        {rows.map(([term, value]) => (
          <div key={term} className="details__row">
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>

      <AssignedFacilities user={user} canAssign={isAdmin} />

      {isAdmin && (
        <p className="related-links">
          <Link to={`/audit?entity_type=user&entity_id=${user.id}`}>History of this user</Link>
          <Link to={`/audit?user_id=${user.id}`}>Changes made by {user.name}</Link>
        </p>
      )}

      {open === 'edit' && (
        <EditUserDialog
          user={user}
          isSelf={isSelf}
          onClose={() => setOpen(null)}
          onSaved={(saved) => {
            client.setQueryData(userKeys.detail(saved.id), saved);
            setMessage({ tone: 'success', text: 'Changes saved.' });
          }}
        />
      )}
      {open === 'deactivate' && (
        <ConfirmDialog
          title={`Deactivate ${user.name}?`}
          confirmLabel="Deactivate"
          busyLabel="Deactivating…"
          danger
          busy={deactivate.isPending}
          error={actionError}
          onConfirm={() => void runDeactivate()}
          onCancel={() => setOpen(null)}
        >
          <p>
            They will no longer be able to sign in. Their logs and history are kept, and you can reactivate
            them later.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
};
