import type { FollowUpStatus } from '@dml/shared';
import { partitions } from '../../data/keys.ts';
import type { ListQuery } from '../../data/query.ts';

export type FollowUpFilters = {
  view: 'mine' | 'assigned' | 'all';
  mentorship_log_id?: string;
  facility_id?: string;
  status?: FollowUpStatus;
  open?: boolean;
  due_before?: string;
  overdue?: boolean;
};

export type FollowUpCaller = {
  id: string;
  role: 'admin' | 'supervisor' | 'mentor';
  scopeFacilityIds: readonly string[];
};

type Plan = Omit<ListQuery, 'limit' | 'cursor'>;

/**
 * The index partition behind a follow-up list. Partitions that sort open items first ("0#<due>")
 * turn "open", "overdue" (due before today) and "due before" into key ranges. Checks that the log
 * or facility is visible happen before (in the route); here only the shape of the query is chosen.
 */
export const planFollowUpList = (caller: FollowUpCaller, f: FollowUpFilters, today: string): Plan | null => {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const trims: string[] = [];
  const trim = (expression: string, n: Record<string, string>, v: Record<string, unknown>) => {
    trims.push(expression);
    Object.assign(names, n);
    Object.assign(values, v);
  };
  const onlyOpen = f.open || f.overdue || (f.status !== undefined && f.status !== 'completed');
  // In "0#<due>#<id>" partitions: due < today is [0#, 0#<today>); due ≤ D is [0#, 0#<D>#~].
  const openRange = (): ListQuery['range'] => {
    if (f.overdue)
      return { between: ['0#', `0#${f.due_before && f.due_before < today ? `${f.due_before}#~` : today}`] };
    if (f.due_before) return { between: ['0#', `0#${f.due_before}#~`] };
    return { beginsWith: '0#' };
  };
  const statusTrim = () => {
    if (f.status) trim('#status = :status', { '#status': 'status' }, { ':status': f.status });
  };

  let plan: Plan;
  if (f.mentorship_log_id) {
    plan = { index: 'gsi1', partition: partitions.followUpsByLog(f.mentorship_log_id) };
    statusTrim();
    if (f.open || f.overdue) trim('#status <> :done', { '#status': 'status' }, { ':done': 'completed' });
    if (f.overdue) trim('#due < :today', { '#due': 'due_date' }, { ':today': today });
    if (f.due_before) trim('#due <= :before', { '#due': 'due_date' }, { ':before': f.due_before });
  } else if (f.view === 'assigned' || f.view === 'mine' || f.facility_id) {
    const partition =
      f.view === 'assigned'
        ? partitions.followUpsByAssignee(caller.id)
        : f.view === 'mine'
          ? partitions.followUpsByMentor(caller.id)
          : partitions.followUpsByFacility(f.facility_id as string);
    const index = f.view === 'assigned' ? 'gsi2' : f.view === 'mine' ? 'gsi5' : 'gsi4';
    plan = {
      index,
      partition,
      range: onlyOpen ? openRange() : f.status === 'completed' ? { beginsWith: '1#' } : undefined,
    };
    statusTrim();
    if (f.facility_id && f.view !== 'all')
      trim('#facility = :facility', { '#facility': 'facility_id' }, { ':facility': f.facility_id });
    if (!onlyOpen && f.due_before)
      trim('#due <= :before', { '#due': 'due_date' }, { ':before': f.due_before });
  } else {
    // "all": admins the whole programme, supervisors their scope, mentors what is assigned to them.
    if (caller.role === 'mentor') return planFollowUpList(caller, { ...f, view: 'assigned' }, today);
    if (f.status === 'completed') {
      plan = {
        index: 'gsi6',
        partition: partitions.followUpsByStatus('completed'),
        range: f.due_before ? { lte: `${f.due_before}#~` } : undefined,
      };
    } else {
      plan = {
        index: 'gsi3',
        partition: partitions.openFollowUps(),
        range: f.overdue ? { lte: today } : f.due_before ? { lte: `${f.due_before}#~` } : undefined,
      };
      statusTrim();
    }
    if (caller.role === 'supervisor') {
      if (caller.scopeFacilityIds.length === 0) return null;
      const ids = caller.scopeFacilityIds.slice(0, 100);
      trim(
        `#facility IN (${ids.map((_, i) => `:scope${i}`).join(', ')})`,
        { '#facility': 'facility_id' },
        Object.fromEntries(ids.map((id, i) => [`:scope${i}`, id])),
      );
    }
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
