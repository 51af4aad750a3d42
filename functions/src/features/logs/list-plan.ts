import type { LogStatus } from '@dml/shared';
import { partitions } from '../../data/keys.ts';
import type { ListQuery } from '../../data/query.ts';

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

export type Caller =
  | { kind: 'admin' }
  | { kind: 'mentor'; id: string }
  /** `facilityIds`: the facilities of the scope the filters need (none for whole-scope lists). */
  | { kind: 'supervisor'; id: string; facilityIds: readonly string[] };

/** `null`: the filters exclude everything the caller may see (e.g. a facility outside scope). */
export type LogListPlan = Omit<ListQuery, 'limit' | 'cursor'> | null;

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
 * Chooses the one index partition that serves a filter combination for a caller, with the visit date
 * range as the sort-key bound. Facility, mentor, status and the caller's scope select partitions;
 * only rarer combinations (facility with mentor, a supervisor filtering by mentor) and text search
 * trim within that bound. Pure, so every combination is unit-tested.
 */
export const planLogList = (caller: Caller, f: LogFilters): LogListPlan => {
  const trim: Trim = { expressions: [], names: {}, values: {} };
  let index: ListQuery['index'];
  let partition: string;

  if (f.deleted) {
    if (caller.kind !== 'admin') return null;
    index = 'gsi1';
    partition = partitions.deletedLogs();
  } else if (caller.kind === 'mentor') {
    // Mentors read their own logs only.
    if (f.mentor_id && f.mentor_id !== caller.id) return null;
    [index, partition] = f.status
      ? ['gsi6', partitions.logsByMentorStatus(caller.id, f.status)]
      : ['gsi5', partitions.logsByMentor(caller.id)];
    if (f.facility_id)
      addTrim(trim, '#facility = :facility', { '#facility': 'facility_id' }, { ':facility': f.facility_id });
  } else if (f.facility_id) {
    if (caller.kind === 'supervisor' && !caller.facilityIds.includes(f.facility_id)) return null;
    [index, partition] = f.status
      ? ['gsi4', partitions.logsByFacilityStatus(f.facility_id, f.status)]
      : ['gsi3', partitions.logsByFacility(f.facility_id)];
    if (f.mentor_id)
      addTrim(trim, '#mentor = :mentor', { '#mentor': 'mentor_id' }, { ':mentor': f.mentor_id });
  } else if (f.mentor_id) {
    [index, partition] = f.status
      ? ['gsi6', partitions.logsByMentorStatus(f.mentor_id, f.status)]
      : ['gsi5', partitions.logsByMentor(f.mentor_id)];
    if (caller.kind === 'supervisor') {
      if (caller.facilityIds.length === 0) return null;
      const placeholders = caller.facilityIds.slice(0, 100).map((_, i) => `:scope${i}`);
      addTrim(
        trim,
        `#facility IN (${placeholders.join(', ')})`,
        { '#facility': 'facility_id' },
        Object.fromEntries(caller.facilityIds.slice(0, 100).map((id, i) => [`:scope${i}`, id])),
      );
    }
  } else if (caller.kind === 'supervisor') {
    [index, partition] = f.status
      ? ['gsi2', partitions.logsInScopeByStatus(caller.id, f.status)]
      : ['gsi1', partitions.logsInScope(caller.id)];
  } else {
    [index, partition] = f.status ? ['gsi2', partitions.logsByStatus(f.status)] : ['gsi1', partitions.logs()];
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
