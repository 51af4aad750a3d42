import type { ReactNode } from 'react';
import { FieldError, FieldHint } from './FieldText.tsx';
import { type FieldControlProps, useFieldIds } from './useFieldIds.ts';

type Props = {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  /** Renders the control with the id and ARIA it is given (so the label and texts point at it). */
  children: (control: FieldControlProps) => ReactNode;
};

/**
 * The frame every labelled form control shares (TextField, SelectField, TextAreaField): label, hint,
 * the control, then its error — one place for the markup and ARIA that tests and screen readers rely on.
 */
export const Field = ({ label, hint, error, children }: Props) => {
  const ids = useFieldIds({ hint, error });
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={ids.id} className="field__label">
        {label}
      </label>
      <FieldHint id={ids.hintId} text={hint} />
      {children(ids.control)}
      <FieldError id={ids.errorId} text={error} />
    </div>
  );
};
