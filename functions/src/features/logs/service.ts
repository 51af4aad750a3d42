import { randomUUID } from 'node:crypto';
import { domainEvent, logEventType } from '@dml/events';
import {
  type CompleteBody,
  type CreateLogBody,
  checkTransition,
  classifyCheckIn,
  completeProblems,
  type LogAction,
  type MentorshipLog,
  newDraftLog,
  REVIEW_TRAIL_INLINE,
  type ReopenBody,
  type ReturnBody,
  submitProblems,
  type TrailEntry,
  type TransitionBody,
  type UpdateLogBody,
} from '@dml/shared';
import type * as z from '@dml/shared/zod';
import { getFacility } from '#data/facilities';
import { idempotentCreate } from '#data/idempotency';
import { rateLimitWrite } from '#data/rate-limit';
import {
  badRequest,
  conflict,
  forbidden,
  forbiddenAction,
  invalidTransition,
  notFound,
  unprocessable,
  versionConflict,
} from '#domain/errors';
import { coversFacility } from '#features/scope';
import { programmeToday } from '#features/today';
import type { Actor } from '#http/actor';
import { loadVisibleLog, mayDelete, mayEdit, relationTo, viewOf } from './access.ts';
import { carryOver } from './carry-over.ts';
import { lockedFields, nextObjectives } from './rules.ts';
import { commitLog } from './writer.ts';

type Create = z.output<typeof CreateLogBody>;
type Update = z.output<typeof UpdateLogBody>;
type Complete = z.output<typeof CompleteBody>;
type TransitionInput =
  | z.output<typeof TransitionBody>
  | z.output<typeof ReturnBody>
  | z.output<typeof ReopenBody>
  | Complete;

const today = programmeToday;
const notInPast = (date: string, now: Date) => {
  if (date < today(now))
    throw badRequest('A visit cannot be planned in the past.', [
      { path: 'visit_date', message: `must be ${today(now)} or later` },
    ]);
};

/** Plans a visit: a draft for a facility in the caller's scope, pre-filled from the last visit there. */
export const createLog = (actor: Actor, body: Create, idempotencyKey: string | undefined, now: Date) =>
  idempotentCreate({ actorId: actor.id, key: idempotencyKey, request: body, now }, async (claim) => {
    const facility = await getFacility(body.facility_id);
    const visible = facility && !facility.deleted_at && (await coversFacility(actor, facility.id));
    if (!facility || !visible)
      throw notFound('Facility', [{ path: 'facility_id', message: 'is not a facility you cover' }]);
    notInPast(body.visit_date, now);
    const carried = await carryOver(facility.id);
    const at = now.toISOString();
    const log = newDraftLog(
      {
        id: randomUUID(),
        facility_id: facility.id,
        facility_name: facility.name,
        mentor_id: actor.id,
        mentor_name: actor.name,
        visit_date: body.visit_date,
      },
      at,
      {
        performance_summary: body.performance_summary ?? null,
        identified_gaps: body.identified_gaps ?? null,
        // Absent means "start from the last visit"; an explicit null means the mentor cleared it.
        trends_summary: body.trends_summary === undefined ? carried.trends_summary : body.trends_summary,
        previous_followup:
          body.previous_followup === undefined ? carried.previous_followup : body.previous_followup,
        persistent_challenges: body.persistent_challenges ?? null,
        progress_made: body.progress_made ?? null,
        resources_needed: body.resources_needed ?? null,
        facility_requests: body.facility_requests ?? null,
        logistics_notes: body.logistics_notes ?? null,
        staff_to_engage: body.staff_to_engage ?? [],
        objectives: nextObjectives([], body.objectives ?? [], at, randomUUID),
      },
    );
    const view = viewOf(log, { isOwner: true, role: actor.role, inScope: true });
    await commitLog({ before: null, after: log, actor, action: 'create', claim, response: view, at: now });
    return view;
  });

const loadForChange = async (actor: Actor, id: string, version: number) => {
  const { log, relation } = await loadVisibleLog(actor, id, true);
  if (log.deleted_at) throw notFound('Mentorship log');
  return { log, relation, stale: log.version !== version };
};

/** Edits the section open in the log's status, under optimistic locking. */
export const updateLog = async (actor: Actor, id: string, body: Update, now: Date) => {
  const { version, objectives, ...fields } = body;
  const { log, relation, stale } = await loadForChange(actor, id, version);
  if (!mayEdit(relation)) throw forbidden("Only the log's owner or an admin can edit it.");
  if (stale) throw versionConflict(viewOf(log, relation));
  const sent = Object.keys(body).filter((k) => k !== 'version' && body[k as keyof Update] !== undefined);
  const locked = lockedFields(log.status, sent);
  if (locked.length) throw conflict(`This ${log.status} log cannot take these changes.`, locked);
  if (fields.visit_date && fields.visit_date !== log.visit_date) notInPast(fields.visit_date, now);

  const at = now.toISOString();
  const definedFields = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  const next: MentorshipLog = {
    ...log,
    ...definedFields,
    ...(objectives ? { objectives: nextObjectives(log.objectives, objectives, at, randomUUID) } : {}),
    version: log.version + 1,
    updated_at: at,
  };
  if (
    JSON.stringify({ ...next, version: 0, updated_at: '' }) ===
    JSON.stringify({ ...log, version: 0, updated_at: '' })
  ) {
    return viewOf(log, relation);
  }
  await commitLog({ before: log, after: next, actor, action: 'update', at: now });
  return viewOf(next, relation);
};

