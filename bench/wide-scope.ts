import { randomUUID } from 'node:crypto';
import { assignmentItem } from '@dml/functions/data/assignments';
import { facilityItem } from '@dml/functions/data/facilities';
import { followUpItem, followUpScopePointerItem } from '@dml/functions/data/follow-ups';
import { logItem, scopePointerItem } from '@dml/functions/data/logs';
import { userItem } from '@dml/functions/data/users';
import { bulkPut } from '@dml/infra/local/testing/bulk';
import {
  addDays,
  type Facility,
  type FollowUp,
  type FollowUpStatus,
  type LogStatus,
  newDraftLog,
  type User,
} from '@dml/shared';
import { facility, random, user } from './fixtures.ts';

const FACILITIES = 1000;
const logStatuses: LogStatus[] = ['draft', 'submitted', 'returned', 'approved', 'completed', 'verified'];
const followUpStatuses: FollowUpStatus[] = ['pending', 'in_progress', 'completed'];

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
    const f = facilities[pick(FACILITIES)] as Facility;
    const m = mentors[pick(mentors.length)] as User;
    const log = newDraftLog(
      {
        id: randomUUID(),
        facility_id: f.id,
        facility_name: f.name,
        mentor_id: m.id,
        mentor_name: m.name,
        visit_date: addDays('2025-01-01', pick(700)),
      },
      at,
      { status: logStatuses[pick(logStatuses.length)] as LogStatus },
    );
    items.push(logItem(log), scopePointerItem(supervisor.id, log));
    if (i % 2) continue;
    const status = followUpStatuses[pick(followUpStatuses.length)] as FollowUpStatus;
    const followUp: FollowUp = {
      id: randomUUID(),
      mentorship_log_id: log.id,
      facility_id: f.id,
      facility_name: f.name,
      log_owner_id: m.id,
      action_item: 'Bench action',
      status,
      assigned_to: m.id,
      assigned_to_name: m.name,
      due_date: addDays('2025-06-01', pick(700)),
      notes: null,
      history: [],
      created_by: m.id,
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
