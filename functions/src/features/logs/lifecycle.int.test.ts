import { startTestStack, type TestStack } from '@dml/infra/local/testing/stack';
import { ErrorBody, type LogAction, type LogStatus, type MentorshipLogView } from '@dml/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../../../test/world.ts';

let stack: TestStack;
let world: World;
beforeAll(async () => {
  stack = await startTestStack();
  world = await buildWorld(stack);
}, 120_000);
afterAll(() => stack?.stop());

/**
 * The oracle, written out from the lifecycle table in docs/lifecycle.md independently of the code under test:
 * which statuses each action starts from, and who may take it.
 */
const lifecycle: Record<
  LogAction,
  { from: LogStatus[]; who: 'owner' | 'reviewer' | 'admin'; routeRoles: string[] }
> = {
  submit: { from: ['draft', 'returned'], who: 'owner', routeRoles: ['mentor', 'supervisor', 'admin'] },
  withdraw: { from: ['submitted'], who: 'owner', routeRoles: ['mentor', 'supervisor', 'admin'] },
  approve: { from: ['submitted'], who: 'reviewer', routeRoles: ['supervisor', 'admin'] },
  return: { from: ['submitted', 'completed'], who: 'reviewer', routeRoles: ['supervisor', 'admin'] },
  complete: { from: ['approved'], who: 'owner', routeRoles: ['mentor', 'supervisor', 'admin'] },
  verify: { from: ['completed'], who: 'reviewer', routeRoles: ['supervisor', 'admin'] },
  reopen: { from: ['verified'], who: 'admin', routeRoles: ['admin'] },
};
const statuses: LogStatus[] = ['draft', 'submitted', 'returned', 'approved', 'completed', 'verified'];
const personas = [
  { key: 'ownerMentor', role: 'mentor', sees: true, isOwner: true },
  { key: 'otherMentor', role: 'mentor', sees: false, isOwner: false },
  { key: 'supervisorInScope', role: 'supervisor', sees: true, isOwner: false },
  { key: 'supervisorOutOfScope', role: 'supervisor', sees: false, isOwner: false },
  { key: 'admin', role: 'admin', sees: true, isOwner: false },
] as const;

const expectedStatus = (action: LogAction, status: LogStatus, p: (typeof personas)[number]) => {
  const rule = lifecycle[action];
  if (!rule.routeRoles.includes(p.role)) return 403;
  if (!p.sees) return 404;
  const permitted = rule.who === 'owner' ? p.isOwner : rule.who === 'admin' ? p.role === 'admin' : !p.isOwner;
  if (!permitted) return 403;
  return rule.from.includes(status) ? 200 : 409;
};

const act = (id: string, action: LogAction, token: string | undefined) => world.logs.act(id, action, token);
const logIn = async (status: LogStatus) => (await world.logs.inStatus(status)).id;
const today = () => world.logs.today();

describe('the mentorship log lifecycle', () => {
  it('walks one log through every transition, the trail recording each step', async () => {
    const id = await logIn('draft');
    const steps: [LogAction, 'ownerMentor' | 'supervisorInScope' | 'admin', LogStatus][] = [
      ['submit', 'ownerMentor', 'submitted'],
      ['withdraw', 'ownerMentor', 'draft'],
      ['submit', 'ownerMentor', 'submitted'],
      ['return', 'supervisorInScope', 'returned'],
      ['submit', 'ownerMentor', 'submitted'],
      ['approve', 'supervisorInScope', 'approved'],
      ['complete', 'ownerMentor', 'completed'],
      ['return', 'supervisorInScope', 'approved'],
      ['complete', 'ownerMentor', 'completed'],
      ['verify', 'supervisorInScope', 'verified'],
      ['reopen', 'admin', 'approved'],
    ];
    for (const [action, by, to] of steps) {
      const response = await act(id, action, world.tokens[by]);
      expect(response.status, `${action}: ${JSON.stringify(response.body)}`).toBe(200);
      expect(response.body.status).toBe(to);
    }
    const history = await stack.api.get<{
      review_trail: { action: string; to: string; comment: string | null }[];
      audit: { action: string }[];
    }>(`/api/mentorship-logs/${id}/history`, world.tokens.supervisorInScope);
    expect(history.body.review_trail.map((s) => `${s.action}→${s.to}`)).toEqual(
      steps.map(([a, , to]) => `${a}→${to}`),
    );
    expect(history.body.review_trail.find((s) => s.action === 'return')?.comment).toBe(
      'Please add the stock-out figures.',
    );
    expect(history.body.audit.map((a) => a.action).reverse()).toEqual(['create', ...steps.map(([a]) => a)]);
  });

  describe('every (status, action, persona) combination, generated from the oracle', () => {
    const refusedLogs = new Map<LogStatus, Promise<string>>();
    for (const status of statuses) {
      it(`from ${status}`, async () => {
        if (!refusedLogs.has(status)) refusedLogs.set(status, logIn(status));
        const shared = await (refusedLogs.get(status) as Promise<string>);
        const mismatches: string[] = [];
        for (const action of Object.keys(lifecycle) as LogAction[]) {
          for (const persona of personas) {
            const expected = expectedStatus(action, status, persona);
            // An allowed transition changes the log: use a fresh one; refusals change nothing.
            const id = expected === 200 ? await logIn(status) : shared;
            const response = await act(id, action, world.tokens[persona.key]);
            if (response.status !== expected)
              mismatches.push(
                `${persona.key} ${action} on ${status}: got ${response.status}, expected ${expected}`,
              );
            if (expected === 409) {
              const error = ErrorBody.parse(response.body).error;
              expect(error.code).toBe('invalid_transition');
              expect(error.message).toContain(status);
              expect(Array.isArray(error.allowed_actions)).toBe(true);
            }
          }
        }
        expect(mismatches).toEqual([]);
        const after = (
          await stack.api.get<MentorshipLogView>(`/api/mentorship-logs/${shared}`, world.tokens.admin)
        ).body;
        expect(after.status).toBe(status);
      }, 120_000);
    }
  });

  it('never lets a supervisor approve or verify their own log', async () => {
    const supervisor = world.users.supervisorInScope;
    const created = await stack.api.post<MentorshipLogView>(
      '/api/mentorship-logs',
      {
        facility_id: world.facilities.inScope.id,
        visit_date: today(),
        performance_summary: 'Supervisor-led visit plan.',
        objectives: ['Coach the new nurse'],
      },
      supervisor.token,
    );
    expect((await act(created.body.id, 'submit', supervisor.token)).status).toBe(200);
    expect((await act(created.body.id, 'approve', supervisor.token)).status).toBe(403);
    expect((await act(created.body.id, 'approve', world.tokens.admin)).status).toBe(200);
    expect((await act(created.body.id, 'complete', supervisor.token)).status).toBe(200);
    expect((await act(created.body.id, 'verify', supervisor.token)).status).toBe(403);
  });
});
