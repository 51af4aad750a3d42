import type { ErrorDetail } from '@dml/shared/api/errors';
import type * as z from '@dml/shared/zod';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { errorMessage, isApiError } from '../api/ApiError.ts';

/**
 * Human messages for the zod issues the shared schemas leave to zod's defaults (a `min(2)` without a
 * message, a number field holding text). Schemas' own messages ("must be a UUID") win over this map.
 */
export const formErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'number' ? 'must be a number' : 'is required';
    case 'too_small':
      if (issue.origin === 'string')
        return issue.minimum === 1 ? 'is required' : `must be at least ${issue.minimum} characters`;
      if (issue.origin === 'number') return `must be at least ${issue.minimum}`;
      return undefined;
    case 'too_big':
      if (issue.origin === 'string') return `must be at most ${issue.maximum} characters`;
      if (issue.origin === 'number') return `must be at most ${issue.maximum}`;
      return undefined;
    case 'invalid_format':
      return issue.format === 'email' ? 'must be an email address' : undefined;
    case 'invalid_value':
      return issue.input === '' || issue.input === undefined
        ? 'is required'
        : 'must be one of the listed options';
    default:
      return undefined;
  }
};

/** Zod options for `zodResolver(schema, zodFormOptions)`. */
export const zodFormOptions = { error: formErrorMap } as const;

/**
 * The shared schemas word field messages as fragments ("must be at least 2 characters") so the API can
 * say "name: must be…"; under a field we say "Name must be at least 2 characters". Other messages are
 * shown as sentences ("give both latitude…" → "Give both latitude…").
 */
export const errorText = (label: string, message: string | undefined): string | undefined => {
  if (!message) return undefined;
  if (/^(must|is|may|was|has|needs|should|cannot|can't) /.test(message)) return `${label} ${message}`;
  return message.charAt(0).toUpperCase() + message.slice(1);
};

/** Optional text inputs: a blank box means "not set" (null), which every optional API field accepts. */
export const blankToNull = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? null : value;

/** Number inputs: blank → null; anything else → a number (NaN fails the schema as "must be a number"). */
export const toNumberOrNull = (value: unknown) => {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  const text = String(value).trim();
  return text === '' ? null : Number(text);
};

/**
 * Puts an API error's field details (`{path, message}`) onto the form's fields, focusing the first.
 * Returns the details that name no field of the form (the caller shows those with the error message).
 */
export const applyApiFieldErrors = <T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
): ErrorDetail[] => {
  if (!isApiError(error)) return [];
  const unplaced: ErrorDetail[] = [];
  let first = true;
  for (const detail of error.details) {
    const field = fields.find((name) => name === detail.path);
    if (!field) {
      unplaced.push(detail);
      continue;
    }
    setError(field, { type: 'server', message: detail.message }, { shouldFocus: first });
    first = false;
  }
  return unplaced;
};

/** The keys whose values differ (compared as JSON, so `null` and arrays compare by content). */
export const changedKeys = <T extends object, K extends keyof T>(
  next: T,
  base: Partial<Record<K, unknown>>,
  keys: readonly K[],
): K[] => keys.filter((key) => JSON.stringify(next[key] ?? null) !== JSON.stringify(base[key] ?? null));

/**
 * Handles a failed submission: field details go onto their fields; returns the message to show above
 * the form, or null when every detail found its field (the field messages say it all).
 */
export const formFailure = <T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
): string | null => {
  const unplaced = applyApiFieldErrors(error, setError, fields);
  if (isApiError(error) && error.details.length > 0 && unplaced.length === 0) return null;
  return errorMessage(error);
};
