import { startTestStack, type TestStack } from '@dml/infra/local/testing/stack';
import {
  addDays,
  ErrorBody,
  type FollowUp,
  type MentorshipLogView,
  type Page,
  type RouteId,
  routeList,
} from '@dml/shared';
import * as z from '@dml/shared/zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type Persona, personas, type World } from './world.ts';

type Item = Record<string, unknown> & { id?: string };
type Fixtures = {
  thirdMentor: { id: string; token: string };
  ownerLog: MentorshipLogView;
  thirdMentorLog: MentorshipLogView;
  followUps: Record<'ownFollowUp' | 'forSupervisor' | 'theirs' | 'givenToOwner', FollowUp>;
};

/**
 * How to read one item of a list through its own route. `queries`: the filter combinations the list
 * is asked with (each must return only readable items). A list whose items have no route of their
 * own says so, and must then be refused to everyone but admins (who may read everything).
 */
type ItemRoute =
  | {
      route: RouteId;
      path: (item: Item) => string;
      queries?: (w: World, f: Fixtures) => Record<string, string>[];
    }
  | { noItemRoute: string; onlyFor: readonly Persona[] };

const idOf = (item: Item) => String(item.id);

/** Every list route's item route. A list route missing here fails the first test. */
const itemRoutes: Partial<Record<RouteId, ItemRoute>> = {
  listUsers: { route: 'getUser', path: (u) => `/api/users/${idOf(u)}` },
  listFacilities: { route: 'getFacility', path: (f) => `/api/facilities/${idOf(f)}` },
  facilitySummary: { route: 'getFacility', path: (row) => `/api/facilities/${String(row.facility_id)}` },
  listLogs: {
    route: 'getLog',
    path: (log) => `/api/mentorship-logs/${idOf(log)}`,
    queries: (w: World, f: Fixtures): Record<string, string>[] => [
      {},
      { facility_id: w.facilities.inScope.id },
      { facility_id: w.facilities.outOfScope.id },
      { mentor_id: w.users.ownerMentor.id },
      { mentor_id: f.thirdMentor.id },
      { mentor_id: f.thirdMentor.id, status: 'approved' },
      { status: 'approved' },
      { facility_id: w.facilities.inScope.id, mentor_id: f.thirdMentor.id },
      { deleted: 'true' },
    ],
  },
  listFollowUps: {
    route: 'getFollowUp',
    path: (fu) => `/api/follow-ups/${idOf(fu)}`,
    queries: (w: World, f: Fixtures): Record<string, string>[] => [
      {},
      { view: 'mine' },
      { view: 'assigned' },
      { open: 'true' },
      { status: 'pending' },
      { facility_id: w.facilities.inScope.id },
      { facility_id: w.facilities.inScope.id, open: 'true' },
      { facility_id: w.facilities.outOfScope.id },
      { view: 'assigned', facility_id: w.facilities.inScope.id },
      { mentorship_log_id: f.ownerLog.id },
      { mentorship_log_id: f.thirdMentorLog.id },
      { view: 'mine', mentorship_log_id: f.thirdMentorLog.id },
    ],
  },
  listNotifications: {
    // Notifications have no GET of their own: marking one read is its item route (404 to others).
    route: 'readNotification',
    path: (n) => `/api/notifications/${idOf(n)}/read`,
  },
  listAuditLogs: {
    noItemRoute: 'audit entries are read only through the trail',
    onlyFor: ['admin'],
  },
};

/** A list route: a GET whose response is a page (`items` and `next_cursor`). */
const isPage = (schema: z.core.$ZodType) =>
  schema instanceof z.ZodMiniObject && 'items' in schema.shape && 'next_cursor' in schema.shape;
const listRoutes = routeList.filter((r) => r.method === 'GET' && isPage(r.response));

/**
 * Objects from several owners at the same facility: a third mentor also covers the in-scope facility
 * and has a log with follow-ups there (one assigned to the owner mentor, one to themself); the
 * supervisor in scope plans a visit of their own; the other mentor works out of scope; a deleted draft.
 */
const buildFixtures = async (w: World): Promise<Fixtures> => {
  const thirdMentor = await w.people.user('mentor', {
    facilities: [w.facilities.inScope.id],
    name: 'Third Mentor',
  });
  const api = w.stack.api;
  const logOf = async (token: string | undefined, facilityId: string) => {
    const created = await api.post<MentorshipLogView>(
      '/api/mentorship-logs',
      { facility_id: facilityId, visit_date: w.logs.today(), objectives: ['Check the cold chain'] },
      token,
    );
    if (created.status !== 201) throw new Error(`log: ${created.status} ${JSON.stringify(created.body)}`);
    return created.body;
  };
  const followUp = async (logId: string, assignee: string, token: string | undefined, item: string) => {
    const created = await api.post<FollowUp>(
      `/api/mentorship-logs/${logId}/follow-ups`,
      { action_item: item, assigned_to: assignee, due_date: addDays(w.logs.today(), 3) },
      token,
    );
    if (created.status !== 201)
      throw new Error(`follow-up: ${created.status} ${JSON.stringify(created.body)}`);
    return created.body;
  };
  const ownerLog = await w.logs.inStatus('approved');
  const ownFollowUp = await followUp(ownerLog.id, w.users.ownerMentor.id, w.tokens.ownerMentor, 'Own item');
  const forSupervisor = await followUp(
    ownerLog.id,
    w.users.supervisorInScope.id,
    w.tokens.ownerMentor,
    'Item for the supervisor',
  );
  const thirdMentorLog = await logOf(thirdMentor.token, w.facilities.inScope.id);
  const theirs = await followUp(
    thirdMentorLog.id,
    thirdMentor.id,
    thirdMentor.token,
    "Another mentor's item",
  );
  const givenToOwner = await followUp(
    thirdMentorLog.id,
    w.users.ownerMentor.id,
    thirdMentor.token,
    'Item given to the owner mentor',
  );
  const supervisorLog = await logOf(w.tokens.supervisorInScope, w.facilities.inScope.id);
  await followUp(
    supervisorLog.id,
    w.users.supervisorInScope.id,
    w.tokens.supervisorInScope,
    'Supervisor item',
  );
  const outOfScopeLog = await logOf(w.tokens.otherMentor, w.facilities.outOfScope.id);
  await followUp(outOfScopeLog.id, w.users.otherMentor.id, w.tokens.otherMentor, 'Out-of-scope item');
  const deleted = await w.logs.inStatus('draft');
  await api.delete(`/api/mentorship-logs/${deleted.id}?version=${deleted.version}`, w.tokens.ownerMentor);
  await w.stack.settle();
  return {
    thirdMentor,
    ownerLog,
    thirdMentorLog,
    followUps: { ownFollowUp, forSupervisor, theirs, givenToOwner },
  };
};

