import { BatchGetCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { LogSummary, MentorshipLog } from '@dml/shared';
import { ddb, tableName } from './client.ts';
import { stripStorage } from './items.ts';
import { byDate, indexKey, keys, logIndexes, logPointerIndexes, partitions } from './keys.ts';
import type { Item } from './query.ts';

/** Words a text search may match, lower-cased; kept short so it never bloats the item. */
export const searchText = (log: MentorshipLog) =>
  [
    log.facility_name,
    log.mentor_name,
    ...log.objectives.map((o) => o.objective_text),
    log.performance_summary,
    log.identified_gaps,
    log.visit_outcomes,
  ]
    .filter(Boolean)
    .join(' \u2022 ')
    .toLowerCase()
    // Text search (`?q=`) matches within the first 4 000 characters of these fields together: the
    // copy sits in the log item and every scope pointer, so it is bounded to keep those items small.
    .slice(0, 4000);

/**
 * The log item: table key by id; list indexes by programme, facility and mentor, each also by status,
 * all ordered by visit date. A soft-deleted log leaves them all for the deleted list.
 */
export const logItem = (log: MentorshipLog) => {
  const sk = byDate(log.visit_date, log.id);
  const indexes = log.deleted_at
    ? indexKey(logIndexes.deleted, partitions.deletedLogs(), sk)
    : {
        ...indexKey(logIndexes.all, partitions.logs(), sk),
        ...indexKey(logIndexes.byStatus, partitions.logsByStatus(log.status), sk),
        ...indexKey(logIndexes.byFacility, partitions.logsByFacility(log.facility_id), sk),
        ...indexKey(
          logIndexes.byFacilityStatus,
          partitions.logsByFacilityStatus(log.facility_id, log.status),
          sk,
        ),
        ...indexKey(logIndexes.byMentor, partitions.logsByMentor(log.mentor_id), sk),
        ...indexKey(logIndexes.byMentorStatus, partitions.logsByMentorStatus(log.mentor_id, log.status), sk),
      };
  return { ...keys.log(log.id), entity: 'log', ...indexes, search_text: searchText(log), ...log };
};

export const toSummary = (item: Item): LogSummary => {
  const log = item as unknown as MentorshipLog & {
    objective_count?: number;
    check_in_flag?: LogSummary['check_in_flag'];
  };
  return {
    id: log.id,
    facility_id: log.facility_id,
    facility_name: log.facility_name,
    mentor_id: log.mentor_id,
    mentor_name: log.mentor_name,
    status: log.status,
    visit_date: log.visit_date,
    submitted_at: log.submitted_at,
    updated_at: log.updated_at,
    deleted_at: log.deleted_at,
    version: log.version,
    objective_count: log.objective_count ?? log.objectives?.length ?? 0,
    check_in_flag: log.check_in_flag ?? log.check_in?.flag ?? null,
  };
};

/**
 * A user's pointer to a log of a facility they cover: the list fields, ordered by visit date (also
 * by status, by mentor, by mentor and status), so a supervisor's scope is one key-bounded Query
 * however many facilities it spans.
 */
export const scopePointerItem = (userId: string, log: MentorshipLog) => {
  const sk = byDate(log.visit_date, log.id);
  return {
    ...keys.scopePointer(userId, log.id),
    entity: 'scope_pointer',
    ...indexKey(logPointerIndexes.inScope, partitions.logsInScope(userId), sk),
    ...indexKey(logPointerIndexes.inScopeByStatus, partitions.logsInScopeByStatus(userId, log.status), sk),
    ...indexKey(logPointerIndexes.inScopeByMentor, partitions.logsInScopeByMentor(userId, log.mentor_id), sk),
    ...indexKey(
      logPointerIndexes.inScopeByMentorStatus,
      partitions.logsInScopeByMentorStatus(userId, log.mentor_id, log.status),
      sk,
    ),
    search_text: searchText(log),
    ...toSummary(log as unknown as Item),
  };
};

export const toLog = (item: Item) => {
  const { search_text: _search, ...rest } = stripStorage<MentorshipLog & { search_text?: string }>(item);
  return rest as MentorshipLog;
};

export const getLog = async (id: string, consistent = false): Promise<MentorshipLog | null> => {
  const { Item } = await ddb().send(
    new GetCommand({ TableName: tableName(), Key: keys.log(id), ConsistentRead: consistent }),
  );
  return Item ? toLog(Item) : null;
};

/** Many logs by id (100 keys per BatchGet), in the order asked; missing ones are skipped. */
export const getLogs = async (ids: readonly string[]): Promise<MentorshipLog[]> => {
  const found = new Map<string, MentorshipLog>();
  for (let i = 0; i < ids.length; i += 100) {
    let request: Record<string, { Keys: Record<string, unknown>[] }> | undefined = {
      [tableName()]: { Keys: ids.slice(i, i + 100).map((id) => keys.log(id)) },
    };
    while (request && Object.keys(request).length) {
      const result = await ddb().send(new BatchGetCommand({ RequestItems: request }));
      for (const item of result.Responses?.[tableName()] ?? []) found.set(String(item.id), toLog(item));
      request = result.UnprocessedKeys as typeof request;
    }
  }
  return ids.flatMap((id) => found.get(id) ?? []);
};
