import type { ErrorDetail } from '../api/errors.ts';
import type { MentorshipLog } from '../api/logs.ts';

/**
 * What a log needs before it moves on. The API refuses a submit or complete that misses one of these;
 * the web checks the same rules before sending, so the fields say it at once. Text counts after trimming.
 */
export const MIN_SUMMARY = 10;
export const MIN_OUTCOMES = 10;

const length = (text: string | null | undefined) => (text ?? '').trim().length;

/** Submit requires a performance summary of at least `MIN_SUMMARY` characters and one objective. */
export const submitProblems = (
  log: Pick<MentorshipLog, 'performance_summary'> & { objectives: readonly unknown[] },
): ErrorDetail[] => [
  ...(length(log.performance_summary) < MIN_SUMMARY
    ? [{ path: 'performance_summary', message: `needs at least ${MIN_SUMMARY} characters before you submit` }]
    : []),
  ...(log.objectives.length < 1
    ? [{ path: 'objectives', message: 'add at least one objective before you submit' }]
    : []),
];

/** Complete requires visit outcomes of at least `MIN_OUTCOMES` characters, on or after the visit date. */
export const completeProblems = (
  log: Pick<MentorshipLog, 'visit_outcomes' | 'visit_date'>,
  today: string,
): ErrorDetail[] => [
  ...(length(log.visit_outcomes) < MIN_OUTCOMES
    ? [
        {
          path: 'visit_outcomes',
          message: `describe the outcomes (at least ${MIN_OUTCOMES} characters) before you complete`,
        },
      ]
    : []),
  ...(today < log.visit_date
    ? [
        {
          path: 'visit_date',
          message: `the visit is planned for ${log.visit_date}; report it on or after that day`,
        },
      ]
    : []),
];
