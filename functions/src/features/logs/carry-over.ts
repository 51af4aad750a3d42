import type { CarryOver } from '@dml/shared';
import { followUpIndexes, logIndexes, partitions } from '#data/keys';
import { toLog } from '#data/logs';
import { queryPage } from '#data/query';

const lastOf = async (facilityId: string, status: 'completed' | 'verified') =>
  (
    await queryPage({
      index: logIndexes.byFacilityStatus,
      partition: partitions.logsByFacilityStatus(facilityId, status),
      ascending: false,
      limit: 1,
    })
  ).items[0];

/** The open follow-ups a new plan lists by name (the soonest due); the rest are counted. */
const LISTED_FOLLOW_UPS = 20;

type OpenFollowUp = { action_item?: string; due_date?: string | null; status?: string };

/** Every open follow-up of a facility: they sort first in its follow-up partition ("0#<due>…"). */
const openFollowUps = async (facilityId: string) => {
  const all: OpenFollowUp[] = [];
  let cursor: string | undefined;
  do {
    const page = await queryPage({
      index: followUpIndexes.byFacility,
      partition: partitions.followUpsByFacility(facilityId),
      range: { beginsWith: '0#' },
      limit: 100,
      cursor,
    });
    all.push(...(page.items as OpenFollowUp[]));
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  return all;
};

/**
 * What a new plan for a facility starts from: the open follow-ups (previous_followup) and
 * the outcomes and lessons of the last completed or verified visit there (trends_summary).
 */
export const carryOver = async (facilityId: string): Promise<CarryOver> => {
  const [completed, verified, followUps] = await Promise.all([
    lastOf(facilityId, 'completed'),
    lastOf(facilityId, 'verified'),
    openFollowUps(facilityId),
  ]);
  const candidates = [completed, verified].filter((i) => i !== undefined).map(toLog);
  const last = candidates.sort((a, b) => b.visit_date.localeCompare(a.visit_date))[0];
  const unlisted = followUps.length - LISTED_FOLLOW_UPS;
  const previous_followup = followUps.length
    ? [
        ...followUps
          .slice(0, LISTED_FOLLOW_UPS)
          .map(
            (f) =>
              `• ${f.action_item ?? ''}${f.due_date ? ` (due ${f.due_date})` : ''}${f.status === 'in_progress' ? ' — in progress' : ''}`,
          ),
        ...(unlisted > 0 ? [`…and ${unlisted} more open follow-ups at this facility.`] : []),
      ].join('\n')
    : null;
  const trends_summary = last
    ? [
        `Last visit ${last.visit_date}: ${last.visit_outcomes ?? 'no outcomes recorded'}`,
        last.lessons_learned ? `Lessons: ${last.lessons_learned}` : null,
      ]
        .filter(Boolean)
        .join('\n')
    : null;
  return {
    facility_id: facilityId,
    previous_followup,
    trends_summary,
    last_visit: last
      ? {
          id: last.id,
          visit_date: last.visit_date,
          visit_outcomes: last.visit_outcomes,
          lessons_learned: last.lessons_learned,
        }
      : null,
  };
};
