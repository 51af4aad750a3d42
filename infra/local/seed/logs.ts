import { logIndexes, partitions } from '@dml/functions/data/keys';
import { queryPage } from '@dml/functions/data/query';
import { getUser } from '@dml/functions/data/users';
import { changeFollowUpStatus, createFollowUp } from '@dml/functions/features/follow-ups/service';
import { createLog, transitionLog } from '@dml/functions/features/logs/service';
import type { Actor } from '@dml/functions/http/actor';
import { addDays, DEFAULT_TIME_ZONE, type LogAction, todayIn } from '@dml/shared';

const actorOf = async (id: string): Promise<Actor> => {
  const user = await getUser(id);
  if (!user) throw new Error(`demo user ${id} missing`);
  return { id: user.id, role: user.role, email: user.email, name: user.name, profile: user };
};

/** Noon UTC `days` from today: a plausible time for a step taken on that day. */
const dayAt = (today: string, days: number) => new Date(`${addDays(today, days)}T11:00:00Z`);

const hasLogs = async (mentorId: string) =>
  (await queryPage({ index: logIndexes.byMentor, partition: partitions.logsByMentor(mentorId), limit: 1 }))
    .items.length > 0;

type Step = { action: LogAction; by: Actor; day: number; comment?: string; outcomes?: string };

/**
 * Demo visits in every state, made through the same services the API uses (so trail, audit, events,
 * scope pointers and review backlog are all real), with their steps dated in the past: a verified
 * visit with an overdue follow-up, one awaiting verification, an approved visit tomorrow, a plan
 * waiting for approval for four days, a returned plan, drafts. Skipped when the demo mentor has logs.
 */
