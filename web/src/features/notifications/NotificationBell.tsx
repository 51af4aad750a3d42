import type { Notification } from '@dml/shared/api/notifications';
import { useId } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../../api/ApiError.ts';
import { formatDateTime, formatRelative } from '../../lib/format.ts';
import { usePopover } from '../../lib/usePopover.ts';
import { useMarkAllRead, useMarkRead, useNotifications, useUnreadCount } from './api.ts';

const BellIcon = () => (
  <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
    <path
      d="M12 3a6 6 0 0 0-6 6v3.5L4.5 15v1.5h15V15L18 12.5V9a6 6 0 0 0-6-6Zm-2 15.5a2 2 0 0 0 4 0"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinejoin="round"
    />
  </svg>
);

/** Only paths inside the app are followed (a notification's link is data, not code). */
const safeLink = (link: string) => (link.startsWith('/') && !link.startsWith('//') ? link : '/');

/**
 * The bell in the navbar: the unread count (polled every minute and on focus), and a panel with the
 * latest notifications, unread first. Opening one marks it read and goes to what it is about.
 */
export const NotificationBell = () => {
  const popover = usePopover();
  const summary = useUnreadCount();
  const list = useNotifications(popover.open);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const navigate = useNavigate();
  const titleId = useId();
  const unread = summary.data?.unread_count ?? 0;

  const openOne = (notification: Notification) => {
    if (!notification.read_at) markRead.mutate(notification.id);
    popover.close();
    navigate(safeLink(notification.link));
  };

  const items = list.data?.items ?? [];
  const body = () => {
    if (list.isPending) return <p className="bell__state">Loading…</p>;
    if (list.isError) {
      return (
        <p className="bell__state" role="alert">
          {errorMessage(list.error)}{' '}
          <button type="button" className="button--inline" onClick={() => void list.refetch()}>
            Try again
          </button>
        </p>
      );
    }
    if (items.length === 0) return <p className="bell__state">No notifications yet.</p>;
    return (
      <ul className="bell__list" aria-labelledby={titleId}>
        {items.map((notification) => (
          <li key={notification.id}>
            <button
              type="button"
              className={notification.read_at ? 'bell__item' : 'bell__item bell__item--unread'}
              onClick={() => openOne(notification)}
            >
              <span className="bell__item-title">
                {!notification.read_at && <span className="visually-hidden">Unread: </span>}
                {notification.title}
              </span>
              <span className="bell__item-body">{notification.body}</span>
              <time
                className="bell__item-time"
                dateTime={notification.created_at}
                title={formatDateTime(notification.created_at)}
              >
                {formatRelative(notification.created_at)}
              </time>
            </button>
          </li>
        ))}
      </ul>
    );
  };

  return (
    <div className="bell" ref={popover.rootRef}>
      <button {...popover.buttonProps} type="button" className="bell__button">
        <BellIcon />
        <span className="visually-hidden">
          {unread > 0 ? `Notifications, ${unread} unread` : 'Notifications'}
        </span>
        {unread > 0 && (
          <span className="bell__count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {popover.open && (
        <section id={popover.panelId} className="bell__panel" aria-labelledby={titleId}>
          <header className="bell__header">
            <h2 id={titleId} className="bell__title">
              Notifications
            </h2>
            <button
              type="button"
              className="button button--link"
              disabled={markAll.isPending || (unread === 0 && !items.some((n) => !n.read_at))}
              onClick={() => markAll.mutate()}
            >
              Mark all read
            </button>
          </header>
          {markAll.isError && (
            <p className="field__error" role="alert">
              {errorMessage(markAll.error)}
            </p>
          )}
          {body()}
        </section>
      )}
    </div>
  );
};