let stack: TestStack;
let world: World;
let fixtures: Fixtures;
beforeAll(async () => {
  stack = await startTestStack();
  world = await buildWorld(stack);
  fixtures = await buildFixtures(world);
}, 180_000);
afterAll(() => stack?.stop());

/** How many listed items each list route's cases read back, so no case passes on an empty list. */
const checked = new Map<RouteId, number>();

const query = (q: Record<string, string>) => {
  const text = new URLSearchParams({ limit: '100', ...q }).toString();
  return text ? `?${text}` : '';
};

describe('a list shows only what its items’ own routes let the caller read', () => {
  it('maps every list route of the route table to its item route', () => {
    expect(listRoutes.length).toBeGreaterThan(0);
    const unmapped = listRoutes.filter((r) => !itemRoutes[r.id]).map((r) => `${r.method} ${r.path}`);
    expect(unmapped).toEqual([]);
  });

  for (const route of listRoutes) {
    for (const persona of personas) {
      it(`${route.method} ${route.path} as ${persona}`, async () => {
        const mapping = itemRoutes[route.id];
        if (!mapping) throw new Error(`${route.id} has no item route`);
        const token = world.tokens[persona];
        if ('noItemRoute' in mapping) {
          const response = await stack.api.get(route.path, token);
          expect(response.status).toBe(
            mapping.onlyFor.includes(persona) ? 200 : persona === 'anonymous' ? 401 : 403,
          );
          return;
        }
        const item = routeList.find((r) => r.id === mapping.route);
        if (!item) throw new Error(`no route ${mapping.route}`);
        for (const q of mapping.queries?.(world, fixtures) ?? [{}]) {
          const listed = await stack.api.get<Page<Item>>(`${route.path}${query(q)}`, token);
          expect(listed.status, JSON.stringify(q)).toBeLessThan(500);
          if (listed.status !== 200) {
            expect(() => ErrorBody.parse(listed.body)).not.toThrow();
            continue;
          }
          checked.set(route.id, (checked.get(route.id) ?? 0) + listed.body.items.length);
          for (const entry of listed.body.items) {
            const read = await stack.api.request(item.method, mapping.path(entry), { token });
            expect(
              read.status,
              `${JSON.stringify(q)} listed ${mapping.path(entry)}, which answers ${read.status}`,
            ).toBe(200);
          }
        }
      });
    }
  }

  it('checked at least one listed item of every list that has an item route', () => {
    const empty = listRoutes
      .filter((r) => {
        const mapping = itemRoutes[r.id];
        return mapping && !('noItemRoute' in mapping) && !checked.get(r.id);
      })
      .map((r) => r.id);
    expect(empty).toEqual([]);
  });

  it("no longer lists other mentors' follow-ups to a mentor filtering by a facility they cover", async () => {
    const { theirs, givenToOwner, ownFollowUp } = fixtures.followUps;
    // The item read refuses another mentor's follow-up to the owner mentor…
    expect((await stack.api.get(`/api/follow-ups/${theirs.id}`, world.tokens.ownerMentor)).status).toBe(404);
    // …so the facility's list must not show it, yet keeps what the owner mentor may read.
    const listed = await stack.api.get<Page<FollowUp>>(
      `/api/follow-ups?facility_id=${world.facilities.inScope.id}&limit=100`,
      world.tokens.ownerMentor,
    );
    expect(listed.status).toBe(200);
    const ids = listed.body.items.map((f) => f.id);
    expect(ids).not.toContain(theirs.id);
    expect(ids).toEqual(expect.arrayContaining([ownFollowUp.id, givenToOwner.id]));
    // The supervisor covering the facility reads and lists them all.
    const supervised = await stack.api.get<Page<FollowUp>>(
      `/api/follow-ups?facility_id=${world.facilities.inScope.id}&limit=100`,
      world.tokens.supervisorInScope,
    );
    expect(supervised.body.items.map((f) => f.id)).toEqual(
      expect.arrayContaining([theirs.id, givenToOwner.id, ownFollowUp.id]),
    );
  });
});
