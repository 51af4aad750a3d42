import { IdPath, page, VersionBody } from '../api/common.ts';
import {
  CarryOver,
  CarryOverQuery,
  CompleteBody,
  CreateLogBody,
  DeleteLogQuery,
  ListLogsQuery,
  LogHistory,
  LogSummary,
  MentorshipLogView,
  ReopenBody,
  ReturnBody,
  TransitionBody,
  UpdateLogBody,
} from '../api/logs.ts';
import {
  type ActingParty,
  type LifecycleTable,
  type LogAction,
  transitions as lifecycle,
  logActions,
  type TransitionBodyKind,
} from '../domain/lifecycle.ts';
import type { Role } from '../roles.ts';
import type * as z from '../zod.ts';
import { adminOnly, defineRoutes, everyone, reviewers } from './define.ts';

/** The body schema each kind of transition request is checked with. */
const transitionBodies = {
  note: TransitionBody,
  comment: ReturnBody,
  reason: ReopenBody,
  report: CompleteBody,
} as const satisfies Record<TransitionBodyKind, z.ZodMiniType>;

/** Route roles from the lifecycle's `who`: any role may own a log; reviewers are supervisors or admins. */
const transitionRoles = {
  owner: everyone,
  reviewer: reviewers,
  admin: adminOnly,
} as const satisfies Record<ActingParty, readonly Role[]>;

type Row<A extends LogAction> = LifecycleTable[A];

/** The route of one lifecycle action, typed from its row (so handlers and clients get its exact body). */
export type TransitionRoute<A extends LogAction> = {
  readonly method: 'POST';
  readonly path: `/api/mentorship-logs/{id}/${A}`;
  readonly fn: 'logs';
  readonly auth: (typeof transitionRoles)[Row<A>['who']];
  readonly tag: 'mentorship-logs';
  readonly summary: Row<A>['summary'];
  readonly params: typeof IdPath;
  readonly body: (typeof transitionBodies)[Row<A>['body']];
  readonly response: typeof MentorshipLogView;
};

/** `submit` → `submitLog`: the route key of an action. */
export type TransitionRouteId<A extends LogAction = LogAction> = `${A}Log`;
export const transitionRouteId = <A extends LogAction>(action: A) => `${action}Log` as TransitionRouteId<A>;

// TypeScript cannot follow a generic action through the lookups, hence the one assertion; the
// route-table test checks every generated row against its lifecycle row.
const transitionRoute = <A extends LogAction>(action: A) => {
  const row = lifecycle[action];
  return {
    method: 'POST',
    path: `/api/mentorship-logs/{id}/${action}`,
    fn: 'logs',
    auth: transitionRoles[row.who],
    tag: 'mentorship-logs',
    summary: row.summary,
    params: IdPath,
    body: transitionBodies[row.body],
    response: MentorshipLogView,
  } as TransitionRoute<A>;
};

/** One POST route per lifecycle action, generated from the lifecycle table. */
export const transitionRoutes = Object.fromEntries(
  logActions.map((action) => [transitionRouteId(action), transitionRoute(action)]),
) as { [A in LogAction as TransitionRouteId<A>]: TransitionRoute<A> };

/** The mentorship log: plan, approve, visit, report, verify (docs/lifecycle.md). */
export const logRoutes = defineRoutes({
  listLogs: {
    method: 'GET',
    path: '/api/mentorship-logs',
    fn: 'logs',
    auth: everyone,
    tag: 'mentorship-logs',
    summary:
      'Logs you may see (mentors: own; supervisors: scope; admins: all) by facility, mentor, status, visit dates, text.',
    query: ListLogsQuery,
    response: page(LogSummary),
  },
  createLog: {
    method: 'POST',
    path: '/api/mentorship-logs',
    fn: 'logs',
    auth: everyone,
    tag: 'mentorship-logs',
    summary: 'Plan a visit (draft) to a facility in your scope; pre-filled from the last visit there.',
    body: CreateLogBody,
    response: MentorshipLogView,
    status: 201,
    idempotent: true,
  },
  logCarryOver: {
    method: 'GET',
    path: '/api/mentorship-logs/carry-over',
    fn: 'logs',
    auth: everyone,
    tag: 'mentorship-logs',
    summary:
      'What a new plan for a facility starts from: open follow-ups and the outcomes of the last completed visit.',
    query: CarryOverQuery,
    response: CarryOver,
  },
  getLog: {
    method: 'GET',
    path: '/api/mentorship-logs/{id}',
    fn: 'logs',
    auth: everyone,
    tag: 'mentorship-logs',
    summary: 'A log, with the actions you may take on it now.',
    params: IdPath,
    response: MentorshipLogView,
  },
  updateLog: {
    method: 'PUT',
    path: '/api/mentorship-logs/{id}',
    fn: 'logs',
    auth: everyone,
    tag: 'mentorship-logs',
    summary:
      'Edit planning fields (draft/returned) or reporting fields (approved); send the version you read.',
    params: IdPath,
    body: UpdateLogBody,
    response: MentorshipLogView,
  },
  deleteLog: {
    method: 'DELETE',
    path: '/api/mentorship-logs/{id}',
    fn: 'logs',
    auth: everyone,
    tag: 'mentorship-logs',
    summary: 'Soft-delete your own draft (admins: any log); admins can restore it.',
    params: IdPath,
    query: DeleteLogQuery,
    response: MentorshipLogView,
  },
  logHistory: {
    method: 'GET',
    path: '/api/mentorship-logs/{id}/history',
    fn: 'logs',
    auth: everyone,
    tag: 'mentorship-logs',
    summary: 'The review trail and the audit entries of a log.',
    params: IdPath,
    response: LogHistory,
  },
  ...transitionRoutes,
  // Not a lifecycle step: a deleted log keeps its status and only comes back into the lists.
  restoreLog: {
    method: 'POST',
    path: '/api/mentorship-logs/{id}/restore',
    fn: 'logs',
    auth: adminOnly,
    tag: 'mentorship-logs',
    summary: 'Admin: restore a deleted log.',
    params: IdPath,
    body: VersionBody,
    response: MentorshipLogView,
  },
});
