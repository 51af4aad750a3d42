import type { Role } from '../roles.ts';

/** The mentorship log's statuses and the actions between them. */
export const logStatuses = ['draft', 'submitted', 'returned', 'approved', 'completed', 'verified'] as const;
export type LogStatus = (typeof logStatuses)[number];

/** The party to a log who may take an action: the log's owner, a reviewer (supervisor in scope or admin, never the owner), or an admin. */
export type ActingParty = 'owner' | 'reviewer' | 'admin';

/**
 * What an action's request carries besides the version: `note` an optional comment, `comment` a
 * required comment, `reason` a required reason, `report` the visit report (outcomes, check-in).
 * The API picks the body schema by this name.
 */
export type TransitionBodyKind = 'note' | 'comment' | 'reason' | 'report';

type TransitionDef = {
  from: readonly LogStatus[];
  who: ActingParty;
  to: (from: LogStatus) => LogStatus;
  body: TransitionBodyKind;
  /** "A submitted log cannot be {past}", the trail's wording and the event name `mentorship-log.{past}`. */
  past: string;
  /** One line for the API reference. */
  summary: string;
};

/**
 * The lifecycle: one row per action, in lifecycle order. The route table, the handlers, the event
 * catalog and the web's requests are all generated from these rows, so an action is added here.
 */
const table = {
  submit: {
    from: ['draft', 'returned'],
    who: 'owner',
    to: () => 'submitted',
    body: 'note',
    past: 'submitted',
    summary:
      'Owner: send the plan for approval (needs facility, date, summary ≥ 10 characters, ≥ 1 objective).',
  },
  withdraw: {
    from: ['submitted'],
    who: 'owner',
    to: () => 'draft',
    body: 'note',
    past: 'withdrawn',
    summary: 'Owner: take a submitted plan back to draft.',
  },
  approve: {
    from: ['submitted'],
    who: 'reviewer',
    to: () => 'approved',
    body: 'note',
    past: 'approved',
    summary: 'Reviewer in scope (not the owner): approve the plan.',
  },
  return: {
    from: ['submitted', 'completed'],
    who: 'reviewer',
    to: (from) => (from === 'submitted' ? 'returned' : 'approved'),
    body: 'comment',
    past: 'returned',
    summary: 'Reviewer: send a plan (or a report) back with a comment.',
  },
  complete: {
    from: ['approved'],
    who: 'owner',
    to: () => 'completed',
    body: 'report',
    past: 'completed',
    summary: 'Owner: report the visit (outcomes; on/after the visit date; geo check-in).',
  },
  verify: {
    from: ['completed'],
    who: 'reviewer',
    to: () => 'verified',
    body: 'note',
    past: 'verified',
    summary: 'Reviewer in scope (not the owner): verify the report.',
  },
  reopen: {
    from: ['verified'],
    who: 'admin',
    to: () => 'approved',
    body: 'reason',
    past: 'reopened',
    summary: 'Admin: reopen a verified log, with a reason.',
  },
} as const satisfies Record<string, TransitionDef>;

/** The rows with their literal types (which body, who, past tense), for code generated from them. */
export type LifecycleTable = typeof table;
export type LogAction = keyof LifecycleTable;

export const transitions: Record<LogAction, TransitionDef> = table;
export const logActions = Object.keys(table) as [LogAction, ...LogAction[]];

/** `mentorship-log.submitted`… — the event each action emits. */
export type LogEventType<A extends LogAction = LogAction> = `mentorship-log.${LifecycleTable[A]['past']}`;
export const logEventTypeOf = <A extends LogAction>(action: A) =>
  `mentorship-log.${table[action].past}` as LogEventType<A>;

export const pastTense = Object.fromEntries(logActions.map((a) => [a, table[a].past])) as {
  [A in LogAction]: LifecycleTable[A]['past'];
};

/** How the caller relates to a log. */
export type LogRelation = { isOwner: boolean; role: Role; inScope: boolean };

/** May this caller ever take this action on this log, whatever its status? */
export const mayAct = (action: LogAction, relation: LogRelation): boolean => {
  const { who } = transitions[action];
  if (who === 'owner') return relation.isOwner;
  if (who === 'admin') return relation.role === 'admin';
  // Reviewers: an admin, or a supervisor covering the facility; never on their own log.
  if (relation.isOwner) return false;
  return relation.role === 'admin' || (relation.role === 'supervisor' && relation.inScope);
};

/** The actions this caller can take now, in lifecycle order. */
export const allowedActions = (status: LogStatus, relation: LogRelation, deleted = false): LogAction[] =>
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
  relation: LogRelation,
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

/** Which fields may change in which status: planning while draft/returned, reporting while approved. */
export const planningEditable = (status: LogStatus) => status === 'draft' || status === 'returned';
export const reportingEditable = (status: LogStatus) => status === 'approved';
