import { randomUUID } from 'node:crypto';
import { assignmentItem } from '@dml/functions/data/assignments';
import { facilityItem } from '@dml/functions/data/facilities';
import { followUpItem, followUpScopePointerItem } from '@dml/functions/data/follow-ups';
import { logItem, scopePointerItem } from '@dml/functions/data/logs';
import { userItem } from '@dml/functions/data/users';
import { bulkPut } from '@dml/infra/local/testing/bulk';
import { addDays, type FollowUp, type FollowUpStatus, followUpStatuses, type User } from '@dml/shared';
import { facility, random, randomLog, user } from './fixtures.ts';

const FACILITIES = 1000;

/**
 * A supervisor covering 1 000 facilities (more than any `IN` list holds), `count` logs of the given mentors
 * spread over them, and a follow-up on every second log, each with the pointers the write path
 * gives the supervisor.
 */
export const loadWideScope = async (count: number, mentors: readonly User[]) => {
  const supervisor = user('supervisor', 'Bench Wide Supervisor');
  const facilities = Array.from({ length: FACILITIES }, (_, i) => facility(10_000 + i));
  const pick = random(11);
  const at = new Date().toISOString();
  const items: Record<string, unknown>[] = [
    userItem(supervisor),
    ...facilities.map(facilityItem),
    ...facilities.map((f) =>
      assignmentItem({ user_id: supervisor.id, facility_id: f.id, assigned_at: at, assigned_by: 'bench' }),
    ),
  ];
  for (let i = 0; i < count; i++) {
    const log = randomLog(facilities, mentors, pick, at);
    items.push(logItem(log), scopePointerItem(supervisor.id, log));
    if (i % 2) continue;
    const status = followUpStatuses[pick(followUpStatuses.length)] as FollowUpStatus;
    const followUp: FollowUp = {
      id: randomUUID(),
      mentorship_log_id: log.id,
      facility_id: log.facility_id,
      facility_name: log.facility_name,
      log_owner_id: log.mentor_id,
      action_item: 'Bench action',
      status,
      assigned_to: log.mentor_id,
      assigned_to_name: log.mentor_name,
      due_date: addDays('2025-06-01', pick(700)),
      notes: null,
      history: [],
      created_by: log.mentor_id,
      created_at: at,
      updated_at: at,
      completed_at: status === 'completed' ? at : null,
      version: 1,
    };
    items.push(followUpItem(followUp), followUpScopePointerItem(supervisor.id, followUp));
  }
  await bulkPut(items);
  return { supervisor, facilities };
};
