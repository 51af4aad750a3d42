import { IdPath, page } from '../api/common.ts';
import { AssignedFacility, AssignFacilitiesBody } from '../api/facilities.ts';
import {
  CreateUserBody,
  DeleteUserQuery,
  ListUsersQuery,
  UpdateUserBody,
  User,
  UserCreated,
} from '../api/users.ts';
import * as z from '../zod.ts';
import { adminOnly, defineRoutes, everyone, reviewers } from './define.ts';

/** Users and the facilities each covers (the users function). */
export const userRoutes = defineRoutes({
  listUsers: {
    method: 'GET',
    path: '/api/users',
    fn: 'users',
    auth: reviewers,
    tag: 'users',
    summary:
      'Users (admins: all; supervisors: those sharing a facility in scope). Filters: role, state, active, name prefix or email.',
    query: ListUsersQuery,
    response: page(User),
  },
  createUser: {
    method: 'POST',
    path: '/api/users',
    fn: 'users',
    auth: adminOnly,
    tag: 'users',
    summary:
      'Invite a user: Cognito account in the role group, profile, invitation email with a temporary password.',
    body: CreateUserBody,
    response: UserCreated,
    status: 201,
    idempotent: true,
  },
  getUser: {
    method: 'GET',
    path: '/api/users/{id}',
    fn: 'users',
    auth: everyone,
    tag: 'users',
    summary: 'A user: yourself, users sharing a facility with a supervisor, anyone for admins.',
    params: IdPath,
    response: User,
  },
  updateUser: {
    method: 'PUT',
    path: '/api/users/{id}',
    fn: 'users',
    auth: everyone,
    tag: 'users',
    summary:
      'Change a profile (self: name, designation, phone, reminder emails; admins also role and activation).',
    params: IdPath,
    body: UpdateUserBody,
    response: User,
  },
  deactivateUser: {
    method: 'DELETE',
    path: '/api/users/{id}',
    fn: 'users',
    auth: adminOnly,
    tag: 'users',
    summary: 'Deactivate a user (sign-in disabled; history kept).',
    params: IdPath,
    query: DeleteUserQuery,
    response: User,
  },
  resendInvitation: {
    method: 'POST',
    path: '/api/users/{id}/resend-invitation',
    fn: 'users',
    auth: adminOnly,
    tag: 'users',
    summary: 'Issue a new temporary password to a user who has not signed in yet and email it.',
    params: IdPath,
    response: UserCreated,
  },
  assignFacilities: {
    method: 'POST',
    path: '/api/users/{id}/assign-facilities',
    fn: 'users',
    auth: adminOnly,
    tag: 'assignments',
    summary: 'Set, add or remove the facilities a user covers, by id or every facility of a state.',
    params: IdPath,
    body: AssignFacilitiesBody,
    response: z.object({ items: z.array(AssignedFacility) }),
  },
  listAssignedFacilities: {
    method: 'GET',
    path: '/api/users/{id}/assigned-facilities',
    fn: 'users',
    auth: everyone,
    tag: 'assignments',
    summary: 'The facilities a user covers.',
    params: IdPath,
    response: z.object({ items: z.array(AssignedFacility) }),
  },
});
