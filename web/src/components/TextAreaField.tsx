import type { ComponentProps } from 'react';
import { Field } from './Field.tsx';

type Props = Omit<ComponentProps<'textarea'>, 'id'> & {
  label: string;
  error?: string | undefined;
  hint?: string;
};

/** A labelled multi-line box, tied to its error and hint like TextField (works with `register`). */
export const TextAreaField = ({ label, error, hint, rows = 3, ...textarea }: Props) => (
  <Field label={label} hint={hint} error={error}>
    {(control) => (
      <textarea {...control} rows={rows} className="field__input field__input--multiline" {...textarea} />
    )}
  </Field>
);
