import type { ComponentProps } from 'react';
import { Field } from './Field.tsx';

export type SelectOption = { value: string; label: string };

type Props = Omit<ComponentProps<'select'>, 'id' | 'children'> & {
  label: string;
  options: readonly SelectOption[];
  error?: string | undefined;
  hint?: string;
};

/** A labelled native select (the phone's own picker), with its error and hint tied to it like TextField. */
export const SelectField = ({ label, options, error, hint, ...select }: Props) => (
  <Field label={label} hint={hint} error={error}>
    {(control) => (
      <select {...control} className="field__input" {...select}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    )}
  </Field>
);