export const seedLogs = async (
  users: Record<string, string>,
  facilities: Record<string, string>,
  now = new Date(),
) => {
  const id = (email: string) => users[email] ?? '';
  const [mentor, mentor2, supervisor] = await Promise.all(
    ['mentor@example.org', 'mentor2@example.org', 'supervisor@example.org'].map((e) => actorOf(id(e))),
  );
  if (!mentor || !mentor2 || !supervisor) return 0;
  if (await hasLogs(mentor.id)) return 0;
  const today = todayIn(DEFAULT_TIME_ZONE, now);

  const visit = async (
    owner: Actor,
    code: string,
    plannedOn: number,
    visitOn: number,
    plan: { summary: string; objectives: string[]; gaps?: string },
    steps: Step[],
  ) => {
    const created = await createLog(
      owner,
      {
        facility_id: facilities[code] ?? '',
        visit_date: addDays(today, visitOn),
        performance_summary: plan.summary,
        identified_gaps: plan.gaps ?? null,
        objectives: plan.objectives,
        staff_to_engage: ['Officer in charge', 'Pharmacy technician'],
        resources_needed: 'Job aids, stock cards',
      },
      undefined,
      dayAt(today, plannedOn),
    );
    let version = created.version;
    for (const step of steps) {
      const body =
        step.action === 'complete'
          ? {
              version,
              visit_outcomes: step.outcomes ?? 'Visit held as planned; objectives met.',
              lessons_learned: 'Schedule visits away from clinic days.',
            }
          : step.action === 'return'
            ? { version, comment: step.comment ?? 'Please add more detail.' }
            : { version, ...(step.comment ? { comment: step.comment } : {}) };
      version = (await transitionLog(step.by, created.id, step.action, body, dayAt(today, step.day))).version;
    }
    return created.id;
  };

  const verified = await visit(
    mentor,
    'KN-001',
    -40,
    -35,
    {
      summary: 'ANC first-visit coverage fell to 41% in Q3; registers incomplete.',
      objectives: ['Review ANC registers with the midwives', 'Agree a defaulter tracing plan'],
      gaps: 'No defaulter tracing',
    },
    [
      { action: 'submit', by: mentor, day: -40 },
      { action: 'approve', by: supervisor, day: -39 },
      {
        action: 'complete',
        by: mentor,
        day: -35,
        outcomes: 'Registers reviewed with 3 midwives; tracing plan agreed with the CHEWs.',
      },
      { action: 'verify', by: supervisor, day: -30 },
    ],
  );
  await visit(
    mentor,
    'KN-002',
    -12,
    -5,
    {
      summary: 'Malaria RDT stock-outs in two of the last three months.',
      objectives: ['Reconcile stock cards', 'Train two staff on RDT use'],
    },
    [
      { action: 'submit', by: mentor, day: -12 },
      { action: 'approve', by: supervisor, day: -11 },
      {
        action: 'complete',
        by: mentor,
        day: -5,
        outcomes: 'Stock cards reconciled; two staff trained on RDT use.',
      },
    ],
  );
  await visit(
    mentor,
    'KN-003',
    -6,
    1,
    {
      summary: 'Immunisation drop-out rate (Penta1–Penta3) at 18%.',
      objectives: ['Review the immunisation tally sheets'],
    },
    [
      { action: 'submit', by: mentor, day: -6 },
      { action: 'approve', by: supervisor, day: -5 },
    ],
  );
  await visit(
    mentor,
    'KN-001',
    -4,
    7,
    {
      summary: 'Follow-up on ANC coverage and defaulter tracing.',
      objectives: ['Check the tracing register', 'Coach the new midwife'],
    },
    [{ action: 'submit', by: mentor, day: -4 }],
  );
  await visit(
    mentor,
    'KN-002',
    -3,
    10,
    { summary: 'Cold chain temperature log gaps.', objectives: ['Inspect the fridge log'] },
    [
      { action: 'submit', by: mentor, day: -3 },
      {
        action: 'return',
        by: supervisor,
        day: -2,
        comment: 'Add the temperature excursions from last month and who you will meet.',
      },
    ],
  );
  await visit(
    mentor,
    'KN-003',
    0,
    14,
    { summary: 'Draft: family planning commodity review.', objectives: ['Count implants and injectables'] },
    [],
  );
  const verified2 = await visit(
    mentor2,
    'KD-001',
    -30,
    -25,
    {
      summary: 'Partograph use below 50% of deliveries.',
      objectives: ['Observe two deliveries', 'Run a partograph refresher'],
    },
    [
      { action: 'submit', by: mentor2, day: -30 },
      { action: 'approve', by: supervisor, day: -29 },
      {
        action: 'complete',
        by: mentor2,
        day: -25,
        outcomes: 'Refresher held for 5 midwives; partograph use audited.',
      },
      { action: 'verify', by: supervisor, day: -20 },
    ],
  );
  await visit(
    mentor2,
    'KD-002',
    -2,
    5,
    {
      summary: 'Lab turnaround for TB GeneXpert results > 7 days.',
      objectives: ['Map the sample transport route'],
    },
    [{ action: 'submit', by: mentor2, day: -2 }],
  );
  const draft2 = await visit(
    mentor2,
    'KD-003',
    0,
    9,
    { summary: 'Draft: nutrition screening in OPD.', objectives: ['Check MUAC tapes'] },
    [],
  );

  const followUp = (
    by: Actor,
    logId: string,
    assignee: Actor,
    action: string,
    dueIn: number,
    createdOn: number,
  ) =>
    createFollowUp(
      by,
      logId,
      { action_item: action, assigned_to: assignee.id, due_date: addDays(today, dueIn), notes: null },
      undefined,
      dayAt(today, Math.min(createdOn, dueIn)),
    );
  const done = await followUp(mentor, verified, mentor, 'Print and distribute new ANC registers', -20, -35);
  await changeFollowUpStatus(
    mentor,
    done.id,
    { version: done.version, status: 'completed' },
    dayAt(today, -21),
  );
  await followUp(mentor, verified, mentor, 'Start weekly defaulter tracing with the CHEWs', -3, -35);
  const progressing = await followUp(
    mentor,
    verified,
    mentor,
    'Report tracing results to the LGA focal person',
    2,
    -30,
  );
  await changeFollowUpStatus(
    mentor,
    progressing.id,
    { version: progressing.version, status: 'in_progress' },
    dayAt(today, -1),
  );
  await followUp(mentor2, verified2, mentor2, 'Stock partograph forms in the labour ward', -12, -25);
  await followUp(supervisor, draft2, mentor2, 'Request MUAC tapes from the state nutrition officer', 2, 0);
  return 9;
};
