import type { Role } from '../roles.ts';

/** DESIGN §6. The mentorship log's statuses and the actions between them. */
export const logStatuses = ['draft', 'submitted', 'returned', 'approved', 'completed', 'verified'] as const;
export type LogStatus = (typeof logStatuses)[number];

export const logActions = [
  'submit',
  'withdraw',
  'approve',
  'return',
  'complete',
  'verify',
  'reopen',
] as const;
export type LogAction = (typeof logActions)[number];

/** Who may take an action: the log's owner, a reviewer (supervisor in scope or admin, never the owner), or an admin. */
export type Actor = 'owner' | 'reviewer' | 'admin';

type TransitionDef = {
  from: readonly LogStatus[];
  who: Actor;
  to: (from: LogStatus) => LogStatus;
  needs?: 'comment' | 'reason';
};

export const transitions: Record<LogAction, TransitionDef> = {
  submit: { from: ['draft', 'returned'], who: 'owner', to: () => 'submitted' },
  withdraw: { from: ['submitted'], who: 'owner', to: () => 'draft' },
  approve: { from: ['submitted'], who: 'reviewer', to: () => 'approved' },
  return: {
    from: ['submitted', 'completed'],
    who: 'reviewer',
    to: (from) => (from === 'submitted' ? 'returned' : 'approved'),
    needs: 'comment',
  },
  complete: { from: ['approved'], who: 'owner', to: () => 'completed' },
  verify: { from: ['completed'], who: 'reviewer', to: () => 'verified' },
  reopen: { from: ['verified'], who: 'admin', to: () => 'approved', needs: 'reason' },
};

/** How the caller relates to a log. */
export type Relation = { isOwner: boolean; role: Role; inScope: boolean };

/** May this caller ever take this action on this log, whatever its status? */
export const mayAct = (action: LogAction, relation: Relation): boolean => {
  const { who } = transitions[action];
  if (who === 'owner') return relation.isOwner;
  if (who === 'admin') return relation.role === 'admin';
  // Reviewers: an admin, or a supervisor covering the facility; never on their own log.
  if (relation.isOwner) return false;
  return relation.role === 'admin' || (relation.role === 'supervisor' && relation.inScope);
};

/** The actions this caller can take now, in lifecycle order. */
export const allowedActions = (status: LogStatus, relation: Relation, deleted = false): LogAction[] =>
  deleted ? [] : logActions.filter((a) => transitions[a].from.includes(status) && mayAct(a, relation));

export type TransitionCheck =
  | { ok: true; to: LogStatus }
  | { ok: false; reason: 'not_allowed' | 'wrong_status'; message: string; allowed: LogAction[] };

const who = {
  owner: "the log's owner",
  reviewer: 'a supervisor covering the facility or an admin (not the owner)',
  admin: 'an admin',
};

/** Decides a transition: refused for the wrong person (403) or the wrong status (409), with what is possible. */
export const checkTransition = (
  action: LogAction,
  status: LogStatus,
  relation: Relation,
): TransitionCheck => {
  const allowed = allowedActions(status, relation);
  if (!mayAct(action, relation)) {
    return {
      ok: false,
      reason: 'not_allowed',
      message: `Only ${who[transitions[action].who]} can ${action} this log.`,
      allowed,
    };
  }
  if (!transitions[action].from.includes(status)) {
    return {
      ok: false,
      reason: 'wrong_status',
      message: `A ${status} log cannot be ${pastTense[action]}. ${allowed.length ? `You can: ${allowed.join(', ')}.` : 'There is nothing you can do with it now.'}`,
      allowed,
    };
  }
  return { ok: true, to: transitions[action].to(status) };
};

export const pastTense: Record<LogAction, string> = {
  submit: 'submitted',
  withdraw: 'withdrawn',
  approve: 'approved',
  return: 'returned',
  complete: 'completed',
  verify: 'verified',
  reopen: 'reopened',
};

/** Which fields may change in which status (DESIGN §6): planning while draft/returned, reporting while approved. */
export const planningEditable = (status: LogStatus) => status === 'draft' || status === 'returned';
export const reportingEditable = (status: LogStatus) => status === 'approved';
