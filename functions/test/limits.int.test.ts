import { startTestStack, type TestStack } from '@dml/infra/local/testing/stack';
import {
  DEFAULT_TIME_ZONE,
  ErrorBody,
  type FollowUp,
  LogHistory,
  type MentorshipLogView,
  REVIEW_TRAIL_INLINE,
  todayIn,
} from '@dml/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getUser } from '#data/users';
import { rateLimits } from '#domain/rate-limits';
import { transitionLog } from '#features/logs/service';
import type { Actor } from '#http/actor';
import { buildWorld, type World } from './world.ts';

let stack: TestStack;
let world: World;
beforeAll(async () => {
  stack = await startTestStack();
  world = await buildWorld(stack);
}, 120_000);
afterAll(() => stack?.stop());

const expectRateLimited = (response: { status: number; body: unknown; headers: Headers }) => {
  expect(response.status).toBe(429);
  const error = ErrorBody.parse(response.body).error;
  expect(error.code).toBe('rate_limited');
  expect(error.message).toMatch(/^At most \d+ .+; try again in \d+ (minutes?|hours)\.$/);
  const retryAfter = Number(response.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThan(0);
  expect(error.retry_after_seconds).toBe(retryAfter);
};

describe('actions that send email are limited per person', () => {
  it('stops a submit → withdraw loop on one log with a 429, changing nothing', async () => {
    const log = await world.logs.inStatus('draft');
    let version = log.version;
    const act = (action: 'submit' | 'withdraw') =>
      stack.api.post<MentorshipLogView>(
        `/api/mentorship-logs/${log.id}/${action}`,
        { version },
        world.tokens.ownerMentor,
      );
    for (let i = 0; i < rateLimits.reviewRequestsOfOneLog.limit; i++) {
      const submitted = await act('submit');
      expect(submitted.status).toBe(200);
      const withdrawn = await stack.api.post<MentorshipLogView>(
        `/api/mentorship-logs/${log.id}/withdraw`,
        { version: submitted.body.version },
        world.tokens.ownerMentor,
      );
      expect(withdrawn.status).toBe(200);
      version = withdrawn.body.version;
    }
    const refused = await act('submit');
    expectRateLimited(refused);
    const after = await stack.api.get<MentorshipLogView>(
      `/api/mentorship-logs/${log.id}`,
      world.tokens.admin,
    );
    expect(after.body).toMatchObject({ status: 'draft', version });
  });

  it('limits follow-ups created per hour (each emails its assignee)', async () => {
    const log = await world.logs.inStatus('approved');
    const create = (n: number) =>
      stack.api.post(
        `/api/mentorship-logs/${log.id}/follow-ups`,
        {
          action_item: `Recount stock card ${n}`,
          assigned_to: world.users.ownerMentor.id,
          due_date: todayIn(DEFAULT_TIME_ZONE, new Date()),
        },
        world.tokens.supervisorInScope,
      );
    for (let n = 0; n < rateLimits.createFollowUp.limit; n++) expect((await create(n)).status).toBe(201);
    expectRateLimited(await create(999));
  });

  it('limits invitation resends to one person', async () => {
    const invited = await stack.api.post<{ id: string }>(
      '/api/users',
      { email: `resend-limit-${Date.now()}@test.example.org`, name: 'Resend Limit', role: 'mentor' },
      world.tokens.admin,
    );
    expect(invited.status).toBe(201);
    const resend = () =>
      stack.api.post(`/api/users/${invited.body.id}/resend-invitation`, undefined, world.tokens.admin);
    for (let i = 0; i < rateLimits.invitationsToOnePerson.limit; i++)
      expect((await resend()).status).toBe(200);
    expectRateLimited(await resend());
  });
});

describe('items stay within DynamoDB’s item size however long they live', () => {
  it('keeps the recent steps on the log and the whole trail in the history', async () => {
    const log = await world.logs.inStatus('draft');
    const profile = await getUser(world.users.ownerMentor.id);
    if (!profile) throw new Error('no profile');
    const actor: Actor = {
      id: profile.id,
      role: 'mentor',
      email: profile.email,
      name: profile.name,
      profile,
    };
    // One submit → withdraw cycle an hour apart, so the per-log limit never applies.
    const cycles = REVIEW_TRAIL_INLINE / 2 + 3;
    let version = log.version;
    const start = Date.now();
    for (let i = 0; i < cycles; i++) {
      const at = (minutes: number) => new Date(start + i * 3_600_000 + minutes * 60_000);
      version = (await transitionLog(actor, log.id, 'submit', { version }, at(0))).version;
      version = (await transitionLog(actor, log.id, 'withdraw', { version }, at(1))).version;
    }
    const read = await stack.api.get<MentorshipLogView>(
      `/api/mentorship-logs/${log.id}`,
      world.tokens.ownerMentor,
    );
    expect(read.body.review_trail).toHaveLength(REVIEW_TRAIL_INLINE);
    expect(read.body.review_trail.at(-1)?.action).toBe('withdraw');

    const history = await stack.api.get(`/api/mentorship-logs/${log.id}/history`, world.tokens.ownerMentor);
    expect(history.status).toBe(200);
    const trail = LogHistory.parse(history.body).review_trail;
    expect(trail).toHaveLength(cycles * 2);
    expect(trail.map((s) => s.action)).toEqual(
      Array.from({ length: cycles }, () => ['submit', 'withdraw']).flat(),
    );
    expect(trail.map((s) => s.at)).toEqual([...trail.map((s) => s.at)].sort());
  });

  it('keeps a follow-up’s most recent status moves on the item', async () => {
    const log = await world.logs.inStatus('approved');
    const created = await stack.api.post<FollowUp>(
      `/api/mentorship-logs/${log.id}/follow-ups`,
      {
        action_item: 'Reconcile the stock cards',
        assigned_to: world.users.ownerMentor.id,
        due_date: todayIn(DEFAULT_TIME_ZONE, new Date()),
      },
      world.tokens.ownerMentor,
    );
    expect(created.status).toBe(201);
    let current = created.body;
    const moves = 34;
    for (let i = 0; i < moves; i++) {
      const to = current.status === 'pending' ? 'in_progress' : 'pending';
      const moved = await stack.api.put<FollowUp>(
        `/api/follow-ups/${current.id}/status`,
        {
          version: current.version,
          status: to,
          ...(to === 'pending' ? { note: `Back to pending, round ${i}` } : {}),
        },
        world.tokens.ownerMentor,
      );
      expect(moved.status).toBe(200);
      current = moved.body;
    }
    expect(current.history.length).toBeLessThan(moves);
    expect(current.history.length).toBeGreaterThanOrEqual(20);
    expect(current.history.at(-1)).toMatchObject({
      to: current.status,
      note: `Back to pending, round ${moves - 1}`,
    });
  });
});
