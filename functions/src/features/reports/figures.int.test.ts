import { getUser } from '@dml/functions/data/users';
import { isDomainError } from '@dml/functions/domain/errors';
import {
  changeFollowUpStatus,
  createFollowUp,
  deleteFollowUp,
  updateFollowUp,
} from '@dml/functions/features/follow-ups/service';
import {
  createLog,
  deleteLog,
  restoreLog,
  transitionLog,
  updateLog,
} from '@dml/functions/features/logs/service';
import { assignFacilities } from '@dml/functions/features/users/assignments';
import type { Actor } from '@dml/functions/http/actor';
import { startTestStack, type TestStack } from '@dml/infra/local/testing/stack';
import { addDays, allowedActions, type FollowUp, type LogAction, type MentorshipLog } from '@dml/shared';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcileFigures } from './reconcile.ts';

let stack: TestStack;
let cast: { admin: Actor; supervisor: Actor; mentor: Actor; mentor2: Actor };
let facilities: string[];
beforeAll(async () => {
  stack = await startTestStack();
  const actor = async (email: string): Promise<Actor> => {
    const user = await getUser(stack.demo?.users[email] ?? '');
    if (!user) throw new Error(`no ${email}`);
    return { id: user.id, role: user.role, email: user.email, name: user.name, profile: user };
  };
  cast = {
    admin: await actor('admin@example.org'),
    supervisor: await actor('supervisor@example.org'),
    mentor: await actor('mentor@example.org'),
    mentor2: await actor('mentor2@example.org'),
  };
  facilities = Object.values(stack.demo?.facilities ?? {});
}, 120_000);
afterAll(() => stack?.stop());

