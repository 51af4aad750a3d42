import { addDays, DEFAULT_TIME_ZONE, todayIn } from '@dml/shared';
import type { Mailer } from '#adapters/mailer';
import { assignmentsOfFacility } from '#data/assignments';
import { claimDigest, releaseDigest } from '#data/digests';
import { followUpIndexes, logIndexes, partitions } from '#data/keys';
import { type ListQuery, queryAll } from '#data/query';
import { getUsers } from '#data/users';
import { digestEmail } from '#emails/digest';
import { logger } from '#logger';
import type { ReminderThresholds } from './config.ts';
import {
  buildDigests,
  type DueFollowUp,
  digestSize,
  type UpcomingVisit,
  type WaitingReview,
} from './digest.ts';

/** Every item of a key-bounded query, with what was evaluated to find them. */
const readAll = async (query: Omit<ListQuery, 'limit' | 'cursor'>) => {
  const { items, stats } = await queryAll(query);
  return { items, evaluated: stats.scanned };
};

/**
 * The daily reminders job. Reads only what is due: open follow-ups up to the due-soon horizon from the
 * sparse due-date index, approved visits of tomorrow, and the review backlog older than the wait
 * threshold — never all follow-ups or all logs. "Today" is the schedule's time in the programme's
 * zone, so a re-run (or `npm run trigger -- reminders --at …`) for the same day sends nothing new.
 */
export const runReminders = async (input: {
  time: string;
  timeZone?: string;
  thresholds: ReminderThresholds;
  mailer: Mailer;
  webUrl: string;
}) => {
  const now = new Date(input.time);
  const today = todayIn(input.timeZone ?? DEFAULT_TIME_ZONE, now);
  const tomorrow = addDays(today, 1);
  const { thresholds } = input;
  const waitCutoff = new Date(now.getTime() - thresholds.reviewWaitDays * 86_400_000).toISOString();

  const [followUps, visits, reviews] = await Promise.all([
    readAll({
      index: followUpIndexes.open,
      partition: partitions.openFollowUps(),
      range: { lte: `${addDays(today, thresholds.dueSoonDays)}#~` },
    }),
    readAll({
      index: logIndexes.byStatus,
      partition: partitions.logsByStatus('approved'),
      range: { between: [tomorrow, `${tomorrow}#~`] },
    }),
    readAll({ partition: 'REVIEWQ', range: { lte: `${waitCutoff}#~` } }),
  ]);
  const reviewsWaiting: WaitingReview[] = reviews.items.map((r) => ({
    log_id: String(r.log_id),
    facility_id: String(r.facility_id),
    facility_name: String(r.facility_name),
    mentor_name: String(r.mentor_name),
    status: String(r.status),
    since: String(r.sk).split('#')[0] ?? '',
    visit_date: String(r.visit_date),
  }));

  const facilities = new Set([
    ...followUps.items.map((f) => String(f.facility_id)),
    ...reviewsWaiting.map((r) => r.facility_id),
  ]);
  const supervisorsByFacility = new Map<string, string[]>();
  const assigned = await Promise.all(
    [...facilities].map(async (id) => [id, await assignmentsOfFacility(id)] as const),
  );
  const coverers = await getUsers([...new Set(assigned.flatMap(([, list]) => list.map((a) => a.user_id)))]);
  const supervisors = new Set(
    coverers.filter((u) => u.role === 'supervisor' && u.is_active).map((u) => u.id),
  );
  for (const [id, list] of assigned)
    supervisorsByFacility.set(
      id,
      list.map((a) => a.user_id).filter((u) => supervisors.has(u)),
    );

  const digests = buildDigests({
    today,
    now,
    thresholds,
    followUps: followUps.items as unknown as DueFollowUp[],
    visitsTomorrow: visits.items as unknown as UpcomingVisit[],
    reviewsWaiting,
    supervisorsOf: (id) => supervisorsByFacility.get(id) ?? [],
  });

  const report = {
    date: today,
    follow_ups_evaluated: followUps.evaluated,
    follow_ups_due: followUps.items.length,
    visits_tomorrow: visits.items.length,
    reviews_waiting: reviewsWaiting.filter((r) => r.since <= waitCutoff).length,
    recipients: digests.size,
    digests_sent: 0,
    already_sent: 0,
    opted_out: 0,
    failed: 0,
  };
  const people = new Map((await getUsers([...digests.keys()])).map((u) => [u.id, u]));
  for (const [userId, digest] of digests) {
    const user = people.get(userId);
    if (!user?.is_active || !user.reminder_emails || digestSize(digest) === 0) {
      report.opted_out += 1;
      continue;
    }
    if (!(await claimDigest(today, userId, now))) {
      report.already_sent += 1;
      continue;
    }
    try {
      await input.mailer.send(
        digestEmail({
          to: user.email,
          name: user.name,
          date: today,
          digest,
          webUrl: input.webUrl,
          profileUrl: `${input.webUrl.replace(/\/$/, '')}/profile`,
        }),
      );
      report.digests_sent += 1;
    } catch (error) {
      // Let a re-run today try again for this person.
      await releaseDigest(today, userId);
      report.failed += 1;
      logger.error('digest failed', { error: error as Error, userId });
    }
  }
  return report;
};
