import * as z from './zod.ts';

/** Cognito groups are the roles; the order is from most to least privileged. */
export const roles = ['admin', 'supervisor', 'mentor'] as const;
export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;

export const isRole = (value: unknown): value is Role => Role.safeParse(value).success;