type Op =
  | { kind: 'create'; who: 'mentor' | 'mentor2' | 'supervisor'; facility: number; inDays: number }
  | { kind: 'transition'; log: number; pick: number }
  | { kind: 'move-date'; log: number; inDays: number }
  | { kind: 'delete' | 'restore'; log: number }
  | { kind: 'follow-up'; log: number; dueIn: number }
  | { kind: 'follow-up-status'; followUp: number; pick: number }
  | { kind: 'follow-up-due'; followUp: number; dueIn: number }
  | { kind: 'follow-up-delete'; followUp: number }
  | { kind: 'assign'; facility: number; add: boolean }
  | { kind: 'tick'; days: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('create' as const),
      who: fc.constantFrom('mentor' as const, 'mentor2' as const, 'supervisor' as const),
      facility: fc.nat(),
      inDays: fc.integer({ min: 0, max: 50 }),
    }),
  },
  {
    weight: 10,
    arbitrary: fc.record({ kind: fc.constant('transition' as const), log: fc.nat(), pick: fc.nat() }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('move-date' as const),
      log: fc.nat(),
      inDays: fc.integer({ min: 0, max: 60 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constantFrom('delete' as const, 'restore' as const), log: fc.nat() }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('follow-up' as const),
      log: fc.nat(),
      dueIn: fc.integer({ min: 0, max: 40 }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('follow-up-status' as const),
      followUp: fc.nat(),
      pick: fc.nat(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('follow-up-due' as const),
      followUp: fc.nat(),
      dueIn: fc.integer({ min: 0, max: 30 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('follow-up-delete' as const), followUp: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('assign' as const), facility: fc.nat(), add: fc.boolean() }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('tick' as const), days: fc.integer({ min: 1, max: 9 }) }),
  },
);

/** Plays a sequence through the same services the API uses, with a clock that moves forward. */
const play = async (ops: Op[]) => {
  let now = new Date();
  const day = () => now.toISOString().slice(0, 10);
  const logs: MentorshipLog[] = [];
  const followUps: FollowUp[] = [];
  const owner = (log: MentorshipLog) => Object.values(cast).find((a) => a.id === log.mentor_id) as Actor;
  const refuseQuietly = async <T>(run: () => Promise<T>) => {
    try {
      return await run();
    } catch (error) {
      if (isDomainError(error)) return undefined;
      throw error;
    }
  };
  let applied = 0;
  for (const o of ops) {
    const log = 'log' in o && logs.length ? logs[o.log % logs.length] : undefined;
    const followUp =
      'followUp' in o && followUps.length ? followUps[o.followUp % followUps.length] : undefined;
    let result: unknown;
    switch (o.kind) {
      case 'tick':
        now = new Date(now.getTime() + o.days * 86_400_000);
        result = true;
        break;
      case 'create': {
        const who = cast[o.who];
        const mine =
          who.role === 'supervisor'
            ? facilities
            : facilities.filter((_, i) => (who === cast.mentor ? i < 3 : i >= 4 && i < 7));
        const created = await refuseQuietly(() =>
          createLog(
            who,
            {
              facility_id: mine[o.facility % mine.length] ?? '',
              visit_date: addDays(day(), o.inDays),
              performance_summary: 'Generated visit plan summary.',
              objectives: ['Generated objective'],
            },
            undefined,
            now,
          ),
        );
        if (created) logs.push(created);
        result = created;
        break;
      }
      case 'transition': {
        if (!log) break;
        const fresh = logs.find((l) => l.id === log.id) as MentorshipLog;
        const actors = [owner(fresh), cast.supervisor, cast.admin];
        const options = actors.flatMap((a) =>
          allowedActions(fresh.status, {
            isOwner: a.id === fresh.mentor_id,
            role: a.role,
            inScope: true,
          }).map((action) => [a, action] as const),
        );
        const choice = options[o.pick % Math.max(1, options.length)];
        if (!choice) break;
        const [who, action] = choice as [Actor, LogAction];
        if (action === 'complete' && day() < fresh.visit_date)
          now = new Date(`${fresh.visit_date}T12:00:00Z`);
        const body =
          action === 'return'
            ? { version: fresh.version, comment: 'Returned by the generator.' }
            : action === 'reopen'
              ? { version: fresh.version, reason: 'Reopened by the generator.' }
              : action === 'complete'
                ? {
                    version: fresh.version,
                    visit_outcomes: 'Generated outcomes text.',
                    ...(o.pick % 3 === 0
                      ? {
                          location: {
                            latitude: 0,
                            longitude: 0,
                            accuracy_m: 5,
                            captured_at: now.toISOString(),
                          },
                          off_site_reason: 'Generated elsewhere.',
                        }
                      : {}),
                  }
                : { version: fresh.version };
        result = await refuseQuietly(() => transitionLog(who, fresh.id, action, body, now));
        break;
      }
      case 'move-date':
        if (log && (log.status === 'draft' || log.status === 'returned'))
          result = await refuseQuietly(() =>
            updateLog(
              owner(log),
              log.id,
              { version: log.version, visit_date: addDays(day(), o.inDays) },
              now,
            ),
          );
        break;
      case 'delete':
        if (log) result = await refuseQuietly(() => deleteLog(cast.admin, log.id, log.version, now));
        break;
      case 'restore':
        if (log) result = await refuseQuietly(() => restoreLog(cast.admin, log.id, log.version, now));
        break;
      case 'follow-up':
        if (log) {
          const created = await refuseQuietly(() =>
            createFollowUp(
              cast.admin,
              log.id,
              {
                action_item: 'Generated action item',
                assigned_to: log.mentor_id,
                due_date: addDays(day(), o.dueIn),
              },
              undefined,
              now,
            ),
          );
          if (created) followUps.push(created);
          result = created;
        }
        break;
      case 'follow-up-status': {
        if (!followUp) break;
        const next = (['pending', 'in_progress', 'completed'] as const)[o.pick % 3] ?? 'pending';
        result = await refuseQuietly(() =>
          changeFollowUpStatus(
            cast.admin,
            followUp.id,
            { version: followUp.version, status: next, note: 'Generated note' },
            now,
          ),
        );
        break;
      }
      case 'follow-up-due':
        if (followUp)
          result = await refuseQuietly(() =>
            updateFollowUp(
              cast.admin,
              followUp.id,
              { version: followUp.version, due_date: addDays(day(), o.dueIn) },
              now,
            ),
          );
        break;
      case 'follow-up-delete':
        if (followUp) {
          result = await refuseQuietly(() => deleteFollowUp(cast.admin, followUp.id, followUp.version, now));
          if (result) followUps.splice(followUps.indexOf(followUp), 1);
        }
        break;
      case 'assign':
        result = await assignFacilities(
          cast.admin,
          cast.mentor2.id,
          {
            facility_ids: [facilities[o.facility % facilities.length] ?? ''],
            mode: o.add ? 'add' : 'remove',
          },
          now,
        );
        break;
    }
    if (result && typeof result === 'object' && 'id' in result && 'version' in result) {
      const updated = result as MentorshipLog & FollowUp;
      const list: { id: string }[] = 'mentorship_log_id' in updated ? followUps : logs;
      const at = list.findIndex((x) => x.id === updated.id);
      if (at >= 0) list[at] = updated;
    }
    if (result) applied += 1;
  }
  return applied;
};

describe('pre-aggregated figures', () => {
  it('equal the figures recomputed from source after 300 random operations', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 300, maxLength: 300 }), async (ops) => {
        const applied = await play(ops);
        expect(applied).toBeGreaterThan(150);
        const report = await reconcileFigures({ fix: false });
        expect(report.drift).toEqual([]);
        expect(report.items_drifted).toBe(0);
      }),
      { numRuns: Number(process.env.FIGURE_RUNS ?? 2), endOnFailure: true },
    );
  }, 300_000);

  it('are repaired by the reconciliation job when something drifted', async () => {
    const { applyFigureDeltas } = await import('@dml/functions/data/figures');
    await applyFigureDeltas('PROGRAMME', `Y#${new Date().getUTCFullYear()}`, { '01|planned': 7 });
    const found = await reconcileFigures({ fix: true });
    expect(found.items_drifted).toBe(1);
    expect(found.drift[0]).toMatchObject({ scope: 'PROGRAMME' });
    expect((await reconcileFigures({ fix: false })).items_drifted).toBe(0);
  });
});
