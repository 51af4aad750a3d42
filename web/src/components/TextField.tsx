import type { ComponentProps } from 'react';
import { Field } from './Field.tsx';

type Props = Omit<ComponentProps<'input'>, 'id'> & {
  label: string;
  error?: string | undefined;
  hint?: string;
};

/** A labelled input whose error and hint are tied to it for screen readers (works with react-hook-form's register). */
export const TextField = ({ label, error, hint, ...input }: Props) => (
  <Field label={label} hint={hint} error={error}>
    {(control) => <input {...control} className="field__input" {...input} />}
  </Field>
);
