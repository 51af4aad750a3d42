import type { ComponentProps } from 'react';
import { FieldError, FieldHint } from './FieldText.tsx';
import { useFieldIds } from './useFieldIds.ts';

type Props = Omit<ComponentProps<'input'>, 'id' | 'type'> & {
  label: string;
  hint?: string;
  error?: string | undefined;
};

/** A checkbox with its label beside it (the whole row is the touch target). */
export const CheckboxField = ({ label, hint, error, ...input }: Props) => {
  // Not a `Field`: the label wraps the box, and the hint follows it rather than sitting above the control.
  const ids = useFieldIds({ hint, error });
  return (
    <div className={`field field--checkbox${error ? ' field--invalid' : ''}`}>
      <label htmlFor={ids.id} className="checkbox">
        <input {...ids.control} type="checkbox" {...input} />
        <span className="field__label">{label}</span>
      </label>
      <FieldHint id={ids.hintId} text={hint} />
      <FieldError id={ids.errorId} text={error} />
    </div>
  );
};
