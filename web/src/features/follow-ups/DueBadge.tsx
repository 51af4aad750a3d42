import type { FollowUpStatus } from '@dml/shared/api/follow-ups';
import { daysBetween } from '@dml/shared/domain/dates';
import { formatDate } from '../../lib/format.ts';
import { programmeToday } from '../../lib/today.ts';

/** Within this many days an open follow-up counts as "due soon". */
export const DUE_SOON_DAYS = 3;

export type Due = { tone: 'overdue' | 'today' | 'soon' | 'later' | 'done'; text: string };

/** How a due date reads today (programme calendar): "3 days overdue", "Due today", "Due in 2 days". */
export const dueState = (dueDate: string, status: FollowUpStatus, today = programmeToday()): Due => {
  if (status === 'completed') return { tone: 'done', text: `Was due ${formatDate(dueDate)}` };
  const days = daysBetween(today, dueDate);
  if (days < 0) {
    const late = -days;
    return { tone: 'overdue', text: `${late} ${late === 1 ? 'day' : 'days'} overdue` };
  }
  if (days === 0) return { tone: 'today', text: 'Due today' };
  if (days <= DUE_SOON_DAYS)
    return { tone: 'soon', text: days === 1 ? 'Due tomorrow' : `Due in ${days} days` };
  return { tone: 'later', text: `Due ${formatDate(dueDate)}` };
};

export const DueBadge = ({ dueDate, status }: { dueDate: string; status: FollowUpStatus }) => {
  const due = dueState(dueDate, status);
  return (
    <span className={`due-badge due-badge--${due.tone}`} title={`Due ${formatDate(dueDate)}`}>
      {due.text}
    </span>
  );
};
