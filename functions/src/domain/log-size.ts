import { logTextBytes, MAX_LOG_TEXT_BYTES, type MentorshipLog } from '@dml/shared';
import { payloadTooLarge } from './errors.ts';

/**
 * Refuses a change that takes a log's text past the cap (counted in UTF-8 bytes, as DynamoDB counts
 * an item), before anything is written. A change that does not add text is never refused, so a log
 * stored before the cap existed can still move through its lifecycle.
 */
export const assertLogFits = (before: MentorshipLog | null, after: MentorshipLog) => {
  const bytes = logTextBytes(after);
  if (bytes <= MAX_LOG_TEXT_BYTES || (before && bytes <= logTextBytes(before))) return;
  throw payloadTooLarge(
    `This log would hold ${Math.ceil(bytes / 1000)} KB of text; a log holds at most ${MAX_LOG_TEXT_BYTES / 1000} KB (counted in UTF-8 bytes). Shorten some fields.`,
  );
};
