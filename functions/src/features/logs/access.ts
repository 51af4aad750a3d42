import type { MentorshipLog, MentorshipLogView, Relation } from '@dml/shared';
import { allowedActions, planningEditable, reportingEditable } from '@dml/shared';
import { isAssigned } from '../../data/assignments.ts';
import { getLog } from '../../data/logs.ts';
import type { Actor } from '../../http/actor.ts';
import { notFound } from '../../http/errors.ts';

/** How the caller relates to a log: owner, role, and whether its facility is in their scope. */
export const relationTo = async (actor: Actor, log: MentorshipLog): Promise<Relation> => ({
  isOwner: log.mentor_id === actor.id,
  role: actor.role,
  inScope: actor.role === 'admin' || (await isAssigned(actor.id, log.facility_id)),
});

/** DESIGN §5: owners read their own, supervisors their scope, admins all; deleted logs only admins. */
export const canRead = (log: MentorshipLog, relation: Relation) => {
  if (log.deleted_at) return relation.role === 'admin';
  return (
    relation.isOwner || relation.role === 'admin' || (relation.role === 'supervisor' && relation.inScope)
  );
};

export const loadVisibleLog = async (actor: Actor, id: string, consistent = false) => {
  const log = await getLog(id, consistent);
  if (!log) throw notFound('Mentorship log');
  const relation = await relationTo(actor, log);
  if (!canRead(log, relation)) throw notFound('Mentorship log');
  return { log, relation };
};

const mayEdit = (relation: Relation) => relation.isOwner || relation.role === 'admin';

/** The log with what this caller may do with it next. */
export const viewOf = (log: MentorshipLog, relation: Relation): MentorshipLogView => {
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
    can_delete: !deleted && (relation.role === 'admin' || (relation.isOwner && log.status === 'draft')),
    can_restore: deleted && relation.role === 'admin',
  };
};

export { mayEdit };
