import * as z from 'zod';
import { Role } from '../roles.ts';
import { Id, IsoDateTime, PageQuery, QueryBoolean, Version, VersionQuery } from './common.ts';
import { singleLineText } from './text.ts';

const Email = z
  .email({ message: 'must be an email address' })
  .max(254)
  .transform((e) => e.trim().toLowerCase());
const Name = singleLineText({ min: 2, max: 120 });
const Phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()-]{6,20}$/, 'must be a phone number (digits, spaces, + - ( ))');
const Designation = singleLineText({ max: 100 });
const RegionState = singleLineText({ min: 1, max: 100 });

export const User = z.object({
  id: Id,
  email: z.email(),
  name: z.string(),
  designation: z.string().nullable(),
  region_state: z.string().nullable(),
  phone: z.string().nullable(),
  role: Role,
  is_active: z.boolean(),
  /** The user's choice to receive daily reminder digests. */
  reminder_emails: z.boolean(),
  version: Version,
  created_at: IsoDateTime,
  updated_at: IsoDateTime,
});
export type User = z.infer<typeof User>;

/** `GET /api/auth/me`: the caller's profile; role comes from the verified token's group. */
export const Me = User.extend({ facility_count: z.number().int().nonnegative() });
export type Me = z.infer<typeof Me>;

export const CreateUserBody = z.strictObject({
  email: Email,
  name: Name,
  role: Role,
  designation: Designation.nullish(),
  region_state: RegionState.nullish(),
  phone: Phone.nullish(),
});
export type CreateUserBody = z.input<typeof CreateUserBody>;

/** What an admin may change; `version` is the one read. Role and activation are admin-only. */
export const UpdateUserBody = z.strictObject({
  version: Version,
  name: Name.optional(),
  designation: Designation.nullable().optional(),
  region_state: RegionState.nullable().optional(),
  phone: Phone.nullable().optional(),
  role: Role.optional(),
  is_active: z.boolean().optional(),
  reminder_emails: z.boolean().optional(),
});
export type UpdateUserBody = z.input<typeof UpdateUserBody>;

/** The fields a user may change on their own profile. */
export const selfEditableUserFields = ['name', 'designation', 'phone', 'reminder_emails'] as const;

export const ListUsersQuery = PageQuery.extend({
  role: Role.optional(),
  region_state: RegionState.optional(),
  is_active: QueryBoolean.optional(),
  /** Name prefix, or a whole email address. */
  q: singleLineText({ min: 1, max: 100 }).optional(),
});

export const DeleteUserQuery = VersionQuery;

export const UserCreated = User.extend({
  /** Whether the invitation email (with the temporary password) went out. */
  invitation_sent: z.boolean(),
});
export type UserCreated = z.infer<typeof UserCreated>;
