import { randomUUID } from 'node:crypto';
import { assignmentItem } from '@dml/functions/data/assignments';
import { facilityItem } from '@dml/functions/data/facilities';
import { followUpItem } from '@dml/functions/data/follow-ups';
import { getUser } from '@dml/functions/data/users';
import { followUpsOf } from '@dml/functions/features/exports/common';
import { createFollowUp } from '@dml/functions/features/follow-ups/service';
import { MAX_USERS_PER_FACILITY } from '@dml/functions/features/users/assignments';
import { bulkPut } from '@dml/infra/local/testing/bulk';
import { startTestStack, type TestStack } from '@dml/infra/local/testing/stack';
import {
  addDays,
  ErrorBody,
  type ExportFile,
  type Facility,
  type FollowUp,
  type LogSummary,
  type MentorshipLogView,
  type Page,
} from '@dml/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from './world.ts';

let stack: TestStack;
let world: World;
beforeAll(async () => {
  stack = await startTestStack();
  world = await buildWorld(stack);
}, 120_000);
afterAll(() => stack?.stop());

const wideFacility = (id: string, i: number): Facility => {
  const at = new Date().toISOString();
  return {
    id,
    name: `Wide Facility ${i}`,
    code: `WF-${id.slice(0, 8)}`,
    location: null,
    state: 'Kano',
    facility_type: 'clinic',
    contact_person: null,
    contact_email: null,
    contact_phone: null,
    latitude: 12,
    longitude: 8.5,
    geofence_radius_m: 500,
    deleted_at: null,
    version: 1,
    created_at: at,
    updated_at: at,
  };
};

