import type { CarryOver } from '@dml/shared';
import { partitions } from '../../data/keys.ts';
import { toLog } from '../../data/logs.ts';
import { queryPage } from '../../data/query.ts';

const lastOf = async (facilityId: string, status: 'completed' | 'verified') =>
  (
    await queryPage({
      index: 'gsi4',
      partition: partitions.logsByFacilityStatus(facilityId, status),
      ascending: false,
      limit: 1,
    })
  ).items[0];

/** Open follow-ups of a facility sort first in its follow-up partition ("0#<due>…"). */
const openFollowUps = async (facilityId: string) =>
  (
    await queryPage({
      index: 'gsi4',
      partition: partitions.followUpsByFacility(facilityId),
      range: { beginsWith: '0#' },
      limit: 20,
    })
  ).items as {
    action_item?: string;
    due_date?: string | null;
    status?: string;
  }[];

/**
 * What a new plan for a facility starts from (DESIGN §6): the open follow-ups (previous_followup) and
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
  const previous_followup = followUps.length
    ? followUps
        .map(
          (f) =>
            `• ${f.action_item ?? ''}${f.due_date ? ` (due ${f.due_date})` : ''}${f.status === 'in_progress' ? ' — in progress' : ''}`,
        )
        .join('\n')
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
