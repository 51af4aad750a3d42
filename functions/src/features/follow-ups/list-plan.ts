import type { FollowUpStatus } from '@dml/shared';
import { followUpIndexes, followUpPointerIndexes, partitions } from '#data/keys';
import type { ListQuery } from '#data/query';

export type FollowUpFilters = {
  view: 'mine' | 'assigned' | 'all';
  mentorship_log_id?: string;
  facility_id?: string;
  status?: FollowUpStatus;
  open?: boolean;
  due_before?: string;
  overdue?: boolean;
};

/** The caller's reach over follow-ups: who they are, and whether they cover the log or facility filtered on. */
export type FollowUpListReach = {
  id: string;
  role: 'admin' | 'supervisor' | 'mentor';
  /** The route found that the caller covers the facility of the log or facility filtered on. */
  coversFilter: boolean;
};

/**
 * The index partition behind a follow-up list, and `covers`: whether every item of it is at a
 * facility the caller covers (what the readability rule needs to know about a list's items).
 */
export type FollowUpListPlan = Omit<ListQuery, 'limit' | 'cursor'> & { covers: boolean };

/**
 * Chooses the partition that serves a follow-up list. Partitions that sort open items first
 * ("0#<due>") turn "open", "overdue" (due before today) and "due before" into key ranges; status
 * partitions ("<due>#<id>") turn the due dates into a range. A supervisor's whole view is their
 * scope pointer partition, so it is complete and key-bounded however many facilities they cover.
 * Mentors' whole view is what is assigned to them (their own logs' items are `mine`): a facility they
 * cover holds other mentors' follow-ups, which they may not read. Checks that the log or facility is
 * visible happen before (in the route). Pure, so every combination is unit-tested.
 */
export const planFollowUpList = (
  reach: FollowUpListReach,
  f: FollowUpFilters,
  today: string,
): FollowUpListPlan | null => {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const trims: string[] = [];
  const trim = (expression: string, n: Record<string, string>, v: Record<string, unknown>) => {
    trims.push(expression);
    Object.assign(names, n);
    Object.assign(values, v);
  };
  const onlyOpen = f.open || f.overdue || (f.status !== undefined && f.status !== 'completed');
  if (onlyOpen && f.status === 'completed') return null;
  // The upper bound of the due date on "<due>#<id>": overdue is due < today, i.e. below "<today>"
  // (an item due today sorts as "<today>#…", above it); due ≤ D is up to "<D>#~".
  const dueBound = () => {
    if (f.overdue) return f.due_before && f.due_before < today ? `${f.due_before}#~` : today;
    return f.due_before ? `${f.due_before}#~` : undefined;
  };
  const openFirstRange = (): ListQuery['range'] => {
    if (onlyOpen) {
      const bound = dueBound();
      return bound ? { between: ['0#', `0#${bound}`] } : { beginsWith: '0#' };
    }
    return f.status === 'completed' ? { beginsWith: '1#' } : undefined;
  };
  const byStatusRange = (): ListQuery['range'] => {
    const bound = dueBound();
    return bound ? { lte: bound } : undefined;
  };
  const statusTrim = () => {
    if (f.status) trim('#status = :status', { '#status': 'status' }, { ':status': f.status });
  };
  const closedDueTrim = () => {
    if (!onlyOpen && f.due_before)
      trim('#due <= :before', { '#due': 'due_date' }, { ':before': f.due_before });
  };
  const facilityTrim = () => {
    if (f.facility_id)
      trim('#facility = :facility', { '#facility': 'facility_id' }, { ':facility': f.facility_id });
  };

  let plan: Omit<FollowUpListPlan, 'ascending' | 'filter'>;
  const view = f.view === 'all' && reach.role === 'mentor' ? 'assigned' : f.view;
  if (f.mentorship_log_id) {
    plan = {
      index: followUpIndexes.byLog,
      partition: partitions.followUpsByLog(f.mentorship_log_id),
      covers: reach.coversFilter,
    };
    statusTrim();
    if (f.open || f.overdue) trim('#status <> :done', { '#status': 'status' }, { ':done': 'completed' });
    if (f.overdue) trim('#due < :today', { '#due': 'due_date' }, { ':today': today });
    if (f.due_before) trim('#due <= :before', { '#due': 'due_date' }, { ':before': f.due_before });
    if (view === 'assigned') trim('#assignee = :me', { '#assignee': 'assigned_to' }, { ':me': reach.id });
    if (view === 'mine') trim('#owner = :me', { '#owner': 'log_owner_id' }, { ':me': reach.id });
    facilityTrim();
  } else if (view === 'assigned' || view === 'mine') {
    plan =
      view === 'assigned'
        ? {
            index: followUpIndexes.byAssignee,
            partition: partitions.followUpsByAssignee(reach.id),
            covers: false,
          }
        : {
            index: followUpIndexes.byMentor,
            partition: partitions.followUpsByMentor(reach.id),
            covers: false,
          };
    plan.range = openFirstRange();
    statusTrim();
    facilityTrim();
    closedDueTrim();
  } else if (f.facility_id) {
    plan = {
      index: followUpIndexes.byFacility,
      partition: partitions.followUpsByFacility(f.facility_id),
      range: openFirstRange(),
      covers: reach.coversFilter,
    };
    statusTrim();
    closedDueTrim();
  } else if (reach.role === 'supervisor') {
    plan = f.status
      ? {
          index: followUpPointerIndexes.inScopeByStatus,
          partition: partitions.followUpsInScopeByStatus(reach.id, f.status),
          range: byStatusRange(),
          covers: true,
        }
      : {
          index: followUpPointerIndexes.inScope,
          partition: partitions.followUpsInScope(reach.id),
          range: openFirstRange(),
          covers: true,
        };
    if (!f.status) closedDueTrim();
  } else {
    // Admins: the programme-wide partitions hold one status each, or every open item.
    plan = f.status
      ? {
          index: followUpIndexes.byStatus,
          partition: partitions.followUpsByStatus(f.status),
          range: byStatusRange(),
          covers: false,
        }
      : {
          index: followUpIndexes.open,
          partition: partitions.openFollowUps(),
          range: byStatusRange(),
          covers: false,
        };
  }
  return {
    ...plan,
    ascending: true,
    filter: trims.length
      ? {
          FilterExpression: trims.join(' AND '),
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        }
      : undefined,
  };
};
