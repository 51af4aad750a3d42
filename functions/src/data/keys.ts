import { type IndexName, tableDefinition } from './table-definition.ts';

/**
 * Every key of the single table is built here, and which GSI serves which list is declared here once
 * per entity (`userIndexes`, `logIndexes`…): writers put an item's index keys under those names and
 * list readers query the same names. Sort keys that order lists end with the item id so they are unique.
 *
 * Access patterns (docs/data-model.md) — each a GetItem or a Query bounded by its key condition:
 *  user by id ............ USER#<id> / USER
 *  user by email ......... EMAIL#<email> / EMAIL (marker, holds user_id; also enforces uniqueness)
 *  users (all, by name) .. gsi1 USERS / <name>#<id>
 *  users by role ......... gsi2 USERS#ROLE#<role> / <name>#<id>
 *  users by state ........ gsi3 USERS#STATE#<state> / <name>#<id>
 *  facility by id ........ FAC#<id> / FAC
 *  facility by code ...... FACCODE#<code> / FACCODE (marker)
 *  facilities (by name) .. gsi1 FACILITIES / <name>#<id>
 *  facilities by state ... gsi2 FACILITIES#STATE#<state> / <name>#<id>
 *  facilities by type .... gsi3 FACILITIES#TYPE#<type> / <name>#<id>
 *  facilities of a user .. USER#<id> / ASSIGN#<facility id>
 *  users of a facility ... gsi1 FACUSERS#<facility id> / <user id>
 *  log by id ............. LOG#<id> / LOG
 *  logs (all) ............ gsi1 LOGS / <visit date>#<id>      (+ gsi2 LOGS#ST#<status>)
 *  logs by facility ...... gsi3 LOGS#FAC#<id> / <date>#<id>     (+ gsi4 …#ST#<status>)
 *  logs by mentor ........ gsi5 LOGS#MENTOR#<id> / <date>#<id>  (+ gsi6 …#ST#<status>)
 *  deleted logs .......... gsi1 LOGS#DELETED / <date>#<id>     (soft-deleted logs leave every other index)
 *  logs in a user's scope  SCOPE#<user> / LOG#<log id> (pointer with the list fields), ordered by
 *                          visit date on gsi1 SCOPE#<user> (+ gsi2 SCOPE#<user>#ST#<status>), and by
 *                          mentor on gsi3 SCOPE#<user>#MENTOR#<mentor> (+ gsi4 …#ST#<status>)
 *  follow-up by id ....... FU#<id> / FU
 *  follow-ups by log ..... gsi1 FU#LOG#<log id> / <created>#<id>
 *  … assigned to a user .. gsi2 FU#ASSIGNEE#<user> / <0 open|1 closed>#<due>#<id>  (open first; overdue = a range)
 *  open by due date ...... gsi3 FU#OPEN / <due>#<id>  (sparse: only open items carry it — reminders read this)
 *  … by facility ......... gsi4 FU#FAC#<facility> / <0|1>#<due>#<id>
 *  … on a mentor's logs .. gsi5 FU#MENTOR#<mentor> / <0|1>#<due>#<id>
 *  … by status ........... gsi6 FU#ST#<status> / <due>#<id>
 *  follow-ups in a user's  SCOPE#<user> / FU#<id> (pointer holding the follow-up), open first on
 *  scope                   gsi1 SCOPE#<user>#FU / <0|1>#<due>#<id>, by status on gsi2 …#FU#ST#<status> / <due>#<id>
 *  review backlog ........ REVIEWQ / <since>#<log id>  (logs waiting for a supervisor; reminders read this)
 *  review trail of a log . TRAIL#<log id> / <at>#<version>  (one item per step; the log keeps the recent ones)
 *  digest sent ........... DIGEST#<date> / <user>  (a reminder digest went out: re-runs send nothing)
 *  attachment by id ...... ATT#<id> / ATT;  by log: gsi1 ATT#LOG#<log id> / <created>#<id>
 *  audit by entity ....... AUDIT#<type>#<id> / <at>#<id>;  by user: gsi1 AUDIT#USER#<id>;  by time: gsi2 AUDIT
 *  notification by id .... USER#<user> / NOTIF#<id>
 *  notifications by user . gsi1 NOTIF#<user> / <U|R>#<at>#<id>  ('U' > 'R': descending = unread first, newest first)
 *  figures of a subject .. STATS#<subject> / Y#<year> | CURRENT  (subjects: domain/figures.ts);
 *                          all: gsi1 FIGURES / <subject>#<Y#year|CURRENT>  (the reconciliation job reads it)
 *  rate-limit window ..... RATE#<user>#<bucket> / <window number> (TTL)
 *  idempotency record .... IDEMP#<user>#<key> / IDEMP (TTL)
 *  outbox event .......... EVENT#<id> / EVENT (TTL; the stream publishes it)
 */

