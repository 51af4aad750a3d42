import type { LogStatus } from '@dml/shared';
import { logIndexes, logPointerIndexes, partitions } from '#data/keys';
import type { ListQuery } from '#data/query';

export type LogFilters = {
  facility_id?: string;
  mentor_id?: string;
  status?: LogStatus;
  from?: string;
  to?: string;
  q?: string;
  sort: 'visit_date' | '-visit_date';
  deleted?: boolean;
};

/** The caller's reach over logs: what a log list may hold for them (their role, and a facility they cover). */
export type LogListReach =
  | { kind: 'admin' }
  | { kind: 'mentor'; id: string }
  /** `coversFacility`: the supervisor covers the facility filtered on (looked up only with that filter). */
  | { kind: 'supervisor'; id: string; coversFacility?: boolean };

/**
 * The partition behind a log list and `inScope`: whether every item of it is at a facility the caller
 * covers (what the readability rule needs to know). `null`: the filters exclude everything the
 * caller may see (e.g. a facility outside scope).
 */
export type LogListPlan = (Omit<ListQuery, 'limit' | 'cursor'> & { inScope: boolean }) | null;

type Trim = { expressions: string[]; names: Record<string, string>; values: Record<string, unknown> };
const addTrim = (
  trim: Trim,
  expression: string,
  names: Record<string, string>,
  values: Record<string, unknown>,
) => {
  trim.expressions.push(expression);
  Object.assign(trim.names, names);
  Object.assign(trim.values, values);
};

/**
 * Chooses the one index partition that serves a filter combination for a caller's reach, with the visit date
 * range as the sort-key bound. Facility, mentor, status and the caller's scope select partitions — a
 * supervisor's scope is their pointer partition (by status, by mentor, by both), complete however
 * many facilities it spans; only a facility with a mentor and text search trim within that bound.
 * Pure, so every combination is unit-tested.
 */
export const planLogList = (reach: LogListReach, f: LogFilters): LogListPlan => {
  const trim: Trim = { expressions: [], names: {}, values: {} };
  let index: ListQuery['index'];
  let partition: string;
  let inScope = reach.kind === 'admin';

  if (f.deleted) {
    if (reach.kind !== 'admin') return null;
    index = logIndexes.deleted;
    partition = partitions.deletedLogs();
  } else if (reach.kind === 'mentor') {
    // Mentors read their own logs only.
    if (f.mentor_id && f.mentor_id !== reach.id) return null;
    [index, partition] = f.status
      ? [logIndexes.byMentorStatus, partitions.logsByMentorStatus(reach.id, f.status)]
      : [logIndexes.byMentor, partitions.logsByMentor(reach.id)];
    if (f.facility_id)
      addTrim(trim, '#facility = :facility', { '#facility': 'facility_id' }, { ':facility': f.facility_id });
  } else if (f.facility_id) {
    if (reach.kind === 'supervisor' && !reach.coversFacility) return null;
    inScope = true;
    [index, partition] = f.status
      ? [logIndexes.byFacilityStatus, partitions.logsByFacilityStatus(f.facility_id, f.status)]
      : [logIndexes.byFacility, partitions.logsByFacility(f.facility_id)];
    if (f.mentor_id)
      addTrim(trim, '#mentor = :mentor', { '#mentor': 'mentor_id' }, { ':mentor': f.mentor_id });
  } else if (reach.kind === 'supervisor') {
    inScope = true;
    if (f.mentor_id)
      [index, partition] = f.status
        ? [
            logPointerIndexes.inScopeByMentorStatus,
            partitions.logsInScopeByMentorStatus(reach.id, f.mentor_id, f.status),
          ]
        : [logPointerIndexes.inScopeByMentor, partitions.logsInScopeByMentor(reach.id, f.mentor_id)];
    else
      [index, partition] = f.status
        ? [logPointerIndexes.inScopeByStatus, partitions.logsInScopeByStatus(reach.id, f.status)]
        : [logPointerIndexes.inScope, partitions.logsInScope(reach.id)];
  } else if (f.mentor_id) {
    [index, partition] = f.status
      ? [logIndexes.byMentorStatus, partitions.logsByMentorStatus(f.mentor_id, f.status)]
      : [logIndexes.byMentor, partitions.logsByMentor(f.mentor_id)];
  } else {
    [index, partition] = f.status
      ? [logIndexes.byStatus, partitions.logsByStatus(f.status)]
      : [logIndexes.all, partitions.logs()];
  }

  if (f.q) addTrim(trim, 'contains(#search, :q)', { '#search': 'search_text' }, { ':q': f.q.toLowerCase() });

  // Sort keys are "<visit date>#<id>": '~' sorts after every id character, making `to` inclusive.
  const range: ListQuery['range'] =
    f.from && f.to
      ? { between: [f.from, `${f.to}#~`] }
      : f.from
        ? { gte: f.from }
        : f.to
          ? { lte: `${f.to}#~` }
          : undefined;

  return {
    index,
    partition,
    inScope,
    range,
    ascending: f.sort === 'visit_date',
    filter: trim.expressions.length
      ? {
          FilterExpression: trim.expressions.join(' AND '),
          ExpressionAttributeNames: trim.names,
          ExpressionAttributeValues: trim.values,
        }
      : undefined,
  };
};
