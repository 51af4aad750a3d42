import { Role } from '../roles.ts';
import * as z from '../zod.ts';
import { Id, IsoDateTime, PageQuery, QueryBoolean, Version, VersionQuery } from './common.ts';
import { singleLineText } from './text.ts';

const Email = z.pipe(
  z.email({ message: 'must be an email address' }).check(z.maxLength(254)),
  z.transform((e: string) => e.trim().toLowerCase()),
);
const Name = singleLineText({ min: 2, max: 120 });
const Phone = z
  .string()
  .check(z.trim(), z.regex(/^\+?[0-9 ()-]{6,20}$/, 'must be a phone number (digits, spaces, + - ( ))'));
const Designation = singleLineText({ max: 100 });
const RegionState = singleLineText({ min: 1, max: 100 });

export const User = z.object({
  id: Id,
  email: z.email(),
  name: z.string(),
  designation: z.nullable(z.string()),
  region_state: z.nullable(z.string()),
  phone: z.nullable(z.string()),
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
export const Me = z.extend(User, { facility_count: z.int().check(z.nonnegative()) });
export type Me = z.infer<typeof Me>;

export const CreateUserBody = z.strictObject({
  email: Email,
  name: Name,
  role: Role,
  designation: z.nullish(Designation),
  region_state: z.nullish(RegionState),
  phone: z.nullish(Phone),
});
export type CreateUserBody = z.input<typeof CreateUserBody>;

/** What an admin may change; `version` is the one read. Role and activation are admin-only. */
export const UpdateUserBody = z.strictObject({
  version: Version,
  name: z.optional(Name),
  designation: z.optional(z.nullable(Designation)),
  region_state: z.optional(z.nullable(RegionState)),
  phone: z.optional(z.nullable(Phone)),
  role: z.optional(Role),
  is_active: z.optional(z.boolean()),
  reminder_emails: z.optional(z.boolean()),
});
export type UpdateUserBody = z.input<typeof UpdateUserBody>;

/** The fields a user may change on their own profile. */
export const selfEditableUserFields = ['name', 'designation', 'phone', 'reminder_emails'] as const;

export const ListUsersQuery = z.extend(PageQuery, {
  role: z.optional(Role),
  region_state: z.optional(RegionState),
  is_active: z.optional(QueryBoolean),
  /** Name prefix, or a whole email address. */
  q: z.optional(singleLineText({ min: 1, max: 100 })),
});

export const DeleteUserQuery = VersionQuery;

export const UserCreated = z.extend(User, {
  /** Whether the invitation email (with the temporary password) went out. */
  invitation_sent: z.boolean(),
});
export type UserCreated = z.infer<typeof UserCreated>;
