import type {
  DetailOf,
  DetailType,
  FollowUpAssigned,
  FollowUpStatusChanged,
  LogTransitioned,
} from '@dml/events';

export type Recipient = { kind: 'user'; id: string } | { kind: 'supervisors-of'; facilityId: string };
export type PlannedNotification = {
  to: Recipient;
  title: string;
  body: string;
  /** Path in the web app. */
  link: string;
  entity: { type: 'mentorship_log' | 'follow_up'; id: string };
  /** Email too: for what someone must act on. */
  email: boolean;
};

const logLink = (d: LogTransitioned) => `/logs/${d.log_id}`;
const when = (d: LogTransitioned) => `${d.facility_name} on ${d.visit_date}`;
const withComment = (text: string, comment: string | null) =>
  comment ? `${text} Comment: “${comment}”` : text;

const forLog = (type: DetailType, d: LogTransitioned): PlannedNotification[] => {
  const entity = { type: 'mentorship_log' as const, id: d.log_id };
  const toOwner = (title: string, body: string, email = true): PlannedNotification => ({
    to: { kind: 'user', id: d.mentor_id },
    title,
    body,
    link: logLink(d),
    entity,
    email,
  });
  const toReviewers = (title: string, body: string, email = true): PlannedNotification => ({
    to: { kind: 'supervisors-of', facilityId: d.facility_id },
    title,
    body,
    link: logLink(d),
    entity,
    email,
  });
  switch (type) {
    case 'mentorship-log.submitted':
      return [
        toReviewers(
          `Plan to review: ${when(d)}`,
          `${d.by_name} submitted a visit plan for ${when(d)}. Approve it or return it with a comment.`,
        ),
      ];
    case 'mentorship-log.completed':
      return [
        toReviewers(
          `Report to verify: ${when(d)}`,
          `${d.by_name} reported the visit to ${when(d)}. Verify it or return it with a comment.`,
        ),
      ];
    case 'mentorship-log.withdrawn':
      return [
        toReviewers(
          `Plan withdrawn: ${when(d)}`,
          `${d.by_name} took the plan for ${when(d)} back to draft.`,
          false,
        ),
      ];
    case 'mentorship-log.returned':
      return [
        toOwner(
          d.from === 'submitted' ? `Plan returned: ${when(d)}` : `Report returned: ${when(d)}`,
          withComment(
            `${d.by_name} returned your ${d.from === 'submitted' ? 'plan' : 'report'} for ${when(d)}.`,
            d.comment,
          ),
        ),
      ];
    case 'mentorship-log.approved':
      return [
        toOwner(
          `Plan approved: ${when(d)}`,
          `${d.by_name} approved your visit plan for ${when(d)}. After the visit, report the outcomes.`,
        ),
      ];
    case 'mentorship-log.verified':
      return [
        toOwner(`Report verified: ${when(d)}`, `${d.by_name} verified your visit report for ${when(d)}.`),
      ];
    case 'mentorship-log.reopened':
      return [
        toOwner(
          `Report reopened: ${when(d)}`,
          withComment(`${d.by_name} reopened your verified report for ${when(d)}.`, d.comment),
        ),
      ];
    default:
      return [];
  }
};

/**
 * Who hears about an event, and how: plans submitted and reports
 * completed go to the supervisors covering the facility; returned / approved / verified go to the
 * owner; a follow-up goes to its assignee. Nobody is told about what they did themselves.
 */
export const planNotifications = <T extends DetailType>(
  type: T,
  detail: DetailOf<T>,
): PlannedNotification[] => {
  if (type.startsWith('mentorship-log.')) return forLog(type, detail as LogTransitioned);
  if (type === 'follow-up.assigned') {
    const d = detail as FollowUpAssigned;
    if (d.assigned_to === d.by) return [];
    return [
      {
        to: { kind: 'user', id: d.assigned_to },
        title: `New follow-up due ${d.due_date}`,
        body: `${d.by_name} assigned you an action at ${d.facility_name}: “${d.action_item}”, due ${d.due_date}.`,
        link: '/follow-ups',
        entity: { type: 'follow_up', id: d.follow_up_id },
        email: true,
      },
    ];
  }
  if (type === 'follow-up.status-changed') {
    const d = detail as FollowUpStatusChanged;
    if (d.log_owner_id === d.by || (d.to !== 'completed' && d.from !== 'completed')) return [];
    return [
      {
        to: { kind: 'user', id: d.log_owner_id },
        title: d.to === 'completed' ? 'Follow-up completed' : 'Follow-up reopened',
        body: `${d.by_name} marked “${d.action_item}” ${d.to === 'completed' ? 'completed' : 'pending again'}.${d.note ? ` Note: “${d.note}”` : ''}`,
        link: '/follow-ups',
        entity: { type: 'follow_up', id: d.follow_up_id },
        email: false,
      },
    ];
  }
  return [];
};
