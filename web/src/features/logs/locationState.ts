import type { ErrorDetail } from '@dml/shared/api/errors';
import type { LogFormValues } from './logForm.ts';

/** Set when the form moves from "new" to the draft's own address, or hands over to the log's page. */
export type LogFormLocationState = {
  /** The form as it was when the draft was created (so nothing typed meanwhile is lost). */
  draftValues?: LogFormValues;
  notice?: string;
  failure?: string;
  details?: ErrorDetail[];
} | null;

/** What the log page may be asked to do on arrival (e.g. open "Complete visit"). */
export type LogPageLocationState = { notice?: string; open?: 'complete' } | null;
