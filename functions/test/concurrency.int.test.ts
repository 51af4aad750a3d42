import { startTestStack, type TestStack } from '@dml/infra/local/testing/stack';
import { ErrorBody, type LogAction, type LogStatus, type RouteId, routeList } from '@dml/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type Persona, transitionBody, type World } from './world.ts';

let stack: TestStack;
let world: World;
beforeAll(async () => {
  stack = await startTestStack();
  world = await buildWorld(stack);
}, 120_000);
afterAll(() => stack?.stop());

const PARALLEL = 20;

type RaceCase = {
  /** Makes a fresh object; returns its path and the version every racer will send. */
  setup: (w: World) => Promise<{ path: string; version: number; token: string | undefined; read: string }>;
  /** The body racer n sends (distinct, so the final state names the winner). */
  body: (n: number, version: number) => Record<string, unknown>;
  /** What in the final object tells which racer won (absent when every racer sends the same thing). */
  winnerOf?: (current: Record<string, unknown>) => number;
};

const racerIn = (text: unknown) => Number(String(text).replace(/^.*Racer /, ''));

/** Every lifecycle transition raced by the one who may take it, each racer signing the trail. */
const transitionRace = (from: LogStatus, action: LogAction, by: Persona): RaceCase => ({
  setup: async (w) => {
    const log = await w.logs.inStatus(from);
    return {
      path: `/api/mentorship-logs/${log.id}/${action}`,
      version: log.version,
      token: w.tokens[by],
      read: `/api/mentorship-logs/${log.id}`,
    };
  },
  body: (n, version) => {
    const base = transitionBody(action, version) as Record<string, unknown>;
    return action === 'reopen' ? { ...base, reason: `Racer ${n}` } : { ...base, comment: `Racer ${n}` };
  },
  winnerOf: (c) => racerIn((c.review_trail as { comment: string }[]).at(-1)?.comment),
});

/**
 * Every route that takes a `version` must have a race here: 20 parallel writes of the same version,
 * exactly one wins, nineteen get 409, and the stored object is the winner's.
 */
const raceCases: Partial<Record<RouteId, RaceCase>> = {
  updateFacility: {
    setup: async (w) => {
      const f = await w.people.facility();
      return {
        path: `/api/facilities/${f.id}`,
        version: f.version,
        token: w.tokens.admin,
        read: `/api/facilities/${f.id}`,
      };
    },
    body: (n, version) => ({ version, contact_person: `Racer ${n}` }),
    winnerOf: (c) => Number(String(c.contact_person).replace('Racer ', '')),
  },
  updateUser: {
    setup: async (w) => {
      const u = await w.people.user('mentor');
      return { path: `/api/users/${u.id}`, version: 1, token: w.tokens.admin, read: `/api/users/${u.id}` };
    },
    body: (n, version) => ({ version, designation: `Racer ${n}` }),
    winnerOf: (c) => Number(String(c.designation).replace('Racer ', '')),
  },
  updateLog: {
    setup: async (w) => {
      const log = await w.logs.inStatus('draft');
      return {
        path: `/api/mentorship-logs/${log.id}`,
        version: log.version,
        token: w.tokens.ownerMentor,
        read: `/api/mentorship-logs/${log.id}`,
      };
    },
    body: (n, version) => ({ version, logistics_notes: `Racer ${n}` }),
    winnerOf: (c) => racerIn(c.logistics_notes),
  },
  submitLog: transitionRace('draft', 'submit', 'ownerMentor'),
  withdrawLog: transitionRace('submitted', 'withdraw', 'ownerMentor'),
  approveLog: transitionRace('submitted', 'approve', 'supervisorInScope'),
  returnLog: transitionRace('submitted', 'return', 'supervisorInScope'),
  completeLog: transitionRace('approved', 'complete', 'ownerMentor'),
  verifyLog: transitionRace('completed', 'verify', 'supervisorInScope'),
  reopenLog: transitionRace('verified', 'reopen', 'admin'),
  updateFollowUp: {
    setup: async (w) => {
      const log = await w.logs.inStatus('approved');
      const f = (
        await w.stack.api.post<{ id: string; version: number }>(
          `/api/mentorship-logs/${log.id}/follow-ups`,
          { action_item: 'Race me', assigned_to: w.users.ownerMentor.id, due_date: w.logs.today() },
          w.tokens.ownerMentor,
        )
      ).body;
      return {
        path: `/api/follow-ups/${f.id}`,
        version: f.version,
        token: w.tokens.ownerMentor,
        read: `/api/follow-ups/${f.id}`,
      };
    },
    body: (n, version) => ({ version, notes: `Racer ${n}` }),
    winnerOf: (c) => racerIn(c.notes),
  },
  updateFollowUpStatus: {
    setup: async (w) => {
      const log = await w.logs.inStatus('approved');
      const f = (
        await w.stack.api.post<{ id: string; version: number }>(
          `/api/mentorship-logs/${log.id}/follow-ups`,
          { action_item: 'Race me', assigned_to: w.users.ownerMentor.id, due_date: w.logs.today() },
          w.tokens.ownerMentor,
        )
      ).body;
      return {
        path: `/api/follow-ups/${f.id}/status`,
        version: f.version,
        token: w.tokens.ownerMentor,
        read: `/api/follow-ups/${f.id}`,
      };
    },
    body: (n, version) => ({ version, status: 'in_progress', note: `Racer ${n}` }),
    winnerOf: (c) => racerIn((c.history as { note: string }[]).at(-1)?.note),
  },
  restoreLog: {
    setup: async (w) => {
      const log = await w.logs.inStatus('draft');
      const deleted = await w.stack.api.delete<{ version: number }>(
        `/api/mentorship-logs/${log.id}?version=${log.version}`,
        w.tokens.ownerMentor,
      );
      return {
        path: `/api/mentorship-logs/${log.id}/restore`,
        version: deleted.body.version,
        token: w.tokens.admin,
        read: `/api/mentorship-logs/${log.id}`,
      };
    },
    body: (_, version) => ({ version }),
  },
};

const versionedRoutes = routeList.filter(
  (r) => r.body && 'shape' in r.body && 'version' in (r.body as unknown as { shape: object }).shape,
);

describe('concurrent writes with the same version', () => {
  it('has a race case for every route whose body carries a version', () => {
    expect(versionedRoutes.filter((r) => !raceCases[r.id]).map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  for (const route of versionedRoutes) {
    it(`${route.method} ${route.path}: one wins, ${PARALLEL - 1} get 409, nothing lost`, async () => {
      const race = raceCases[route.id];
      if (!race) throw new Error(`no race case for ${route.id}`);
      const { path, version, token, read } = await race.setup(world);
      const responses = await Promise.all(
        Array.from({ length: PARALLEL }, (_, n) =>
          stack.api.request(route.method, path, { token, body: race.body(n, version) }),
        ),
      );
      const statuses = responses.map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(PARALLEL - 1);
      for (const loser of responses.filter((r) => r.status === 409)) {
        expect(['version_conflict', 'conflict']).toContain(ErrorBody.parse(loser.body).error.code);
      }
      const winner = statuses.indexOf(200);
      const current = (await stack.api.get<Record<string, unknown>>(read, world.tokens.admin)).body;
      if (race.winnerOf) expect(race.winnerOf(current)).toBe(winner);
      expect(current.version).toBe(version + 1);
    });
  }
});
