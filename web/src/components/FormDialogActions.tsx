import { DialogActions } from './Dialog.tsx';

type Props = {
  /** The submit button's text ("Save", "Send invitation"). */
  submitLabel: string;
  /** Its text while the request is in flight. */
  busyLabel?: string;
  busy: boolean;
  onCancel: () => void;
};

/**
 * A form dialog's submit and Cancel. Both are disabled while the request is in flight: a second tap
 * would send it again, and closing would hide its outcome.
 */
export const FormDialogActions = ({ submitLabel, busyLabel = 'Saving…', busy, onCancel }: Props) => (
  <DialogActions>
    <button type="submit" className="button button--primary" disabled={busy}>
      {busy ? busyLabel : submitLabel}
    </button>
    <button type="button" className="button" onClick={onCancel} disabled={busy}>
      Cancel
    </button>
  </DialogActions>
);
