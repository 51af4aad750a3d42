import type { ReactNode } from 'react';
import { formatTime } from '../../lib/format.ts';
import type { AutosaveStatus } from './useAutosave.ts';

/** The autosave line: what happened to the user's last changes. */
export const autosaveText = (status: AutosaveStatus, hasDraft: boolean) => {
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

/** The form's last row: whether the changes are saved, and its buttons. */
export const LogFormFooter = ({ status, children }: { status: string; children: ReactNode }) => (
  <div className="form-footer">
    <p className="autosave" role="status" aria-live="polite">
      {status}
    </p>
    <div className="form-footer__buttons">{children}</div>
  </div>
);

/** The message above the form when a request failed. */
export const FormFailure = ({ children }: { children: ReactNode }) =>
  children ? (
    <div className="form__alert" role="alert">
      {children}
    </div>
  ) : null;