/** Moves a log along its lifecycle (docs/lifecycle.md): checks who, from which status, and what it needs. */
export const transitionLog = async (
  actor: Actor,
  id: string,
  action: LogAction,
  body: TransitionInput,
  now: Date,
) => {
  const { log, relation, stale } = await loadForChange(actor, id, body.version);
  const check = checkTransition(action, log.status, relation);
  if (!check.ok && check.reason === 'not_allowed') throw forbiddenAction(check.message, check.allowed);
  if (stale) throw versionConflict(viewOf(log, relation));
  if (!check.ok) throw invalidTransition(check.message, check.allowed);

  const at = now.toISOString();
  const comment =
    'comment' in body && body.comment ? body.comment : 'reason' in body && body.reason ? body.reason : null;
  let next: MentorshipLog = { ...log, status: check.to, version: log.version + 1, updated_at: at };

  if (action === 'submit') {
    const problems = submitProblems(log);
    if (problems.length) throw unprocessable('The plan is not complete enough to submit.', problems);
    next.submitted_at = at;
  } else if (action === 'approve') {
    next = { ...next, approved_at: at, approved_by: actor.id };
  } else if (action === 'verify') {
    next = { ...next, verified_at: at, verified_by: actor.id };
  } else if (action === 'complete') {
    const input = body as Complete;
    next = {
      ...next,
      visit_outcomes: input.visit_outcomes ?? log.visit_outcomes,
      lessons_learned: input.lessons_learned ?? log.lessons_learned,
    };
    const problems = completeProblems(next, today(now));
    const facility = await getFacility(log.facility_id);
    const position = input.location ?? null;
    const { flag, distance_m } = classifyCheckIn(
      position,
      facility ?? { latitude: null, longitude: null, geofence_radius_m: 0 },
    );
    if (flag === 'off_site' && !input.off_site_reason) {
      problems.push({
        path: 'off_site_reason',
        message: `your position is about ${distance_m} m from the facility (radius ${facility?.geofence_radius_m} m); say why you report from elsewhere`,
      });
    }
    if (problems.length) throw unprocessable('The visit report cannot be completed yet.', problems);
    next = {
      ...next,
      completed_at: at,
      check_in: {
        latitude: position?.latitude ?? null,
        longitude: position?.longitude ?? null,
        accuracy_m: position?.accuracy_m ?? null,
        captured_at: position?.captured_at ?? null,
        distance_m,
        flag,
        off_site_reason: input.off_site_reason ?? null,
      },
    };
  }

  // Submitting and completing email every reviewer of the facility: a loop must not flood them.
  // Counted in the commit, so a request that loses the race for this version spends nothing.
  const limits =
    action === 'submit' || action === 'complete'
      ? [
          rateLimitWrite('reviewRequestsOfOneLog', log.id, now),
          rateLimitWrite('notifyReviewers', actor.id, now),
        ]
      : [];
  const step: TrailEntry = {
    action,
    from: log.status,
    to: check.to,
    by: actor.id,
    by_name: actor.name,
    at,
    comment,
  };
  next.review_trail = [...log.review_trail, step].slice(-REVIEW_TRAIL_INLINE);
  const event = domainEvent(logEventType[action], {
    log_id: log.id,
    facility_id: log.facility_id,
    facility_name: log.facility_name,
    mentor_id: log.mentor_id,
    action,
    from: log.status,
    to: check.to,
    by: actor.id,
    by_name: actor.name,
    at,
    comment,
    visit_date: log.visit_date,
    version: next.version,
  });
  await commitLog({
    before: log,
    after: next,
    actor,
    action,
    events: [event],
    trailStep: step,
    limits,
    at: now,
  });
  return viewOf(next, await relationTo(actor, next));
};

/** Soft delete: owners their drafts, admins any log. */
export const deleteLog = async (actor: Actor, id: string, version: number, now: Date) => {
  const { log, relation, stale } = await loadForChange(actor, id, version);
  if (!mayDelete(log, relation)) {
    throw relation.isOwner
      ? conflict(`Only drafts can be deleted; this log is ${log.status}.`)
      : forbidden('Only the owner (drafts) or an admin can delete a log.');
  }
  if (stale) throw versionConflict(viewOf(log, relation));
  const at = now.toISOString();
  const next: MentorshipLog = { ...log, deleted_at: at, version: log.version + 1, updated_at: at };
  await commitLog({ before: log, after: next, actor, action: 'delete', at: now });
  return viewOf(next, relation);
};

export const restoreLog = async (actor: Actor, id: string, version: number, now: Date) => {
  const { log, relation } = await loadVisibleLog(actor, id, true);
  if (!log.deleted_at) throw invalidTransition('This log is not deleted.', []);
  if (log.version !== version) throw versionConflict(viewOf(log, relation));
  const at = now.toISOString();
  const next: MentorshipLog = { ...log, deleted_at: null, version: log.version + 1, updated_at: at };
  await commitLog({ before: log, after: next, actor, action: 'restore', at: now });
  return viewOf(next, relation);
};