/** Lower-cased, trimmed: the form used in sort keys for case-insensitive order and prefix search. */
export const fold = (text: string) => text.trim().toLowerCase();

export type Key = { pk: string; sk: string };

export const keys = {
  user: (id: string): Key => ({ pk: `USER#${id}`, sk: 'USER' }),
  emailMarker: (email: string): Key => ({ pk: `EMAIL#${fold(email)}`, sk: 'EMAIL' }),
  facility: (id: string): Key => ({ pk: `FAC#${id}`, sk: 'FAC' }),
  facilityCodeMarker: (code: string): Key => ({ pk: `FACCODE#${code.trim().toUpperCase()}`, sk: 'FACCODE' }),
  assignment: (userId: string, facilityId: string): Key => ({
    pk: `USER#${userId}`,
    sk: `ASSIGN#${facilityId}`,
  }),
  assignmentPrefix: 'ASSIGN#',
  log: (id: string): Key => ({ pk: `LOG#${id}`, sk: 'LOG' }),
  scopePointer: (userId: string, logId: string): Key => ({ pk: `SCOPE#${userId}`, sk: `LOG#${logId}` }),
  followUpScopePointer: (userId: string, followUpId: string): Key => ({
    pk: `SCOPE#${userId}`,
    sk: `FU#${followUpId}`,
  }),
  followUp: (id: string): Key => ({ pk: `FU#${id}`, sk: 'FU' }),
  attachment: (id: string): Key => ({ pk: `ATT#${id}`, sk: 'ATT' }),
  auditEntry: (entityType: string, entityId: string, at: string, id: string): Key => ({
    pk: `AUDIT#${entityType}#${entityId}`,
    sk: `${at}#${id}`,
  }),
  notification: (userId: string, id: string): Key => ({ pk: `USER#${userId}`, sk: `NOTIF#${id}` }),
  /** `sk`: `Y#<year>` or `CURRENT`. */
  figures: (subject: string, sk: string): Key => ({ pk: `STATS#${subject}`, sk }),
  figuresPrefix: 'STATS#',
  idempotency: (userId: string, key: string): Key => ({ pk: `IDEMP#${userId}#${key}`, sk: 'IDEMP' }),
  outboxEvent: (id: string): Key => ({ pk: `EVENT#${id}`, sk: 'EVENT' }),
  reviewQueue: (since: string, logId: string): Key => ({ pk: 'REVIEWQ', sk: `${since}#${logId}` }),
  trailStep: (logId: string, at: string, version: number): Key => ({
    pk: `TRAIL#${logId}`,
    sk: `${at}#${String(version).padStart(6, '0')}`,
  }),
  digestSent: (date: string, userId: string): Key => ({ pk: `DIGEST#${date}`, sk: userId }),
  rateWindow: (userId: string, bucket: string, window: string): Key => ({
    pk: `RATE#${userId}#${bucket}`,
    sk: window,
  }),
};

