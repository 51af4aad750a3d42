import { catalog, detailTypes, logEventType } from '@dml/events';
import type { CompleteBody, ReopenBody, ReturnBody, TransitionBody } from '@dml/shared/api/logs';
import { logActions, pastTense, transitions } from '@dml/shared/domain/lifecycle';
import { type RouteDef, routeKey, routeList, routes } from '@dml/shared/routes/index';
import type * as z from '@dml/shared/zod';
import { beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import type { Actor } from '#http/actor';
import type { RouteInput } from '#http/route-handler';

const service = vi.hoisted(() => ({
  createLog: vi.fn(),
  updateLog: vi.fn(),
  deleteLog: vi.fn(),
  restoreLog: vi.fn(async () => 'restored'),
  transitionLog: vi.fn(async () => 'moved'),
}));
vi.mock('./service.ts', () => service);

const { logRoutes: implemented } = await import('./routes.ts');

/** What the lifecycle table says the API must offer: one POST per action, by the roles `who` allows. */
const rolesOf = {
  owner: ['admin', 'mentor', 'supervisor'],
  reviewer: ['admin', 'supervisor'],
  admin: ['admin'],
};
const expected = logActions.map((action) => ({
  id: `${action}Log`,
  method: 'POST',
  path: `/api/mentorship-logs/{id}/${action}`,
  roles: rolesOf[transitions[action].who],
}));
const routeOf = (id: string) => (routes as Record<string, RouteDef>)[id];
const actionPath = /^\/api\/mentorship-logs\/\{id\}\/([a-z-]+)$/;

const actor: Actor = {
  id: '00000000-0000-4000-8000-000000000001',
  role: 'admin',
  email: 'admin@example.org',
  name: 'Admin',
  profile: {} as Actor['profile'],
};

beforeEach(() => vi.clearAllMocks());

describe('the lifecycle table drives the log actions', () => {
  it.each(expected)('offers $id as $method $path to $roles', ({ id, method, path, roles }) => {
    const route = routeOf(id);
    expect(route).toMatchObject({ method, path, fn: 'logs', tag: 'mentorship-logs' });
    expect(route?.status ?? 200).toBe(200);
    expect([...(route?.auth ?? [])].sort()).toEqual(roles);
  });

  it('checks each action body by what its row says the request carries', () => {
    const position = { latitude: 12, longitude: 8.5, accuracy_m: 15, captured_at: '2026-01-10T09:00:00Z' };
    for (const action of logActions) {
      const body = routeOf(`${action}Log`)?.body;
      const accepts = (value: unknown) => body?.safeParse(value).success;
      const kind = transitions[action].body;
      expect.soft(accepts({ version: 1 }), action).toBe(kind === 'note' || kind === 'report');
      expect.soft(accepts({ version: 1, comment: 'Add the stock-outs.' }), action).toBe(kind !== 'reason');
      expect.soft(accepts({ version: 1, reason: 'Wrong facility.' }), action).toBe(kind === 'reason');
      expect.soft(accepts({ version: 1, location: position }), action).toBe(kind === 'report');
    }
  });

  it('keeps each generated route exactly typed (checked by the compiler)', () => {
    expectTypeOf(routes.submitLog.body).toEqualTypeOf<typeof TransitionBody>();
    expectTypeOf(routes.returnLog.body).toEqualTypeOf<typeof ReturnBody>();
    expectTypeOf(routes.reopenLog.body).toEqualTypeOf<typeof ReopenBody>();
    expectTypeOf(routes.completeLog.body).toEqualTypeOf<typeof CompleteBody>();
    expectTypeOf<RouteInput<typeof routes.returnLog>['body']>().toEqualTypeOf<z.output<typeof ReturnBody>>();
    expectTypeOf(routes.reopenLog.auth).toEqualTypeOf<readonly ['admin']>();
    expectTypeOf(routes.approveLog.path).toEqualTypeOf<'/api/mentorship-logs/{id}/approve'>();
  });

  it('has no action route beyond the lifecycle, except restore (a deleted log keeps its status)', () => {
    const actionRoutes = routeList
      .filter((r) => r.fn === 'logs' && r.method === 'POST' && actionPath.test(r.path))
      .map((r) => ({ id: r.id, action: actionPath.exec(r.path)?.[1] }));
    expect(actionRoutes.map((r) => r.action).sort()).toEqual([...logActions, 'restore'].sort());
    expect(routeOf('restoreLog')?.auth).toEqual(['admin']);
    expect(routeOf('restoreLog')?.body?.safeParse({ version: 1, comment: 'why' }).success).toBe(false);
  });

  it('has the logs function implement each of its routes exactly once', () => {
    const served = implemented.map((i) => routeKey(i.route)).sort();
    const declared = routeList
      .filter((r) => r.fn === 'logs')
      .map(routeKey)
      .sort();
    expect(served).toEqual(declared);
    for (const { method, path } of expected) expect(served).toContain(`${method} ${path}`);
  });

  it('hands each action route to the lifecycle service with its own action', async () => {
    for (const action of logActions) {
      const route = routeOf(`${action}Log`);
      const impl = implemented.find((i) => i.route === route)?.impl;
      const body = { version: 4 };
      const now = new Date('2026-01-10T09:00:00Z');
      const params = { id: 'log-1' };
      const input = { actor, params, body, now, query: undefined, requestId: 'r', idempotencyKey: undefined };
      await expect(impl?.(input as never)).resolves.toBe('moved');
      expect(service.transitionLog).toHaveBeenLastCalledWith(actor, 'log-1', action, body, now);
    }
    expect(service.transitionLog).toHaveBeenCalledTimes(logActions.length);
  });

  it('emits one catalogued event per action, named by its past tense, with the transition schema', () => {
    const logEvents = detailTypes.filter((t) => t.startsWith('mentorship-log.')).sort();
    expect(logEvents).toEqual(logActions.map((a) => `mentorship-log.${pastTense[a]}`).sort());
    for (const action of logActions) {
      expect(logEventType[action]).toBe(`mentorship-log.${pastTense[action]}`);
      expect(catalog[logEventType[action]]).toBe(catalog['mentorship-log.submitted']);
    }
    expect(Object.keys(catalog['mentorship-log.submitted'].shape)).toEqual(
      expect.arrayContaining(['log_id', 'action', 'from', 'to', 'comment', 'version']),
    );
  });
});
