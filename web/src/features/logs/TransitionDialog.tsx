import { type ReactNode, useState } from 'react';
import type * as z from 'zod';
import { Dialog, DialogActions } from '../../components/Dialog.tsx';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { errorText, formErrorMap } from '../../lib/forms.ts';

type Props = {
  title: string;
  description?: ReactNode;
  confirmLabel: string;
  busyLabel: string;
  /** The text box: its label, and the shared schema that checks it (required comment or reason). */
  text?: { label: string; hint?: string; schema: z.ZodType; required: boolean };
  busy: boolean;
  error?: ReactNode;
  danger?: boolean;
  onConfirm: (text: string | undefined) => void;
  onCancel: () => void;
};

/** Confirms a lifecycle action, with the comment or reason it needs (return, reopen) or allows. */
export const TransitionDialog = ({
  title,
  description,
  confirmLabel,
  busyLabel,
  text,
  busy,
  error,
  danger = false,
  onConfirm,
  onCancel,
}: Props) => {
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | undefined>();

  const confirm = () => {
    if (!text) {
      onConfirm(undefined);
      return;
    }
    const trimmed = value.trim();
    if (!trimmed && !text.required) {
      onConfirm(undefined);
      return;
    }
    if (!trimmed) {
      setProblem(errorText(text.label, 'is required'));
      return;
    }
    const parsed = text.schema.safeParse(value, { error: formErrorMap });
    if (!parsed.success) {
      setProblem(errorText(text.label, parsed.error.issues[0]?.message));
      return;
    }
    onConfirm(trimmed);
  };

  return (
    <Dialog title={title} onClose={onCancel} busy={busy} description={description}>
      <form
        className="form"
        noValidate
        aria-label={title}
        onSubmit={(event) => {
          event.preventDefault();
          confirm();
        }}
      >
        {error && (
          <div className="form__alert" role="alert">
            {error}
          </div>
        )}
        {text && (
          <TextAreaField
            label={text.required ? text.label : `${text.label} (optional)`}
            hint={text.hint}
            value={value}
            rows={4}
            error={problem}
            onChange={(event) => {
              setValue(event.target.value);
              setProblem(undefined);
            }}
          />
        )}
        <DialogActions>
          <button
            type="submit"
            className={danger ? 'button button--danger' : 'button button--primary'}
            disabled={busy}
          >
            {busy ? busyLabel : confirmLabel}
          </button>
          <button type="button" className="button" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
        </DialogActions>
      </form>
    </Dialog>
  );
};
