import type { FollowUp } from '@dml/shared';
import { coversFacility } from '#features/scope';
import type { Actor } from '#http/actor';

/** How a caller relates to a follow-up (owner of its log, assignee, supervisor covering its facility). */
export type FollowUpRelation = {
  isAdmin: boolean;
  isLogOwner: boolean;
  isAssignee: boolean;
  isReviewer: boolean;
};

type Placed = Pick<FollowUp, 'facility_id' | 'log_owner_id' | 'assigned_to'>;

/** `covers`: the caller covers the follow-up's facility (looked up, or known from the list's partition). */
export const followUpRelation = (
  actor: Pick<Actor, 'id' | 'role'>,
  f: Placed,
  covers: boolean,
): FollowUpRelation => ({
  isAdmin: actor.role === 'admin',
  isLogOwner: f.log_owner_id === actor.id,
  isAssignee: f.assigned_to === actor.id,
  isReviewer: actor.role === 'supervisor' && covers,
});

/** The relation for an item read: one GetItem tells whether a supervisor covers the facility. */
export const relationTo = async (actor: Pick<Actor, 'id' | 'role'>, f: Placed) =>
  followUpRelation(actor, f, actor.role === 'supervisor' && (await coversFacility(actor, f.facility_id)));

/**
 * Who may read a follow-up: admins; the owner of its log; its assignee; a supervisor covering its
 * facility. The item read and every list apply this one rule.
 */
export const canReadFollowUp = (r: FollowUpRelation) =>
  r.isAdmin || r.isLogOwner || r.isAssignee || r.isReviewer;

/** Who may change or re-assign it: the same, except an assignee who is only that. */
export const canManageFollowUp = (r: FollowUpRelation) => r.isAdmin || r.isLogOwner || r.isReviewer;
