import { randomUUID } from 'node:crypto';
import type {
  Attachment,
  FollowUp,
  LogAction,
  LogStatus,
  MentorshipLogView,
  Notification,
  Page,
  RouteId,
  User,
} from '@dml/shared';
import { attachTo, type Persona, transitionBody, type World } from './world.ts';

export type Request = { path: string; query?: Record<string, string>; body?: unknown };
export type Case = {
  /** Builds the request a persona sends; may create fresh objects so each call is independent. */
  request: (world: World, persona: Persona) => Promise<Request>;
  expect: Record<Persona, number>;
};

const expectations = (
  anonymous: number,
  ownerMentor: number,
  otherMentor: number,
  supervisorInScope: number,
  supervisorOutOfScope: number,
  admin: number,
): Record<Persona, number> => ({
  anonymous,
  ownerMentor,
  otherMentor,
  supervisorInScope,
  supervisorOutOfScope,
  admin,
});

const fixed =
  (path: string, extra: Omit<Request, 'path'> = {}) =>
  async () => ({ path, ...extra });

/** One log of the owner mentor for the read-only cases, made on first use. */
const sharedLogs = new WeakMap<World, Promise<MentorshipLogView>>();
const sharedLog = (w: World) => {
  if (!sharedLogs.has(w)) sharedLogs.set(w, w.logs.inStatus('draft'));
  return sharedLogs.get(w) as Promise<MentorshipLogView>;
};

/** A follow-up on an approved log of the owner mentor, assigned to them. */
const followUpOf = async (w: World) => {
  const log = await w.logs.inStatus('approved');
  const created = await w.stack.api.post<FollowUp>(
    `/api/mentorship-logs/${log.id}/follow-ups`,
    { action_item: 'Matrix follow-up', assigned_to: w.users.ownerMentor.id, due_date: w.logs.today() },
    w.tokens.ownerMentor,
  );
  return created.body;
};
const sharedFollowUps = new WeakMap<World, Promise<FollowUp>>();
const sharedFollowUp = (w: World) => {
  if (!sharedFollowUps.has(w)) sharedFollowUps.set(w, followUpOf(w));
  return sharedFollowUps.get(w) as Promise<FollowUp>;
};

/** A notification of the owner mentor (their plan was approved). */
const ownerNotification = async (w: World) => {
  const log = await w.logs.inStatus('approved');
  await w.stack.settle();
  const list = await w.stack.api.get<Page<Notification>>(
    '/api/notifications?limit=100',
    w.tokens.ownerMentor,
  );
  const found = list.body.items.find((n) => n.entity_id === log.id);
  if (!found) throw new Error('no notification for the owner');
  return found;
};

const sharedAttachments = new WeakMap<World, Promise<Attachment>>();
const sharedAttachment = async (w: World) => {
  const log = await sharedLog(w);
  if (!sharedAttachments.has(w)) sharedAttachments.set(w, attachTo(w.stack, log.id, w.tokens.ownerMentor));
  return sharedAttachments.get(w) as Promise<Attachment>;
};

/** A transition tried on a fresh log in `from` each time, with a body that would succeed. */
const transitionCase = (from: LogStatus, action: LogAction, expect: Record<Persona, number>): Case => ({
  request: async (w) => {
    const log = await w.logs.inStatus(from);
    return { path: `/api/mentorship-logs/${log.id}/${action}`, body: transitionBody(action, log.version) };
  },
  expect,
});
const adminToken = (w: World) => w.tokens.admin;
const currentVersion = async (w: World, path: string) =>
  (await w.stack.api.get<{ version: number }>(path, adminToken(w))).body.version;

/**
 * Who may call what (roles and scope, docs/api-conventions.md), route by route. Typed as a Record over every RouteId, so a new route
 * without a row does not even compile; the test also checks it at run time.
 */
