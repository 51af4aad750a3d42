import { getUser } from '@dml/functions/data/users';
import { isDomainError } from '@dml/functions/domain/errors';
import { commitLog } from '@dml/functions/features/logs/writer';
import { startTestStack, type TestStack } from '@dml/infra/local/testing/stack';
import {
  ErrorBody,
  type LogAction,
  type LogStatus,
  type MentorshipLog,
  type MentorshipLogView,
  type RouteDef,
  type RouteId,
  routeKey,
  routeList,
  routes,
} from '@dml/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachTo, buildWorld, type Persona, transitionBody, type World } from './world.ts';

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
  /** The body racer n sends (distinct, so the final state names the winner); none for a DELETE. */
  body?: (n: number, version: number) => Record<string, unknown>;
  /** What in the final object tells which racer won (absent when every racer sends the same thing). */
  winnerOf?: (current: Record<string, unknown>) => number;
  /** A delete: racers arriving after the winner find nothing (404, as any later request would). */
  removes?: boolean;
};

/**
 * The shape a 409's `current` must have: the route's own response, or for a route that answers with
 * something else (a delete's receipt) the object as reading it on the same path returns it.
 */
const conflictSchema = (route: RouteDef) => {
  if (route.method !== 'DELETE' || route.response === routes.deleteLog.response) return route.response;
  const read = routeList.find((r) => routeKey(r) === routeKey({ method: 'GET', path: route.path }));
  if (!read) throw new Error(`no read route for ${routeKey(route)}`);
  return read.response;
};

/** A DELETE of a fresh object, every racer sending the version it was created with. */
const deleteRace = (
  make: (w: World) => Promise<{ id: string; version: number }>,
  base: string,
  by: Persona,
  removes = true,
): RaceCase => ({
  setup: async (w) => {
    const { id, version } = await make(w);
    return { path: `${base}/${id}?version=${version}`, version, token: w.tokens[by], read: `${base}/${id}` };
  },
  removes,
});

