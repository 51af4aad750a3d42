import type { ReactNode } from 'react';

/**
 * Why a submission failed as a whole (what no single field can show), above the form; an alert, so a
 * screen reader says it at once. Nothing while there is no message.
 */
export const FormAlert = ({ message }: { message: ReactNode }) =>
  message ? (
    <p className="form__alert" role="alert">
      {message}
    </p>
  ) : null;