export const authorizationCases: Record<RouteId, Case> = {
  health: { request: fixed('/health'), expect: expectations(200, 200, 200, 200, 200, 200) },
  openapi: { request: fixed('/api/openapi.json'), expect: expectations(401, 200, 200, 200, 200, 200) },
  authMe: { request: fixed('/api/auth/me'), expect: expectations(401, 200, 200, 200, 200, 200) },

  listUsers: { request: fixed('/api/users'), expect: expectations(401, 403, 403, 200, 200, 200) },
  createUser: {
    request: async () => ({
      path: '/api/users',
      body: {
        email: `matrix-${randomUUID().slice(0, 8)}@test.example.org`,
        name: 'Matrix User',
        role: 'mentor',
      },
    }),
    expect: expectations(401, 403, 403, 403, 403, 201),
  },
  getUser: {
    request: async (w) => ({ path: `/api/users/${w.users.ownerMentor.id}` }),
    expect: expectations(401, 200, 404, 200, 404, 200),
  },
  updateUser: {
    request: async (w) => {
      const path = `/api/users/${w.users.ownerMentor.id}`;
      return {
        path,
        body: { version: await currentVersion(w, path), designation: `Mentor ${randomUUID().slice(0, 4)}` },
      };
    },
    // Supervisors see the owner but may not edit them.
    expect: expectations(401, 200, 404, 403, 404, 200),
  },
  deactivateUser: {
    request: async (w, persona) => {
      const target = persona === 'admin' ? await w.people.user('mentor') : w.users.otherMentor;
      return { path: `/api/users/${target.id}`, query: { version: '1' } };
    },
    expect: expectations(401, 403, 403, 403, 403, 200),
  },
  resendInvitation: {
    request: async (w, persona) => {
      if (persona !== 'admin') return { path: `/api/users/${w.users.ownerMentor.id}/resend-invitation` };
      const invited = await w.stack.api.post<User>(
        '/api/users',
        {
          email: `invited-${randomUUID().slice(0, 8)}@test.example.org`,
          name: 'Not Yet Signed In',
          role: 'mentor',
        },
        adminToken(w),
      );
      return { path: `/api/users/${invited.body.id}/resend-invitation` };
    },
    expect: expectations(401, 403, 403, 403, 403, 200),
  },
  assignFacilities: {
    request: async (w) => ({
      path: `/api/users/${w.users.ownerMentor.id}/assign-facilities`,
      body: { facility_ids: [w.facilities.inScope.id], mode: 'add' },
    }),
    expect: expectations(401, 403, 403, 403, 403, 200),
  },
  listAssignedFacilities: {
    request: async (w) => ({ path: `/api/users/${w.users.ownerMentor.id}/assigned-facilities` }),
    expect: expectations(401, 200, 404, 200, 404, 200),
  },

  listFacilities: { request: fixed('/api/facilities'), expect: expectations(401, 200, 200, 200, 200, 200) },
  createFacility: {
    request: async () => ({
      path: '/api/facilities',
      body: {
        name: 'Matrix Clinic',
        code: `M-${randomUUID().slice(0, 8)}`,
        state: 'Kano',
        facility_type: 'clinic',
      },
    }),
    expect: expectations(401, 403, 403, 403, 403, 201),
  },
  getFacility: {
    request: async (w) => ({ path: `/api/facilities/${w.facilities.inScope.id}` }),
    expect: expectations(401, 200, 404, 200, 404, 200),
  },
  updateFacility: {
    request: async (w) => {
      const path = `/api/facilities/${w.facilities.inScope.id}`;
      return {
        path,
        body: {
          version: await currentVersion(w, path),
          contact_person: `Contact ${randomUUID().slice(0, 4)}`,
        },
      };
    },
    expect: expectations(401, 403, 403, 403, 403, 200),
  },
  deleteFacility: {
    request: async (w, persona) => {
      const target = persona === 'admin' ? await w.people.facility() : w.facilities.inScope;
      return { path: `/api/facilities/${target.id}`, query: { version: String(target.version) } };
    },
    expect: expectations(401, 403, 403, 403, 403, 200),
  },
  listFacilityUsers: {
    request: async (w) => ({ path: `/api/facilities/${w.facilities.inScope.id}/users` }),
    expect: expectations(401, 403, 403, 200, 404, 200),
  },

  listAuditLogs: { request: fixed('/api/audit-logs'), expect: expectations(401, 403, 403, 403, 403, 200) },

  listLogs: { request: fixed('/api/mentorship-logs'), expect: expectations(401, 200, 200, 200, 200, 200) },
  createLog: {
    request: async (w) => ({
      path: '/api/mentorship-logs',
      body: {
        facility_id: w.facilities.inScope.id,
        visit_date: w.logs.today(),
        objectives: ['Matrix objective'],
      },
    }),
    // Out-of-scope callers cannot see the facility; supervisors may plan visits in their scope.
    expect: expectations(401, 201, 404, 201, 404, 201),
  },
  logCarryOver: {
    request: async (w) => ({
      path: '/api/mentorship-logs/carry-over',
      query: { facility_id: w.facilities.inScope.id },
    }),
    expect: expectations(401, 200, 404, 200, 404, 200),
  },
  getLog: {
    request: async (w) => ({ path: `/api/mentorship-logs/${(await sharedLog(w)).id}` }),
    expect: expectations(401, 200, 404, 200, 404, 200),
  },
  logHistory: {
    request: async (w) => ({ path: `/api/mentorship-logs/${(await sharedLog(w)).id}/history` }),
    expect: expectations(401, 200, 404, 200, 404, 200),
  },
  updateLog: {
    request: async (w) => {
      const log = await w.logs.read((await sharedLog(w)).id);
      return {
        path: `/api/mentorship-logs/${log.id}`,
        body: { version: log.version, logistics_notes: `Car ${randomUUID().slice(0, 4)}` },
      };
    },
    expect: expectations(401, 200, 404, 403, 404, 200),
  },
  deleteLog: {
    request: async (w) => {
      const log = await w.logs.inStatus('draft');
      return { path: `/api/mentorship-logs/${log.id}`, query: { version: String(log.version) } };
    },
    expect: expectations(401, 200, 404, 403, 404, 200),
  },
  submitLog: transitionCase('draft', 'submit', expectations(401, 200, 404, 403, 404, 403)),
  withdrawLog: transitionCase('submitted', 'withdraw', expectations(401, 200, 404, 403, 404, 403)),
  approveLog: transitionCase('submitted', 'approve', expectations(401, 403, 403, 200, 404, 200)),
  returnLog: transitionCase('submitted', 'return', expectations(401, 403, 403, 200, 404, 200)),
  completeLog: transitionCase('approved', 'complete', expectations(401, 200, 404, 403, 404, 403)),
  verifyLog: transitionCase('completed', 'verify', expectations(401, 403, 403, 200, 404, 200)),
  reopenLog: transitionCase('verified', 'reopen', expectations(401, 403, 403, 403, 403, 200)),
  createFollowUp: {
    request: async (w) => ({
      path: `/api/mentorship-logs/${(await sharedLog(w)).id}/follow-ups`,
      body: { action_item: 'Matrix action', assigned_to: w.users.ownerMentor.id, due_date: w.logs.today() },
    }),
    expect: expectations(401, 201, 404, 201, 404, 201),
  },
  listFollowUps: { request: fixed('/api/follow-ups'), expect: expectations(401, 200, 200, 200, 200, 200) },
  getFollowUp: {
    request: async (w) => ({ path: `/api/follow-ups/${(await sharedFollowUp(w)).id}` }),
    expect: expectations(401, 200, 404, 200, 404, 200),
  },
  updateFollowUp: {
    request: async (w) => {
      const path = `/api/follow-ups/${(await sharedFollowUp(w)).id}`;
      return {
        path,
        body: { version: await currentVersion(w, path), notes: `Note ${randomUUID().slice(0, 4)}` },
      };
    },
    expect: expectations(401, 200, 404, 200, 404, 200),
  },
  updateFollowUpStatus: {
    request: async (w) => {
      const f = await followUpOf(w);
      return { path: `/api/follow-ups/${f.id}/status`, body: { version: f.version, status: 'in_progress' } };
    },
    expect: expectations(401, 200, 404, 200, 404, 200),
  },
  deleteFollowUp: {
    request: async (w) => {
      const f = await followUpOf(w);
      return { path: `/api/follow-ups/${f.id}`, query: { version: String(f.version) } };
    },
    expect: expectations(401, 200, 404, 403, 404, 200),
  },
  listNotifications: {
    request: fixed('/api/notifications'),
    expect: expectations(401, 200, 200, 200, 200, 200),
  },
  notificationSummary: {
    request: fixed('/api/notifications/summary'),
    expect: expectations(401, 200, 200, 200, 200, 200),
  },
  readNotification: {
    // Notifications are private: anyone else's is not found.
    request: async (w) => ({ path: `/api/notifications/${(await ownerNotification(w)).id}/read` }),
    expect: expectations(401, 200, 404, 404, 404, 404),
  },
  readAllNotifications: {
    request: fixed('/api/notifications/read-all'),
    expect: expectations(401, 200, 200, 200, 200, 200),
  },
  requestUpload: {
    request: async (w) => ({
      path: '/api/attachments/upload',
      body: {
        mentorship_log_id: (await sharedLog(w)).id,
        file_name: 'matrix.jpg',
        file_type: 'image/jpeg',
        file_size: 256,
      },
    }),
    expect: expectations(401, 201, 404, 403, 404, 201),
  },
  renewUpload: {
    request: async (w) => ({
      path: `/api/attachments/${(await attachTo(w.stack, (await sharedLog(w)).id, w.tokens.ownerMentor, false)).id}/upload-url`,
    }),
    expect: expectations(401, 200, 404, 403, 404, 200),
  },
  confirmUpload: {
    request: async (w) => ({
      path: `/api/attachments/${(await attachTo(w.stack, (await sharedLog(w)).id, w.tokens.ownerMentor, false)).id}/confirm`,
    }),
    expect: expectations(401, 200, 404, 403, 404, 200),
  },
  getAttachment: {
    request: async (w) => ({ path: `/api/attachments/${(await sharedAttachment(w)).id}` }),
    expect: expectations(401, 200, 404, 200, 404, 200),
  },
  deleteAttachment: {
    request: async (w) => {
      const a = await attachTo(w.stack, (await sharedLog(w)).id, w.tokens.ownerMentor);
      return { path: `/api/attachments/${a.id}`, query: { version: String(a.version) } };
    },
    expect: expectations(401, 200, 404, 403, 404, 200),
  },
  listLogAttachments: {
    request: async (w) => ({ path: `/api/mentorship-logs/${(await sharedLog(w)).id}/attachments` }),
    expect: expectations(401, 200, 404, 200, 404, 200),
  },
  dashboard: { request: fixed('/api/reports/dashboard'), expect: expectations(401, 200, 200, 200, 200, 200) },
  trends: { request: fixed('/api/analytics/trends'), expect: expectations(401, 200, 200, 200, 200, 200) },
  mentorSummary: {
    request: fixed('/api/reports/mentor-summary'),
    expect: expectations(401, 200, 200, 200, 200, 200),
  },
  facilitySummary: {
    request: fixed('/api/reports/facility-summary'),
    expect: expectations(401, 200, 200, 200, 200, 200),
  },
  facilityPerformance: {
    request: async (w) => ({ path: `/api/facilities/${w.facilities.inScope.id}/performance` }),
    expect: expectations(401, 200, 404, 200, 404, 200),
  },
  exportReport: { request: fixed('/api/reports/export'), expect: expectations(401, 200, 200, 200, 200, 200) },
  exportLog: {
    request: async (w) => ({ path: `/api/mentorship-logs/${(await sharedLog(w)).id}/export` }),
    expect: expectations(401, 200, 404, 200, 404, 200),
  },
  reconcileFigures: {
    request: fixed('/api/reports/reconcile'),
    expect: expectations(401, 403, 403, 403, 403, 200),
  },
  restoreLog: {
    request: async (w) => {
      const log = await w.logs.inStatus('draft');
      const deleted = await w.stack.api.delete<MentorshipLogView>(
        `/api/mentorship-logs/${log.id}?version=${log.version}`,
        w.tokens.ownerMentor,
      );
      return { path: `/api/mentorship-logs/${log.id}/restore`, body: { version: deleted.body.version } };
    },
    expect: expectations(401, 403, 403, 403, 403, 200),
  },
};