/** Every item of a list, page by page (limit 100), so a test sees what a scrolling user would. */
const everything = async <T extends { id: string }>(path: string, token: string | undefined) => {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const response: { status: number; body: Page<T> } = await stack.api.get<Page<T>>(
      `${path}${sep}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      token,
    );
    expect(response.status, `${path}: ${JSON.stringify(response.body)}`).toBe(200);
    items.push(...response.body.items);
    cursor = response.body.next_cursor;
  } while (cursor);
  return items.map((i) => i.id);
};

/**
 * A supervisor covering `size` facilities (assigned through the API, or written straight to the
 * table when that would only be slow), and a mentor's log with four follow-ups at the facility
 * that sorts last. The last facility joins the supervisor's scope after its log and follow-ups exist
 * (the pointer backfill), and the log and follow-ups change after that (the write path).
 */
const wideScope = async (size: number, via: 'API' | 'data layer') => {
  const ids = Array.from({ length: size }, () => randomUUID()).sort();
  const last = ids.at(-1) as string;
  await bulkPut(ids.map((id, i) => facilityItem(wideFacility(id, i))));
  const admin = await world.people.admin();
  const supervisor = await world.people.user('supervisor');
  const first = ids.slice(0, -1);
  if (via === 'API') {
    // One request assigns at most 500 facilities.
    for (let i = 0; i < first.length; i += 500) {
      const assigned = await stack.api.post(
        `/api/users/${supervisor.id}/assign-facilities`,
        { facility_ids: first.slice(i, i + 500), mode: 'add' },
        admin,
      );
      expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    }
  } else {
    // Nothing is at these facilities yet, so the assignments are all there is to write.
    const at = new Date().toISOString();
    await bulkPut(
      first.map((id) =>
        assignmentItem({ user_id: supervisor.id, facility_id: id, assigned_at: at, assigned_by: 'test' }),
      ),
    );
  }
  const mentor = await world.people.user('mentor', { facilities: [last] });
  const today = world.logs.today();
  const word = `widescope${size}`;
  const created = await stack.api.post<MentorshipLogView>(
    '/api/mentorship-logs',
    {
      facility_id: last,
      visit_date: today,
      performance_summary: `Registers checked (${word}).`,
      objectives: ['Review ANC registers'],
    },
    mentor.token,
  );
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const log = created.body;
  const followUp = async (item: string, dueIn: number) => {
    const response = await stack.api.post<FollowUp>(
      `/api/mentorship-logs/${log.id}/follow-ups`,
      { action_item: item, assigned_to: mentor.id, due_date: addDays(today, dueIn) },
      mentor.token,
    );
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body;
  };
  const pending = await followUp('Pending item', 5);
  const progressing = await followUp('In-progress item', 6);
  const done = await followUp('Completed item', 7);
  // Overdue: agreed ten days ago, due three days ago (the API refuses a due date in the past).
  const profile = await getUser(mentor.id);
  if (!profile) throw new Error('no mentor profile');
  const overdue = await createFollowUp(
    { id: profile.id, role: profile.role, email: profile.email, name: profile.name, profile },
    log.id,
    { action_item: 'Overdue item', assigned_to: mentor.id, due_date: addDays(today, -3) },
    undefined,
    new Date(Date.now() - 10 * 86_400_000),
  );

  const added = await stack.api.post(
    `/api/users/${supervisor.id}/assign-facilities`,
    { facility_ids: [last], mode: 'add' },
    admin,
  );
  expect(added.status, JSON.stringify(added.body)).toBe(200);

  const submitted = await stack.api.post<MentorshipLogView>(
    `/api/mentorship-logs/${log.id}/submit`,
    { version: log.version },
    mentor.token,
  );
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  const move = async (f: FollowUp, status: string) => {
    const current = await stack.api.get<FollowUp>(`/api/follow-ups/${f.id}`, mentor.token);
    const moved = await stack.api.put(
      `/api/follow-ups/${f.id}/status`,
      { status, version: current.body.version },
      mentor.token,
    );
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
  };
  await move(progressing, 'in_progress');
  await move(done, 'in_progress');
  await move(done, 'completed');
  return {
    supervisor,
    mentor,
    last,
    log: submitted.body,
    word,
    today,
    followUps: { pending, progressing, done, overdue },
  };
};

describe.each([
  [150, 'API'],
  [1000, 'data layer'],
] as const)('a supervisor covering %i facilities (assigned through the %s)', (size, via) => {
  let scope: Awaited<ReturnType<typeof wideScope>>;
  beforeAll(async () => {
    scope = await wideScope(size, via);
  }, 300_000);

  it('sees the log at the last facility in every log list and filter combination', async () => {
    const { supervisor, mentor, last, log, word, today } = scope;
    const combos: Record<string, string>[] = [
      {},
      { status: 'submitted' },
      { mentor_id: mentor.id },
      { mentor_id: mentor.id, status: 'submitted' },
      { facility_id: last },
      { facility_id: last, status: 'submitted' },
      { facility_id: last, mentor_id: mentor.id },
      { from: today, to: today },
      { from: today, to: today, status: 'submitted' },
      { from: today, to: today, mentor_id: mentor.id },
      { from: today, to: today, mentor_id: mentor.id, status: 'submitted' },
      { q: word },
      { q: word, mentor_id: mentor.id },
      { q: word, status: 'submitted' },
      { sort: 'visit_date', mentor_id: mentor.id },
    ];
    for (const combo of combos) {
      const ids = await everything<LogSummary>(
        `/api/mentorship-logs?${new URLSearchParams(combo)}`,
        supervisor.token,
      );
      expect(ids, JSON.stringify(combo)).toContain(log.id);
    }
    // The filters still filter.
    const excluding: Record<string, string>[] = [
      { status: 'approved' },
      { mentor_id: mentor.id, status: 'draft' },
    ];
    for (const combo of excluding) {
      const ids = await everything<LogSummary>(
        `/api/mentorship-logs?${new URLSearchParams(combo)}`,
        supervisor.token,
      );
      expect(ids, JSON.stringify(combo)).not.toContain(log.id);
    }
  });

  it('sees its follow-ups in every follow-up list and filter', async () => {
    const { supervisor, last, log, today, followUps: f } = scope;
    const cases: [Record<string, string>, FollowUp[]][] = [
      [{}, [f.pending, f.progressing, f.done, f.overdue]],
      [{ open: 'true' }, [f.pending, f.progressing, f.overdue]],
      [{ overdue: 'true' }, [f.overdue]],
      [{ status: 'pending' }, [f.pending, f.overdue]],
      [{ status: 'pending', overdue: 'true' }, [f.overdue]],
      [{ status: 'in_progress' }, [f.progressing]],
      [{ status: 'completed' }, [f.done]],
      [{ due_before: addDays(today, 5) }, [f.pending, f.overdue]],
      [{ open: 'true', due_before: addDays(today, 6) }, [f.pending, f.progressing, f.overdue]],
      [{ facility_id: last }, [f.pending, f.progressing, f.done, f.overdue]],
      [{ facility_id: last, status: 'completed' }, [f.done]],
      [{ mentorship_log_id: log.id }, [f.pending, f.progressing, f.done, f.overdue]],
      [{ mentorship_log_id: log.id, open: 'true' }, [f.pending, f.progressing, f.overdue]],
    ];
    for (const [query, expected] of cases) {
      const ids = await everything<FollowUp>(
        `/api/follow-ups?${new URLSearchParams(query)}`,
        supervisor.token,
      );
      expect([...ids].sort(), JSON.stringify(query)).toEqual(expected.map((x) => x.id).sort());
    }
  });

  it('exports the log and its follow-ups with a mentor filter', async () => {
    const exported = await stack.api.get<ExportFile>(
      `/api/reports/export?mentor_id=${scope.mentor.id}`,
      scope.supervisor.token,
    );
    expect(exported.status, JSON.stringify(exported.body)).toBe(200);
    expect(exported.body.rows).toEqual({ logs: 1, follow_ups: 4 });
  });
});

describe('no silent limits elsewhere', () => {
  it('exports every follow-up of a log with 150 of them', async () => {
    const log = await world.logs.inStatus('approved');
    const at = new Date().toISOString();
    const items = Array.from({ length: 150 }, (_, i) =>
      followUpItem({
        id: randomUUID(),
        mentorship_log_id: log.id,
        facility_id: log.facility_id,
        facility_name: log.facility_name,
        log_owner_id: log.mentor_id,
        action_item: `Action ${i}`,
        status: 'pending',
        assigned_to: log.mentor_id,
        assigned_to_name: log.mentor_name,
        due_date: addDays(world.logs.today(), 1 + (i % 30)),
        notes: null,
        history: [],
        created_by: log.mentor_id,
        created_at: at,
        updated_at: at,
        completed_at: null,
        version: 1,
      }),
    );
    await bulkPut(items);
    expect(await followUpsOf(log.id)).toHaveLength(150);
    const exported = await stack.api.get<ExportFile>(
      `/api/reports/export?from=${log.visit_date}&to=${log.visit_date}&status=approved`,
      world.tokens.ownerMentor,
    );
    expect(exported.status, JSON.stringify(exported.body)).toBe(200);
    expect(exported.body.rows?.follow_ups).toBe(150);
    const report = await stack.api.post(
      `/api/mentorship-logs/${log.id}/export`,
      undefined,
      world.tokens.ownerMentor,
    );
    expect(report.status, JSON.stringify(report.body)).toBe(200);
    expect(
      await everything<FollowUp>(`/api/follow-ups?mentorship_log_id=${log.id}`, world.tokens.ownerMentor),
    ).toHaveLength(150);
  });

  it('names the 20 soonest open follow-ups in a new plan and counts the rest', async () => {
    const facility = await world.people.facility();
    const at = new Date().toISOString();
    await bulkPut(
      Array.from({ length: 25 }, (_, i) =>
        followUpItem({
          id: randomUUID(),
          mentorship_log_id: randomUUID(),
          facility_id: facility.id,
          facility_name: facility.name,
          log_owner_id: world.users.ownerMentor.id,
          action_item: `Carried ${String(i).padStart(2, '0')}`,
          status: 'pending',
          assigned_to: world.users.ownerMentor.id,
          assigned_to_name: 'Owner Mentor',
          due_date: addDays(world.logs.today(), i),
          notes: null,
          history: [],
          created_by: world.users.ownerMentor.id,
          created_at: at,
          updated_at: at,
          completed_at: null,
          version: 1,
        }),
      ),
    );
    const carried = await stack.api.get<{ previous_followup: string | null }>(
      `/api/mentorship-logs/carry-over?facility_id=${facility.id}`,
      world.tokens.admin,
    );
    expect(carried.status).toBe(200);
    const lines = carried.body.previous_followup?.split('\n') ?? [];
    expect(lines).toHaveLength(21);
    expect(lines[19]).toContain('Carried 19');
    expect(lines[20]).toBe('…and 5 more open follow-ups at this facility.');
  });

  it(`refuses, with a 400 naming the facility, a user beyond ${MAX_USERS_PER_FACILITY} covering one facility`, async () => {
    const facility = await world.people.facility();
    const at = new Date().toISOString();
    await bulkPut(
      Array.from({ length: MAX_USERS_PER_FACILITY }, () =>
        assignmentItem({
          user_id: randomUUID(),
          facility_id: facility.id,
          assigned_at: at,
          assigned_by: 'test',
        }),
      ),
    );
    const refused = await stack.api.post(
      `/api/users/${world.users.otherMentor.id}/assign-facilities`,
      { facility_ids: [world.facilities.outOfScope.id, facility.id], mode: 'add' },
      world.tokens.admin,
    );
    expect(refused.status).toBe(400);
    expect(ErrorBody.parse(refused.body).error.details).toEqual([
      {
        path: 'facility_ids.1',
        message: `facility ${facility.id} already has ${MAX_USERS_PER_FACILITY} users covering it`,
      },
    ]);
    const assigned = await stack.api.get<{ items: Facility[] }>(
      `/api/users/${world.users.otherMentor.id}/assigned-facilities`,
      world.tokens.admin,
    );
    expect(assigned.body.items.map((f) => f.id)).toEqual([world.facilities.outOfScope.id]);
  });
});
