import type { LogRelation, MentorshipLog, MentorshipLogView } from '@dml/shared';
import { allowedActions, planningEditable, reportingEditable } from '@dml/shared';
import { getLog } from '#data/logs';
import { notFound } from '#domain/errors';
import { coversFacility } from '#features/scope';
import type { Actor } from '#http/actor';

/** How the caller relates to a log: owner, role, and whether its facility is in their scope. */
export const relationTo = async (actor: Actor, log: MentorshipLog): Promise<LogRelation> => ({
  isOwner: log.mentor_id === actor.id,
  role: actor.role,
  inScope: await coversFacility(actor, log.facility_id),
});

/**
 * Who may read a log: its owner, a supervisor covering its facility, admins; a deleted log only
 * admins. The item read and every list (on its list fields) apply this one rule.
 */
export const canRead = (log: Pick<MentorshipLog, 'deleted_at'>, relation: LogRelation) => {
  if (log.deleted_at) return relation.role === 'admin';
  return (
    relation.isOwner || relation.role === 'admin' || (relation.role === 'supervisor' && relation.inScope)
  );
};

/** The relation to a list item, whose facility the list plan says is (or is not) in scope. */
export const listRelation = (
  actor: Pick<Actor, 'id' | 'role'>,
  item: Pick<MentorshipLog, 'mentor_id'>,
  inScope: boolean,
): LogRelation => ({ isOwner: item.mentor_id === actor.id, role: actor.role, inScope });

export const loadVisibleLog = async (actor: Actor, id: string, consistent = false) => {
  const log = await getLog(id, consistent);
  if (!log) throw notFound('Mentorship log');
  const relation = await relationTo(actor, log);
  if (!canRead(log, relation)) throw notFound('Mentorship log');
  return { log, relation };
};

const mayEdit = (relation: LogRelation) => relation.isOwner || relation.role === 'admin';

/** Who may delete a log (softly): its owner while it is a draft, an admin at any time. */
export const mayDelete = (log: Pick<MentorshipLog, 'status'>, relation: LogRelation) =>
  relation.role === 'admin' || (relation.isOwner && log.status === 'draft');

/** The log with what this caller may do with it next. */
export const viewOf = (log: MentorshipLog, relation: LogRelation): MentorshipLogView => {
  const deleted = Boolean(log.deleted_at);
  const sections: MentorshipLogView['editable_sections'] = [];
  if (!deleted && mayEdit(relation)) {
    if (planningEditable(log.status)) sections.push('planning');
    if (reportingEditable(log.status)) sections.push('reporting');
  }
  return {
    ...log,
    allowed_actions: allowedActions(log.status, relation, deleted),
    editable_sections: sections,
    can_delete: !deleted && mayDelete(log, relation),
    can_restore: deleted && relation.role === 'admin',
  };
};

export { mayEdit };
