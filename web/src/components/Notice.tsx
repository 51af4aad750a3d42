import type { ReactNode } from 'react';

type Props = { tone?: 'success' | 'warning' | 'info'; children: ReactNode; onDismiss?: () => void };

/** A short message after an action ("Invitation sent"), announced politely to screen readers. */
export const Notice = ({ tone = 'info', children, onDismiss }: Props) => (
  <div className={`notice notice-bar notice--${tone}`} role="status">
    <div className="notice__text">{children}</div>
    {onDismiss && (
      <button type="button" className="button button--link notice__dismiss" onClick={onDismiss}>
        Dismiss
      </button>
    )}
  </div>
);
