import { addDays, daysBetween } from '@dml/shared';
import type { ReminderThresholds } from './config.ts';

export type DueFollowUp = {
  id: string;
  action_item: string;
  due_date: string;
  facility_id: string;
  facility_name: string;
  assigned_to: string;
  log_owner_id: string;
  mentorship_log_id: string;
};
export type UpcomingVisit = { id: string; facility_name: string; visit_date: string; mentor_id: string };
export type WaitingReview = {
  log_id: string;
  facility_id: string;
  facility_name: string;
  mentor_name: string;
  status: string;
  since: string;
  visit_date: string;
};

export type DigestLine = { text: string; link: string };
export type Digest = {
  dueSoon: DigestLine[];
  overdue: DigestLine[];
  escalated: DigestLine[];
  visitsTomorrow: DigestLine[];
  reviewsWaiting: DigestLine[];
};
const emptyDigest = (): Digest => ({
  dueSoon: [],
  overdue: [],
  escalated: [],
  visitsTomorrow: [],
  reviewsWaiting: [],
});

/**
 * Who gets reminded of what today (pure): follow-ups due soon go to their assignee; overdue ones to
 * the assignee and the log's owner, and after `escalateAfterDays` also to the facility's supervisors;
 * approved visits tomorrow to their mentor; plans and reports waiting longer than `reviewWaitDays`
 * to the facility's supervisors. One digest per recipient, each item listed once per section.
 */
export const buildDigests = (input: {
  today: string;
  now: Date;
  thresholds: ReminderThresholds;
  followUps: readonly DueFollowUp[];
  visitsTomorrow: readonly UpcomingVisit[];
  reviewsWaiting: readonly WaitingReview[];
  supervisorsOf: (facilityId: string) => readonly string[];
}): Map<string, Digest> => {
  const digests = new Map<string, Digest>();
  const add = (userId: string, section: keyof Digest, line: DigestLine) => {
    const digest = digests.get(userId) ?? emptyDigest();
    if (!digest[section].some((l) => l.text === line.text)) digest[section].push(line);
    digests.set(userId, digest);
  };
  const { today, thresholds } = input;
  const dueSoonUntil = addDays(today, thresholds.dueSoonDays);

  for (const f of input.followUps) {
    const late = daysBetween(f.due_date, today);
    const line = {
      text: `${f.action_item} — ${f.facility_name}, due ${f.due_date}${late > 0 ? ` (${late} day${late === 1 ? '' : 's'} overdue)` : ''}`,
      link: '/follow-ups',
    };
    if (late > 0) {
      add(f.assigned_to, 'overdue', line);
      add(f.log_owner_id, 'overdue', line);
      if (late > thresholds.escalateAfterDays)
        for (const s of input.supervisorsOf(f.facility_id)) add(s, 'escalated', line);
    } else if (f.due_date <= dueSoonUntil) {
      add(f.assigned_to, 'dueSoon', line);
    }
  }
  for (const v of input.visitsTomorrow)
    add(v.mentor_id, 'visitsTomorrow', {
      text: `${v.facility_name}, ${v.visit_date}`,
      link: `/logs/${v.id}`,
    });
  const waitCutoff = input.now.getTime() - thresholds.reviewWaitDays * 86_400_000;
  for (const r of input.reviewsWaiting) {
    if (Date.parse(r.since) > waitCutoff) continue;
    const waited = Math.floor((input.now.getTime() - Date.parse(r.since)) / 86_400_000);
    const what = r.status === 'submitted' ? 'Plan' : 'Report';
    for (const s of input.supervisorsOf(r.facility_id)) {
      add(s, 'reviewsWaiting', {
        text: `${what} by ${r.mentor_name} for ${r.facility_name} (${r.visit_date}), waiting ${waited} days`,
        link: `/logs/${r.log_id}`,
      });
    }
  }
  return digests;
};

export const digestSize = (d: Digest) =>
  d.dueSoon.length +
  d.overdue.length +
  d.escalated.length +
  d.visitsTomorrow.length +
  d.reviewsWaiting.length;
