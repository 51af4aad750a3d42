/** A field's hint, shown under its label; `id` is what the control's `aria-describedby` names. */
export const FieldHint = ({ id, text }: { id: string | undefined; text: string | undefined }) =>
  text ? (
    <p id={id} className="field__hint">
      {text}
    </p>
  ) : null;

/** A field's error, shown under the control; `id` is what the control's `aria-describedby` names. */
export const FieldError = ({ id, text }: { id: string | undefined; text: string | undefined }) =>
  text ? (
    <p id={id} className="field__error">
      {text}
    </p>
  ) : null;
