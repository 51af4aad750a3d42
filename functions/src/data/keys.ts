/**
 * Every key the application writes is built here, so the access patterns of the single table can be
 * read in one place. Sort keys that order lists end with the item id so they are unique.
 *
 * Access patterns (DESIGN §8) — each a GetItem or a Query bounded by its key condition:
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
 *                          visit date on gsi1 SCOPE#<user> (+ gsi2 SCOPE#<user>#ST#<status>)
 *  follow-up by id ....... FU#<id> / FU
 *  follow-ups by log ..... gsi1 FU#LOG#<log id> / <created>#<id>
 *  … assigned to a user .. gsi2 FU#ASSIGNEE#<user> / <0 open|1 closed>#<due>#<id>  (open first; overdue = a range)
 *  open by due date ...... gsi3 FU#OPEN / <due>#<id>  (sparse: only open items carry it — reminders read this)
 *  … by facility ......... gsi4 FU#FAC#<facility> / <0|1>#<due>#<id>
 *  … on a mentor's logs .. gsi5 FU#MENTOR#<mentor> / <0|1>#<due>#<id>
 *  … by status ........... gsi6 FU#ST#<status> / <due>#<id>
 *  review backlog ........ REVIEWQ / <since>#<log id>  (logs waiting for a supervisor; reminders read this)
 *  digest sent ........... DIGEST#<date> / <user>  (a reminder digest went out: re-runs send nothing)
 *  attachment by id ...... ATT#<id> / ATT;  by log: gsi1 ATT#LOG#<log id> / <created>#<id>
 *  audit by entity ....... AUDIT#<type>#<id> / <at>#<id>;  by user: gsi1 AUDIT#USER#<id>;  by time: gsi2 AUDIT
 *  notifications by user . gsi1 NOTIF#<user> / <U|R>#<at>#<id>  ('U' > 'R': descending = unread first, newest first)
 *  figures by scope/month  STATS#<scope>#<id> / <YYYY-MM>
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
  followUp: (id: string): Key => ({ pk: `FU#${id}`, sk: 'FU' }),
  attachment: (id: string): Key => ({ pk: `ATT#${id}`, sk: 'ATT' }),
  auditEntry: (entityType: string, entityId: string, at: string, id: string): Key => ({
    pk: `AUDIT#${entityType}#${entityId}`,
    sk: `${at}#${id}`,
  }),
  notification: (userId: string, id: string): Key => ({ pk: `USER#${userId}`, sk: `NOTIF#${id}` }),
  stats: (scope: string, scopeId: string, month: string): Key => ({
    pk: `STATS#${scope}#${scopeId}`,
    sk: month,
  }),
  idempotency: (userId: string, key: string): Key => ({ pk: `IDEMP#${userId}#${key}`, sk: 'IDEMP' }),
  outboxEvent: (id: string): Key => ({ pk: `EVENT#${id}`, sk: 'EVENT' }),
  reviewQueue: (since: string, logId: string): Key => ({ pk: 'REVIEWQ', sk: `${since}#${logId}` }),
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
  followUpsByLog: (logId: string) => `FU#LOG#${logId}`,
  followUpsByAssignee: (userId: string) => `FU#ASSIGNEE#${userId}`,
  openFollowUps: () => 'FU#OPEN',
  followUpsByFacility: (facilityId: string) => `FU#FAC#${facilityId}`,
  followUpsByMentor: (mentorId: string) => `FU#MENTOR#${mentorId}`,
  followUpsByStatus: (status: string) => `FU#ST#${status}`,
  attachmentsByLog: (logId: string) => `ATT#LOG#${logId}`,
  auditByUser: (userId: string) => `AUDIT#USER#${userId}`,
  audit: () => 'AUDIT',
  notificationsOf: (userId: string) => `NOTIF#${userId}`,
};

/** Sort key for name-ordered lists: case-folded name, then id for uniqueness. */
export const byName = (name: string, id: string) => `${fold(name)}#${id}`;
/** Sort key for date-ordered lists. */
export const byDate = (date: string, id: string) => `${date}#${id}`;