/** Partition values of the list indexes, one builder per access pattern above. */
export const partitions = {
  users: () => 'USERS',
  usersByRole: (role: string) => `USERS#ROLE#${role}`,
  usersByState: (state: string) => `USERS#STATE#${fold(state)}`,
  facilities: () => 'FACILITIES',
  facilitiesByState: (state: string) => `FACILITIES#STATE#${fold(state)}`,
  facilitiesByType: (type: string) => `FACILITIES#TYPE#${fold(type)}`,
  usersOfFacility: (facilityId: string) => `FACUSERS#${facilityId}`,
  logs: () => 'LOGS',
  logsByStatus: (status: string) => `LOGS#ST#${status}`,
  logsByFacility: (facilityId: string) => `LOGS#FAC#${facilityId}`,
  logsByFacilityStatus: (facilityId: string, status: string) => `LOGS#FAC#${facilityId}#ST#${status}`,
  logsByMentor: (mentorId: string) => `LOGS#MENTOR#${mentorId}`,
  logsByMentorStatus: (mentorId: string, status: string) => `LOGS#MENTOR#${mentorId}#ST#${status}`,
  deletedLogs: () => 'LOGS#DELETED',
  logsInScope: (userId: string) => `SCOPE#${userId}`,
  logsInScopeByStatus: (userId: string, status: string) => `SCOPE#${userId}#ST#${status}`,
  logsInScopeByMentor: (userId: string, mentorId: string) => `SCOPE#${userId}#MENTOR#${mentorId}`,
  logsInScopeByMentorStatus: (userId: string, mentorId: string, status: string) =>
    `SCOPE#${userId}#MENTOR#${mentorId}#ST#${status}`,
  followUpsByLog: (logId: string) => `FU#LOG#${logId}`,
  followUpsByAssignee: (userId: string) => `FU#ASSIGNEE#${userId}`,
  openFollowUps: () => 'FU#OPEN',
  followUpsByFacility: (facilityId: string) => `FU#FAC#${facilityId}`,
  followUpsByMentor: (mentorId: string) => `FU#MENTOR#${mentorId}`,
  followUpsByStatus: (status: string) => `FU#ST#${status}`,
  followUpsInScope: (userId: string) => `SCOPE#${userId}#FU`,
  followUpsInScopeByStatus: (userId: string, status: string) => `SCOPE#${userId}#FU#ST#${status}`,
  attachmentsByLog: (logId: string) => `ATT#LOG#${logId}`,
  auditByUser: (userId: string) => `AUDIT#USER#${userId}`,
  audit: () => 'AUDIT',
  notificationsOf: (userId: string) => `NOTIF#${userId}`,
  figures: () => 'FIGURES',
};

/** Which GSI serves which list of each entity (the partition builders above say what goes in it). */
const indexesOf = <T extends Record<string, IndexName>>(table: T) => table;
export const userIndexes = indexesOf({ all: 'gsi1', byRole: 'gsi2', byState: 'gsi3' });
export const facilityIndexes = indexesOf({ all: 'gsi1', byState: 'gsi2', byType: 'gsi3' });
export const assignmentIndexes = indexesOf({ byFacility: 'gsi1' });
/** A soft-deleted log leaves the others and is listed on `deleted` (the same GSI as `all`). */
export const logIndexes = indexesOf({
  all: 'gsi1',
  deleted: 'gsi1',
  byStatus: 'gsi2',
  byFacility: 'gsi3',
  byFacilityStatus: 'gsi4',
  byMentor: 'gsi5',
  byMentorStatus: 'gsi6',
});
/** A log's pointer in the scope of a user covering its facility. */
export const logPointerIndexes = indexesOf({
  inScope: 'gsi1',
  inScopeByStatus: 'gsi2',
  inScopeByMentor: 'gsi3',
  inScopeByMentorStatus: 'gsi4',
});
export const followUpIndexes = indexesOf({
  byLog: 'gsi1',
  byAssignee: 'gsi2',
  /** Sparse: only open follow-ups carry it. */
  open: 'gsi3',
  byFacility: 'gsi4',
  byMentor: 'gsi5',
  byStatus: 'gsi6',
});
/** A follow-up's pointer in the scope of a user covering its facility. */
export const followUpPointerIndexes = indexesOf({ inScope: 'gsi1', inScopeByStatus: 'gsi2' });
export const attachmentIndexes = indexesOf({ byLog: 'gsi1' });
export const auditIndexes = indexesOf({ byUser: 'gsi1', all: 'gsi2' });
export const notificationIndexes = indexesOf({ byUser: 'gsi1' });
export const figureIndexes = indexesOf({ all: 'gsi1' });

/** The attribute names of an index's keys. */
export const indexAttributes = (index: IndexName) => {
  const def = tableDefinition.indexes.find((i) => i.name === index);
  if (!def) throw new Error(`Unknown index ${index}`);
  return { partitionKey: def.partitionKey, sortKey: def.sortKey };
};

/** The attributes an item carries to be listed on `index` in `partition`, ordered by `sort`. */
export const indexKey = (index: IndexName, partition: string, sort: string): Record<string, string> => {
  const { partitionKey, sortKey } = indexAttributes(index);
  return { [partitionKey]: partition, [sortKey]: sort };
};

/** Sort key for name-ordered lists: case-folded name, then id for uniqueness. */
export const byName = (name: string, id: string) => `${fold(name)}#${id}`;
/** Sort key for date-ordered lists. */
export const byDate = (date: string, id: string) => `${date}#${id}`;
