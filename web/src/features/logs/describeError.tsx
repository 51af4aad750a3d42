import type { ReactNode } from 'react';
import { errorMessage, isApiError } from '../../api/ApiError.ts';
import { errorText } from '../../lib/forms.ts';
import { type EditableField, fieldLabels } from './logForm.ts';

const labelOf = (path: string) => fieldLabels[path as EditableField] ?? path.replace(/_/g, ' ');

/** An API failure as text for a log action: the message, and each field detail as a sentence. */
export const describeError = (error: unknown, { skip = [] as readonly string[] } = {}): ReactNode => {
  if (!isApiError(error)) return errorMessage(error);
  const details = error.details.filter((detail) => !skip.includes(detail.path));
  return (
    <>
      {error.message}
      {details.length > 0 && (
        <ul className="error-details">
          {details.map((detail) => (
            <li key={`${detail.path}:${detail.message}`}>
              {errorText(labelOf(detail.path), detail.message)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
};
