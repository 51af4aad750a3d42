import * as z from 'zod';
import { Id, IsoDateTime, PageQuery, QueryVersion, Version } from './common.ts';
import { singleLineText } from './text.ts';

export const DEFAULT_GEOFENCE_RADIUS_M = 500;

const Code = z
  .string()
  .trim()
  .min(2)
  .max(50)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_./-]*$/, 'may contain letters, digits and - _ . /')
  .transform((c) => c.toUpperCase());
const Text = (max: number) => singleLineText({ max });
const Latitude = z.number().min(-90).max(90);
const Longitude = z.number().min(-180).max(180);
const ContactPhone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()-]{6,20}$/, 'must be a phone number (digits, spaces, + - ( ))');

export const facilityTypes = [
  'primary_health_centre',
  'clinic',
  'general_hospital',
  'specialist_hospital',
  'teaching_hospital',
  'other',
] as const;
export const FacilityType = z.enum(facilityTypes);

export const Facility = z.object({
  id: Id,
  name: z.string(),
  code: z.string(),
  location: z.string().nullable(),
  state: z.string(),
  facility_type: FacilityType,
  contact_person: z.string().nullable(),
  contact_email: z.string().nullable(),
  contact_phone: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  geofence_radius_m: z.number().int(),
  deleted_at: IsoDateTime.nullable(),
  version: Version,
  created_at: IsoDateTime,
  updated_at: IsoDateTime,
});
export type Facility = z.infer<typeof Facility>;

const facilityFields = {
  name: singleLineText({ min: 2, max: 200 }),
  code: Code,
  location: Text(255).nullish(),
  state: singleLineText({ min: 1, max: 100 }),
  facility_type: FacilityType,
  contact_person: Text(255).nullish(),
  contact_email: z.email().max(254).nullish(),
  contact_phone: ContactPhone.nullish(),
  latitude: Latitude.nullish(),
  longitude: Longitude.nullish(),
  geofence_radius_m: z.number().int().min(50).max(50_000).optional(),
};

const bothCoordinatesOrNeither = (value: { latitude?: number | null; longitude?: number | null }) =>
  (value.latitude === undefined || value.latitude === null) ===
  (value.longitude === undefined || value.longitude === null);
const coordinatesIssue = { message: 'give both latitude and longitude, or neither', path: ['longitude'] };

export const CreateFacilityBody = z
  .strictObject(facilityFields)
  .refine(bothCoordinatesOrNeither, coordinatesIssue);
export type CreateFacilityBody = z.input<typeof CreateFacilityBody>;

export const UpdateFacilityBody = z
  .strictObject(facilityFields)
  .partial()
  .extend({ version: Version })
  .refine(
    (v) => (v.latitude === undefined && v.longitude === undefined) || bothCoordinatesOrNeither(v),
    coordinatesIssue,
  );
export type UpdateFacilityBody = z.input<typeof UpdateFacilityBody>;

export const ListFacilitiesQuery = PageQuery.extend({
  state: singleLineText({ min: 1, max: 100 }).optional(),
  facility_type: FacilityType.optional(),
  /** Name prefix (case-insensitive), or an exact facility code. */
  q: singleLineText({ min: 1, max: 100 }).optional(),
});

export const FacilityDeleted = z.object({
  id: Id,
  /** `deleted` when nothing referenced it; `retired` (soft-deleted) when logs did and an admin forced it. */
  outcome: z.enum(['deleted', 'retired']),
});

export const DeleteFacilityQuery = z.strictObject({
  version: QueryVersion,
  /** Admins may retire a facility that logs still reference: it is soft-deleted, history kept. */
  force: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

/** How many facility ids one assign-facilities request may carry. */
export const MAX_FACILITIES_PER_REQUEST = 500;

export const AssignFacilitiesBody = z.union([
  z.strictObject({
    facility_ids: z
      .array(Id)
      .max(MAX_FACILITIES_PER_REQUEST, `at most ${MAX_FACILITIES_PER_REQUEST} facilities at a time`),
    mode: z.enum(['set', 'add', 'remove']).default('set'),
  }),
  z.strictObject({
    state: singleLineText({ min: 1, max: 100 }),
    mode: z.enum(['add', 'remove']).default('add'),
  }),
]);
export type AssignFacilitiesBody = z.input<typeof AssignFacilitiesBody>;

/** A facility as seen from a user's assignments (or a user as seen from a facility's). */
export const AssignedFacility = Facility.extend({ assigned_at: IsoDateTime });
export const FacilityUser = z.object({
  id: Id,
  name: z.string(),
  email: z.string(),
  role: z.enum(['admin', 'supervisor', 'mentor']),
  designation: z.string().nullable(),
  is_active: z.boolean(),
  assigned_at: IsoDateTime,
});