const newFollowUp = async (w: World) => {
  const log = await w.logs.inStatus('approved');
  const created = await w.stack.api.post<{ id: string; version: number }>(
    `/api/mentorship-logs/${log.id}/follow-ups`,
    { action_item: 'Race me', assigned_to: w.users.ownerMentor.id, due_date: w.logs.today() },
    w.tokens.ownerMentor,
  );
  return created.body;
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
      const f = await newFollowUp(w);
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
      const f = await newFollowUp(w);
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
  deleteLog: deleteRace((w) => w.logs.inStatus('draft'), '/api/mentorship-logs', 'ownerMentor'),
  deleteFacility: deleteRace((w) => w.people.facility(), '/api/facilities', 'admin'),
  // Deactivating keeps the user: every loser sees the winner's version.
  deactivateUser: deleteRace(
    async (w) => ({ id: (await w.people.user('mentor')).id, version: 1 }),
    '/api/users',
    'admin',
    false,
  ),
  deleteFollowUp: deleteRace(newFollowUp, '/api/follow-ups', 'ownerMentor'),
  deleteAttachment: deleteRace(
    async (w) => attachTo(w.stack, (await w.logs.inStatus('draft')).id, w.tokens.ownerMentor),
    '/api/attachments',
    'ownerMentor',
  ),
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

const carriesVersion = (schema: unknown) =>
  schema !== undefined && 'shape' in (schema as object) && 'version' in (schema as { shape: object }).shape;
const versionedRoutes = routeList.filter((r) => carriesVersion(r.body) || carriesVersion(r.query));

describe('concurrent writes with the same version', () => {
  it('has a race case for every route that takes a version', () => {
    expect(versionedRoutes.filter((r) => !raceCases[r.id]).map((r) => routeKey(r))).toEqual([]);
  });

  for (const route of versionedRoutes) {
    it(`${route.method} ${route.path}: one wins, the others get 409 with the current object, nothing lost`, async () => {
      const race = raceCases[route.id];
      if (!race) throw new Error(`no race case for ${route.id}`);
      const { path, version, token, read } = await race.setup(world);
      const responses = await Promise.all(
        Array.from({ length: PARALLEL }, (_, n) =>
          stack.api.request(route.method, path, { token, body: race.body?.(n, version) }),
        ),
      );
      const statuses = responses.map((r) => r.status);
      const count = (status: number) => statuses.filter((s) => s === status).length;
      const tally = [...new Set(statuses)].sort().map((s) => `${count(s)} × ${s}`);
      console.info(`${routeKey(route)}: ${tally.join(', ')}`);
      expect(count(200)).toBe(1);
      if (race.removes) expect(count(409) + count(404)).toBe(PARALLEL - 1);
      else expect(count(409)).toBe(PARALLEL - 1);

      const schema = conflictSchema(route);
      for (const loser of responses.filter((r) => r.status !== 200)) {
        const error = ErrorBody.parse(loser.body).error;
        if (loser.status === 404) {
          expect(error.code).toBe('not_found');
          continue;
        }
        expect(error.code).toBe('version_conflict');
        // The shape the client renders its "changed meanwhile" screen from, and nothing beyond it.
        const current = schema.safeParse(error.current);
        expect(current.error?.issues ?? []).toEqual([]);
        expect(current.data).toEqual(error.current);
        expect((error.current as { version: number }).version).toBe(version + 1);
      }
      const winner = statuses.indexOf(200);
      const after = await stack.api.get<Record<string, unknown>>(read, world.tokens.admin);
      if (race.removes) {
        // Gone, or (logs, facilities with history) kept as deleted by the winner's one write.
        if (after.status === 200) expect(after.body.version).toBe(version + 1);
        else expect(after.status).toBe(404);
        return;
      }
      if (race.winnerOf) expect(race.winnerOf(after.body)).toBe(winner);
      expect(after.body.version).toBe(version + 1);
    });
  }
});

describe('a stale version caught by the transaction itself', () => {
  it('answers with the log as the caller sees it, like a stale version caught before it', async () => {
    const log = await world.logs.inStatus('draft');
    const path = `/api/mentorship-logs/${log.id}`;
    const token = world.tokens.ownerMentor;
    const saved = await stack.api.put<MentorshipLogView>(
      path,
      { version: log.version, logistics_notes: 'First' },
      token,
    );
    expect(saved.status).toBe(200);
    // What a request that read the old version and passed its own check would commit.
    const { allowed_actions, editable_sections, can_delete, can_restore, ...stale } = log;
    const profile = await getUser(world.users.ownerMentor.id);
    if (!profile) throw new Error('no profile');
    const actor = { id: profile.id, role: profile.role, email: profile.email, name: profile.name, profile };
    const before: MentorshipLog = stale;
    const error = await commitLog({
      before,
      after: { ...before, logistics_notes: 'Second', version: before.version + 1 },
      actor,
      action: 'update',
      at: new Date(),
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!isDomainError(error, 'version_conflict')) throw error;
    const current = routes.updateLog.response.parse(error.extra?.current);
    expect(current).toEqual(error.extra?.current);
    expect(current).toEqual((await stack.api.get<MentorshipLogView>(path, token)).body);
    const early = await stack.api.put(path, { version: log.version, logistics_notes: 'Third' }, token);
    expect(ErrorBody.parse(early.body).error.current).toEqual(current);
  });

  it('answers a stale file removal with the file as reading it shows it', async () => {
    const log = await world.logs.inStatus('draft');
    const file = await attachTo(stack, log.id, world.tokens.ownerMentor);
    const stale = await stack.api.delete(
      `/api/attachments/${file.id}?version=${file.version - 1}`,
      world.tokens.ownerMentor,
    );
    expect(stale.status).toBe(409);
    const current = ErrorBody.parse(stale.body).error.current;
    expect(routes.getAttachment.response.parse(current)).toEqual(current);
    expect(current).toMatchObject({ id: file.id, version: file.version, status: 'available' });
  });
});
