import { z } from 'zod';
import { Role } from '../roles.ts';
import { Id, IsoDateTime, Version } from './common.ts';

export const User = z.object({
  id: Id,
  email: z.email(),
  name: z.string(),
  designation: z.string().nullable(),
  region_state: z.string().nullable(),
  phone: z.string().nullable(),
  role: Role,
  is_active: z.boolean(),
  reminder_emails: z.boolean(),
  version: Version,
  created_at: IsoDateTime,
  updated_at: IsoDateTime,
});
export type User = z.infer<typeof User>;

/** `GET /api/auth/me`: the caller's profile; role comes from the verified token's group. */
export const Me = User.extend({ facility_count: z.number().int().nonnegative() });
export type Me = z.infer<typeof Me>;
