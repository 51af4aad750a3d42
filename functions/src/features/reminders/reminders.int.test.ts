import { randomUUID } from 'node:crypto';
import { followUpItem } from '@dml/functions/data/follow-ups';
import { keys } from '@dml/functions/data/keys';
import { logItem } from '@dml/functions/data/logs';
import { bulkPut } from '@dml/infra/local/testing/bulk';
import { createMailbox } from '@dml/infra/local/testing/mailbox';
import { startTestStack, type TestStack } from '@dml/infra/local/testing/stack';
import { addDays, type FollowUp, type FollowUpStatus, type MentorshipLog, newDraftLog } from '@dml/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../../../test/world.ts';

let stack: TestStack;
let world: World;
const DAY = '2026-12-10';
const AT = `${DAY}T05:00:00Z`; // 06:00 in Lagos, the schedule's zone
type Person = { id: string; email: string; name: string };
let assignee: Person;
let optedOut: Person;

const trigger = async () => {
  const response = await fetch(`${stack.outputs.apiUrl}/_local/schedules/reminders?at=${AT}`, {
    method: 'POST',
    headers: { 'x-dml-local-control': '1' },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, number>;
};

beforeAll(async () => {
  // No demo visits: this test counts exactly what it puts in.
  stack = await startTestStack({ demoLogs: false });
  world = await buildWorld(stack);
  const facility = world.facilities.inScope;
  assignee = await world.people.user('mentor', { facilities: [facility.id], name: 'Assignee Mentor' });
  const quiet = await world.people.user('mentor', { facilities: [facility.id], name: 'Quiet Mentor' });
  await stack.api.put(`/api/users/${quiet.id}`, { version: 1, reminder_emails: false }, quiet.token);
  optedOut = quiet;

  const owner = world.users.ownerMentor;
  const supervisor = world.users.supervisorInScope;
  const at = new Date().toISOString();
  const logId = randomUUID();
  const followUp = (
    due: string,
    assignedTo: Person,
    status: FollowUpStatus = 'pending',
    action = `Action due ${due}`,
  ): FollowUp => ({
    id: randomUUID(),
    mentorship_log_id: logId,
    facility_id: facility.id,
    facility_name: facility.name,
    log_owner_id: owner.id,
    action_item: action,
    status,
    assigned_to: assignedTo.id,
    assigned_to_name: assignedTo.name,
    due_date: due,
    notes: null,
    history: [],
    created_by: owner.id,
    created_at: at,
    updated_at: at,
    completed_at: status === 'completed' ? at : null,
    version: 1,
  });
  const due = [
    // Due within 3 days: to the assignee.
    followUp(DAY, assignee),
    followUp(addDays(DAY, 1), assignee),
    followUp(addDays(DAY, 3), supervisor),
    followUp(addDays(DAY, 2), optedOut),
    // Overdue up to 7 days: also to the log's owner.
    followUp(addDays(DAY, -1), assignee),
    followUp(addDays(DAY, -3), assignee),
    followUp(addDays(DAY, -7), assignee),
    followUp(addDays(DAY, -2), supervisor, 'in_progress'),
    followUp(addDays(DAY, -5), supervisor),
    // Overdue more than 7 days: escalated to the facility's supervisor.
    followUp(addDays(DAY, -8), assignee),
    followUp(addDays(DAY, -20), assignee),
    followUp(addDays(DAY, -30), assignee, 'in_progress'),
  ];
  const notDue = Array.from({ length: 988 }, (_, i) =>
    i % 2
      ? followUp(addDays(DAY, 4 + (i % 90)), assignee)
      : followUp(addDays(DAY, -(i % 60)), assignee, 'completed'),
  );
  const visit = (
    visitDate: string,
    status: MentorshipLog['status'],
    extra: Partial<MentorshipLog> = {},
  ): MentorshipLog =>
    newDraftLog(
      {
        id: randomUUID(),
        facility_id: facility.id,
        facility_name: facility.name,
        mentor_id: owner.id,
        mentor_name: owner.name,
        visit_date: visitDate,
      },
      at,
      { status, ...extra },
    );
  const tomorrow = visit(addDays(DAY, 1), 'approved');
  const waiting = visit(addDays(DAY, 6), 'submitted', { submitted_at: `${addDays(DAY, -5)}T09:00:00.000Z` });
  await bulkPut([
    ...[...due, ...notDue].map(followUpItem),
    logItem(tomorrow),
    logItem(waiting),
    {
      ...keys.reviewQueue(waiting.submitted_at ?? '', waiting.id),
      entity: 'review_wait',
      log_id: waiting.id,
      facility_id: facility.id,
      status: 'submitted',
      facility_name: facility.name,
      mentor_name: owner.name,
      visit_date: waiting.visit_date,
    },
  ]);
}, 180_000);
afterAll(() => stack?.stop());

describe('the daily reminders job', () => {
  it('sends one digest per person with something due, reading only the due follow-ups', async () => {
    const report = await trigger();
    expect(report.follow_ups_due).toBe(12);
    expect(report.follow_ups_evaluated).toBeLessThanOrEqual(12 * 1.2 + 1);
    expect(report.digests_sent).toBe(3);
    expect(report.opted_out).toBe(1);

    const mailbox = createMailbox(stack.outputs.sesEndpoint);
    const digestsTo = async (email: string) =>
      (await mailbox.to(email)).filter((m) => m.subject === `Your mentorship reminders for ${DAY}`);
    const [forAssignee] = await digestsTo(assignee.email);
    const [forOwner] = await digestsTo(world.users.ownerMentor.email);
    const [forSupervisor] = await digestsTo(world.users.supervisorInScope.email);
    expect(await digestsTo(optedOut.email)).toEqual([]);

    const text = (m: typeof forAssignee) => m?.body.text ?? '';
    // Assignee: 2 due soon, 6 overdue (3 of them over a week), each once.
    expect(text(forAssignee).match(/• Action due/g)).toHaveLength(8);
    expect(text(forAssignee)).toContain('Follow-ups due in the next days');
    expect(text(forAssignee)).toContain(
      `Action due ${addDays(DAY, -30)} — In-Scope Clinic, due ${addDays(DAY, -30)} (30 days overdue)`,
    );
    // Owner: every overdue item (8) and tomorrow's approved visit.
    expect(text(forOwner).match(/• Action due/g)).toHaveLength(8);
    expect(text(forOwner)).toContain('Approved visits tomorrow');
    // Supervisor: own due-soon and overdue items, the 3 escalations, the plan waiting 5 days.
    expect(text(forSupervisor)).toContain('Overdue for more than a week');
    expect(text(forSupervisor).match(/days overdue/g)?.length).toBeGreaterThanOrEqual(5);
    expect(text(forSupervisor)).toContain('waiting 4 days');
    expect(forSupervisor?.body.html).toContain(`${stack.outputs.webUrl}/follow-ups`);
  });

  it('sends nothing more when run again the same day', async () => {
    const before = (await createMailbox(stack.outputs.sesEndpoint).all()).length;
    const report = await trigger();
    expect(report.digests_sent).toBe(0);
    expect(report.already_sent).toBe(3);
    expect((await createMailbox(stack.outputs.sesEndpoint).all()).length).toBe(before);
  });
});
