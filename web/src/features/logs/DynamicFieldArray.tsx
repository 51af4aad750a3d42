import { useId } from 'react';
import { type Control, type FieldErrors, type UseFormRegister, useFieldArray } from 'react-hook-form';
import { errorText } from '../../lib/forms.ts';
import type { LogFormValues } from './logForm.ts';

type ListName = 'objectives' | 'staff_to_engage';

type Props = {
  name: ListName;
  control: Control<LogFormValues>;
  register: UseFormRegister<LogFormValues>;
  errors: FieldErrors<LogFormValues>;
  /** "Objectives". */
  legend: string;
  /** "Objective" → "Objective 2", "Remove objective 2". */
  itemLabel: string;
  addLabel: string;
  hint?: string;
  /** Rows that always stay (the last one cannot be removed). */
  min?: number;
  max: number;
  /** Ordered lists get "Move up" / "Move down". */
  ordered?: boolean;
  disabled?: boolean;
};

const keyOf = (name: ListName) => (name === 'objectives' ? 'text' : 'value');

/**
 * A list of text rows the user adds to, removes from and (ordered lists) reorders. Every control is a real button with a name that says which row it acts on.
 */
export const DynamicFieldArray = ({
  name,
  control,
  register,
  errors,
  legend,
  itemLabel,
  addLabel,
  hint,
  min = 0,
  max,
  ordered = false,
  disabled = false,
}: Props) => {
  const { fields, append, remove, move } = useFieldArray({ control, name: name as 'objectives' });
  const hintId = useId();
  const key = keyOf(name);
  const listErrors = errors[name] as
    | ({ message?: string; root?: { message?: string } } & Record<
        number,
        Record<string, { message?: string }>
      >)
    | undefined;
  const listError = listErrors?.root?.message ?? listErrors?.message;
  const lower = itemLabel.toLowerCase();
  const List = ordered ? 'ol' : 'ul';

  return (
    <fieldset className="fieldset dynamic-list" aria-describedby={hint ? hintId : undefined}>
      <legend className="fieldset__legend">{legend}</legend>
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {listError && (
        <p className="field__error" role="alert">
          {errorText(legend, listError)}
        </p>
      )}
      <List className="dynamic-list__rows">
        {fields.map((field, index) => {
          const label = `${itemLabel} ${index + 1}`;
          const error = listErrors?.[index]?.[key]?.message;
          const errorId = `${hintId}-${index}-error`;
          return (
            <li key={field.id} className={`dynamic-list__row${error ? ' field--invalid' : ''}`}>
              <label className="visually-hidden" htmlFor={`${hintId}-${index}`}>
                {label}
              </label>
              <input
                id={`${hintId}-${index}`}
                className="field__input"
                autoComplete="off"
                disabled={disabled}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? errorId : undefined}
                placeholder={label}
                {...register(`${name}.${index}.${key}` as 'objectives.0.text')}
              />
              <div className="dynamic-list__buttons">
                {ordered && (
                  <>
                    <button
                      type="button"
                      className="button button--icon"
                      aria-label={`Move ${lower} ${index + 1} up`}
                      disabled={disabled || index === 0}
                      onClick={() => move(index, index - 1)}
                    >
                      <span aria-hidden="true">↑</span>
                    </button>
                    <button
                      type="button"
                      className="button button--icon"
                      aria-label={`Move ${lower} ${index + 1} down`}
                      disabled={disabled || index === fields.length - 1}
                      onClick={() => move(index, index + 1)}
                    >
                      <span aria-hidden="true">↓</span>
                    </button>
                  </>
                )}
                <button
                  type="button"
                  className="button button--icon"
                  aria-label={`Remove ${lower} ${index + 1}`}
                  disabled={disabled || fields.length <= min}
                  onClick={() => remove(index)}
                >
                  <span aria-hidden="true">×</span>
                </button>
              </div>
              {error && (
                <p id={errorId} className="field__error dynamic-list__error">
                  {errorText(label, error)}
                </p>
              )}
            </li>
          );
        })}
      </List>
      <button
        type="button"
        className="button"
        disabled={disabled || fields.length >= max}
        onClick={() => append({ [key]: '' } as { text: string })}
      >
        {addLabel}
      </button>
      {fields.length >= max && <p className="field__hint">You can add at most {max}.</p>}
    </fieldset>
  );
};
