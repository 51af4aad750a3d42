import { randomUUID } from 'node:crypto';
import type { RouteId, User } from '@dml/shared';
import type { Persona, World } from './world.ts';

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
): Record<Persona, number> => ({ anonymous, ownerMentor, otherMentor, supervisorInScope, supervisorOutOfScope, admin });

const fixed = (path: string, extra: Omit<Request, 'path'> = {}) => async () => ({ path, ...extra });
const adminToken = (w: World) => w.tokens.admin;
const currentVersion = async (w: World, path: string) =>
  (await w.stack.api.get<{ version: number }>(path, adminToken(w))).body.version;

/**
 * Who may call what (DESIGN §5), route by route. Typed as a Record over every RouteId, so a new route
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
      body: { email: `matrix-${randomUUID().slice(0, 8)}@test.example.org`, name: 'Matrix User', role: 'mentor' },
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
      return { path, body: { version: await currentVersion(w, path), designation: `Mentor ${randomUUID().slice(0, 4)}` } };
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
        { email: `invited-${randomUUID().slice(0, 8)}@test.example.org`, name: 'Not Yet Signed In', role: 'mentor' },
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
      body: { name: 'Matrix Clinic', code: `M-${randomUUID().slice(0, 8)}`, state: 'Kano', facility_type: 'clinic' },
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
      return { path, body: { version: await currentVersion(w, path), contact_person: `Contact ${randomUUID().slice(0, 4)}` } };
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
};
