import type { ReactNode } from 'react';
import { Dialog, DialogActions } from './Dialog.tsx';

type Props = {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** Shown on the confirm button while the request runs, e.g. "Deactivating…". */
  busyLabel?: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  /** The failure of the last attempt, shown above the buttons. */
  error?: ReactNode;
  /** Destructive actions get the danger style. */
  danger?: boolean;
};

/** "Are you sure?" for actions that are hard to undo. Focus starts on Cancel, the safe choice. */
export const ConfirmDialog = ({
  title,
  children,
  confirmLabel,
  busyLabel,
  onConfirm,
  onCancel,
  busy = false,
  error,
  danger = false,
}: Props) => (
  <Dialog title={title} onClose={onCancel} busy={busy}>
    <div className="dialog__text">{children}</div>
    {error && (
      <div className="form__alert" role="alert">
        {error}
      </div>
    )}
    <DialogActions>
      <button
        type="button"
        className={danger ? 'button button--danger' : 'button button--primary'}
        onClick={onConfirm}
        disabled={busy}
      >
        {busy && busyLabel ? busyLabel : confirmLabel}
      </button>
      <button type="button" className="button" onClick={onCancel} disabled={busy} data-autofocus>
        Cancel
      </button>
    </DialogActions>
  </Dialog>
);
