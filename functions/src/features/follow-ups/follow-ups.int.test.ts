import { createMailbox } from '@dml/infra/local/testing/mailbox';
import { startTestStack, type TestStack } from '@dml/infra/local/testing/stack';
import { addDays, ErrorBody, type FollowUp, type Notification, type Page } from '@dml/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../../../test/world.ts';

let stack: TestStack;
let world: World;
beforeAll(async () => {
  stack = await startTestStack();
  world = await buildWorld(stack);
}, 120_000);
afterAll(() => stack?.stop());

const create = async (
  overrides: Record<string, unknown> = {},
  token = world.tokens.ownerMentor,
  logId?: string,
) => {
  const log = logId ?? (await world.logs.inStatus('approved')).id;
  return stack.api.post<FollowUp>(
    `/api/mentorship-logs/${log}/follow-ups`,
    {
      action_item: 'Reorder malaria RDTs before stock runs out',
      assigned_to: world.users.ownerMentor.id,
      due_date: addDays(world.logs.today(), 5),
      ...overrides,
    },
    token,
  );
};

describe('follow-ups', () => {
  it('creates one on a log, assigned to a user covering the facility', async () => {
    const response = await create({
      assigned_to: world.users.supervisorInScope.id,
      notes: 'Ask the LGA store',
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      status: 'pending',
      version: 1,
      facility_name: 'In-Scope Clinic',
      assigned_to_name: 'Supervisor In Scope',
      completed_at: null,
    });
  });

  it('refuses an assignee outside the facility, a past due date, and strangers', async () => {
    const outsider = await create({ assigned_to: world.users.otherMentor.id });
    expect(outsider.status).toBe(400);
    expect(ErrorBody.parse(outsider.body).error.details?.[0]?.path).toBe('assigned_to');
    expect((await create({ due_date: addDays(world.logs.today(), -1) })).status).toBe(400);
    expect((await create({}, world.tokens.otherMentor)).status).toBe(404);
    expect((await create({}, world.tokens.supervisorOutOfScope)).status).toBe(404);
  });

  it('moves pending → in progress → completed, and back to pending only with a note', async () => {
    const { body: f } = await create();
    const move = (status: string, version: number, note?: string) =>
      stack.api.put<FollowUp>(
        `/api/follow-ups/${f.id}/status`,
        { status, version, ...(note ? { note } : {}) },
        world.tokens.ownerMentor,
      );
    expect((await move('in_progress', 1)).body.status).toBe('in_progress');
    const done = await move('completed', 2);
    expect(done.body.completed_at).not.toBeNull();
    expect((await move('pending', 3)).status).toBe(400);
    const reopened = await move('pending', 3, 'Stock ran out again');
    expect(reopened.body).toMatchObject({ status: 'pending', completed_at: null });
    expect(reopened.body.history.map((h) => `${h.from}→${h.to}`)).toEqual([
      'pending→in_progress',
      'in_progress→completed',
      'completed→pending',
    ]);
    expect((await move('completed', 1)).status).toBe(409);
  });

  it('lets the assignee update the status but not reassign; lets the log owner reassign', async () => {
    const { body: f } = await create(
      { assigned_to: world.users.supervisorInScope.id },
      world.tokens.ownerMentor,
    );
    const byAssignee = await stack.api.put(
      `/api/follow-ups/${f.id}/status`,
      { status: 'in_progress', version: 1 },
      world.tokens.supervisorInScope,
    );
    expect(byAssignee.status).toBe(200);
    const reassign = await stack.api.put<FollowUp>(
      `/api/follow-ups/${f.id}`,
      { version: 2, assigned_to: world.users.ownerMentor.id },
      world.tokens.ownerMentor,
    );
    expect(reassign.body.assigned_to).toBe(world.users.ownerMentor.id);
    expect((await stack.api.get(`/api/follow-ups/${f.id}`, world.tokens.otherMentor)).status).toBe(404);
  });

  it('lists by log, assigned to me, on my logs, and overdue', async () => {
    const log = await world.logs.inStatus('approved');
    const a = (
      await create(
        { assigned_to: world.users.supervisorInScope.id, due_date: world.logs.today() },
        world.tokens.ownerMentor,
        log.id,
      )
    ).body;
    const b = (await create({}, world.tokens.ownerMentor, log.id)).body;
    const ids = async (query: string, token: string | undefined) =>
      (await stack.api.get<Page<FollowUp>>(`/api/follow-ups?${query}`, token)).body.items.map((f) => f.id);
    expect((await ids(`mentorship_log_id=${log.id}`, world.tokens.supervisorInScope)).sort()).toEqual(
      [a.id, b.id].sort(),
    );
    expect(await ids('view=assigned&open=true', world.tokens.supervisorInScope)).toContain(a.id);
    expect(await ids('view=mine', world.tokens.ownerMentor)).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(
      await ids(`view=assigned&due_before=${world.logs.today()}`, world.tokens.supervisorInScope),
    ).toContain(a.id);
    expect(
      (await stack.api.get(`/api/follow-ups?mentorship_log_id=${log.id}`, world.tokens.otherMentor)).status,
    ).toBe(404);
  });

  it('closing removes a follow-up from the open list; deleting is for the log owner or an admin', async () => {
    const { body: f } = await create();
    const openIds = async () =>
      (
        await stack.api.get<Page<FollowUp>>('/api/follow-ups?open=true&limit=100', world.tokens.admin)
      ).body.items.map((x) => x.id);
    expect(await openIds()).toContain(f.id);
    await stack.api.put(
      `/api/follow-ups/${f.id}/status`,
      { status: 'completed', version: 1 },
      world.tokens.ownerMentor,
    );
    expect(await openIds()).not.toContain(f.id);
    expect(
      (await stack.api.delete(`/api/follow-ups/${f.id}?version=2`, world.tokens.supervisorInScope)).status,
    ).toBe(403);
    expect(
      (await stack.api.delete(`/api/follow-ups/${f.id}?version=2`, world.tokens.ownerMentor)).status,
    ).toBe(200);
    expect((await stack.api.get(`/api/follow-ups/${f.id}`, world.tokens.admin)).status).toBe(404);
  });

  it('tells the assignee in the app and by email', async () => {
    const { body: f } = await create({
      assigned_to: world.users.supervisorInScope.id,
      action_item: 'Check the cold chain log daily',
    });
    await stack.settle();
    const bell = await stack.api.get<Page<Notification>>(
      '/api/notifications',
      world.tokens.supervisorInScope,
    );
    expect(bell.body.items.find((n) => n.entity_id === f.id)).toMatchObject({ type: 'follow-up.assigned' });
    const mail = await createMailbox(stack.outputs.sesEndpoint).to(world.users.supervisorInScope.email);
    expect(mail.some((m) => m.body.text?.includes('Check the cold chain log daily'))).toBe(true);
  });

  it('pre-fills the next plan for the facility with its open follow-ups', async () => {
    await create({ action_item: 'Repair the delivery bed' });
    const carried = await stack.api.get<{ previous_followup: string }>(
      `/api/mentorship-logs/carry-over?facility_id=${world.facilities.inScope.id}`,
      world.tokens.ownerMentor,
    );
    expect(carried.body.previous_followup).toContain('Repair the delivery bed');
  });
});
