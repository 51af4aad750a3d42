import { invoke } from '@dml/infra/local/functions';
import { createMailbox } from '@dml/infra/local/testing/mailbox';
import { startTestStack, type TestStack } from '@dml/infra/local/testing/stack';
import type { LogAction, MentorshipLogView, Notification, Page } from '@dml/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, transitionBody, type World } from '../../../test/world.ts';

let stack: TestStack;
let world: World;
beforeAll(async () => {
  stack = await startTestStack();
  world = await buildWorld(stack);
}, 120_000);
afterAll(() => stack?.stop());

const eventsFor = (logId: string) =>
  stack.bus.published
    .filter((e) => (e.detail as { log_id?: string }).log_id === logId)
    .map((e) => e['detail-type']);

describe('domain events', () => {
  it('puts each committed transition on the bus exactly once, in order', async () => {
    const log = await world.logs.inStatus('draft');
    const steps: [LogAction, 'ownerMentor' | 'supervisorInScope' | 'admin'][] = [
      ['submit', 'ownerMentor'],
      ['withdraw', 'ownerMentor'],
      ['submit', 'ownerMentor'],
      ['return', 'supervisorInScope'],
      ['submit', 'ownerMentor'],
      ['approve', 'supervisorInScope'],
      ['complete', 'ownerMentor'],
      ['verify', 'supervisorInScope'],
      ['reopen', 'admin'],
    ];
    for (const [action, by] of steps)
      expect((await world.logs.act(log.id, action, world.tokens[by])).status).toBe(200);
    await stack.settle();
    expect(eventsFor(log.id)).toEqual([
      'mentorship-log.submitted',
      'mentorship-log.withdrawn',
      'mentorship-log.submitted',
      'mentorship-log.returned',
      'mentorship-log.submitted',
      'mentorship-log.approved',
      'mentorship-log.completed',
      'mentorship-log.verified',
      'mentorship-log.reopened',
    ]);
  });

  it('publishes nothing for a write that did not commit', async () => {
    const log = await world.logs.inStatus('draft');
    const stale = await stack.api.post(
      `/api/mentorship-logs/${log.id}/submit`,
      { version: log.version + 5 },
      world.tokens.ownerMentor,
    );
    expect(stale.status).toBe(409);
    const incomplete = await world.logs.inStatus('draft');
    await stack.api.put(
      `/api/mentorship-logs/${incomplete.id}`,
      { version: 1, objectives: [] },
      world.tokens.ownerMentor,
    );
    expect((await world.logs.act(incomplete.id, 'submit', world.tokens.ownerMentor)).status).toBe(422);

    // 20 racers, one commit: one event.
    const raced = await world.logs.inStatus('submitted');
    await Promise.all(
      Array.from({ length: 20 }, () =>
        stack.api.post<MentorshipLogView>(
          `/api/mentorship-logs/${raced.id}/approve`,
          transitionBody('approve', raced.version),
          world.tokens.supervisorInScope,
        ),
      ),
    );
    await stack.settle();
    expect(eventsFor(log.id)).toEqual([]);
    expect(eventsFor(incomplete.id)).toEqual([]);
    expect(eventsFor(raced.id)).toEqual(['mentorship-log.submitted', 'mentorship-log.approved']);
  });
});

describe('the notifier', () => {
  it('tells the facility’s supervisor about a submitted plan in the app and by email', async () => {
    const log = await world.logs.inStatus('submitted');
    await stack.settle();
    const inbox = await stack.api.get<Page<Notification>>(
      '/api/notifications',
      world.tokens.supervisorInScope,
    );
    const notice = inbox.body.items.find((n) => n.entity_id === log.id);
    expect(notice).toMatchObject({
      type: 'mentorship-log.submitted',
      read_at: null,
      link: `/logs/${log.id}`,
    });
    const mail = await createMailbox(stack.outputs.sesEndpoint).to(world.users.supervisorInScope.email);
    expect(mail.filter((m) => m.body.text?.includes(`/logs/${log.id}`))).toHaveLength(1);
    // The supervisor out of scope hears nothing of it.
    const other = await stack.api.get<Page<Notification>>(
      '/api/notifications',
      world.tokens.supervisorOutOfScope,
    );
    expect(other.body.items.find((n) => n.entity_id === log.id)).toBeUndefined();
  });

  it('processing the same event twice creates one notification and one email', async () => {
    const log = await world.logs.inStatus('approved');
    await stack.settle();
    const approved = stack.bus.published.find(
      (e) =>
        e['detail-type'] === 'mentorship-log.approved' && (e.detail as { log_id: string }).log_id === log.id,
    );
    expect(approved).toBeDefined();
    await invoke('notifier', approved);
    await invoke('notifier', approved);
    const mine = (
      await stack.api.get<Page<Notification>>('/api/notifications?limit=100', world.tokens.ownerMentor)
    ).body.items;
    expect(mine.filter((n) => n.entity_id === log.id && n.type === 'mentorship-log.approved')).toHaveLength(
      1,
    );
    const mail = await createMailbox(stack.outputs.sesEndpoint).to(world.users.ownerMentor.email);
    expect(
      mail.filter((m) => m.subject.startsWith('Plan approved') && m.body.text?.includes(`/logs/${log.id}`)),
    ).toHaveLength(1);
  });

  it('lists unread first, counts them, and marks one or all read', async () => {
    await world.logs.inStatus('submitted');
    await world.logs.inStatus('submitted');
    await stack.settle();
    const token = world.tokens.supervisorInScope;
    const before = (await stack.api.get<{ unread_count: number }>('/api/notifications/summary', token)).body
      .unread_count;
    expect(before).toBeGreaterThanOrEqual(2);
    const [first] = (await stack.api.get<Page<Notification>>('/api/notifications?unread=true', token)).body
      .items;
    const read = await stack.api.post<Notification>(`/api/notifications/${first?.id}/read`, undefined, token);
    expect(read.body.read_at).not.toBeNull();
    expect(
      (await stack.api.get<{ unread_count: number }>('/api/notifications/summary', token)).body.unread_count,
    ).toBe(before - 1);
    const list = (await stack.api.get<Page<Notification>>('/api/notifications?limit=100', token)).body.items;
    const firstReadIndex = list.findIndex((n) => n.read_at);
    expect(list.slice(firstReadIndex).every((n) => n.read_at)).toBe(true);
    const all = await stack.api.post<{ marked_read: number }>(
      '/api/notifications/read-all',
      undefined,
      token,
    );
    expect(all.body.marked_read).toBe(before - 1);
    expect(
      (await stack.api.get<{ unread_count: number }>('/api/notifications/summary', token)).body.unread_count,
    ).toBe(0);
    expect(
      (await stack.api.post(`/api/notifications/${first?.id}/read`, undefined, world.tokens.ownerMentor))
        .status,
    ).toBe(404);
  });
});
