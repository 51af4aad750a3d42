import * as z from '../zod.ts';
import { Id, IsoDateTime, PageQuery, QueryBoolean, QueryVersion, Version } from './common.ts';
import { singleLineText } from './text.ts';

export const DEFAULT_GEOFENCE_RADIUS_M = 500;

const Code = z.pipe(
  z
    .string()
    .check(
      z.trim(),
      z.minLength(2),
      z.maxLength(50),
      z.regex(/^[A-Za-z0-9][A-Za-z0-9_./-]*$/, 'may contain letters, digits and - _ . /'),
    ),
  z.transform((c: string) => c.toUpperCase()),
);
const Text = (max: number) => singleLineText({ max });
const Latitude = z.number().check(z.gte(-90), z.lte(90));
const Longitude = z.number().check(z.gte(-180), z.lte(180));
const ContactPhone = z
  .string()
  .check(z.trim(), z.regex(/^\+?[0-9 ()-]{6,20}$/, 'must be a phone number (digits, spaces, + - ( ))'));

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
  location: z.nullable(z.string()),
  state: z.string(),
  facility_type: FacilityType,
  contact_person: z.nullable(z.string()),
  contact_email: z.nullable(z.string()),
  contact_phone: z.nullable(z.string()),
  latitude: z.nullable(z.number()),
  longitude: z.nullable(z.number()),
  geofence_radius_m: z.int(),
  deleted_at: z.nullable(IsoDateTime),
  version: Version,
  created_at: IsoDateTime,
  updated_at: IsoDateTime,
});
export type Facility = z.infer<typeof Facility>;

const facilityFields = {
  name: singleLineText({ min: 2, max: 200 }),
  code: Code,
  location: z.nullish(Text(255)),
  state: singleLineText({ min: 1, max: 100 }),
  facility_type: FacilityType,
  contact_person: z.nullish(Text(255)),
  contact_email: z.nullish(z.email().check(z.maxLength(254))),
  contact_phone: z.nullish(ContactPhone),
  latitude: z.nullish(Latitude),
  longitude: z.nullish(Longitude),
  geofence_radius_m: z.optional(z.int().check(z.gte(50), z.lte(50_000))),
};

const bothCoordinatesOrNeither = (value: { latitude?: number | null; longitude?: number | null }) =>
  (value.latitude === undefined || value.latitude === null) ===
  (value.longitude === undefined || value.longitude === null);
const coordinatesIssue = { message: 'give both latitude and longitude, or neither', path: ['longitude'] };

export const CreateFacilityBody = z
  .strictObject(facilityFields)
  .check(z.refine(bothCoordinatesOrNeither, coordinatesIssue));
export type CreateFacilityBody = z.input<typeof CreateFacilityBody>;

export const UpdateFacilityBody = z
  .extend(z.partial(z.strictObject(facilityFields)), { version: Version })
  .check(
    z.refine(
      (v) => (v.latitude === undefined && v.longitude === undefined) || bothCoordinatesOrNeither(v),
      coordinatesIssue,
    ),
  );
export type UpdateFacilityBody = z.input<typeof UpdateFacilityBody>;

export const ListFacilitiesQuery = z.extend(PageQuery, {
  state: z.optional(singleLineText({ min: 1, max: 100 })),
  facility_type: z.optional(FacilityType),
  /** Name prefix (case-insensitive), or an exact facility code. */
  q: z.optional(singleLineText({ min: 1, max: 100 })),
});

export const FacilityDeleted = z.object({
  id: Id,
  /** `deleted` when nothing referenced it; `retired` (soft-deleted) when logs did and an admin forced it. */
  outcome: z.enum(['deleted', 'retired']),
});

export const DeleteFacilityQuery = z.strictObject({
  version: QueryVersion,
  /** Admins may retire a facility that logs still reference: it is soft-deleted, history kept. */
  force: z.optional(QueryBoolean),
});

/** How many facility ids one assign-facilities request may carry. */
export const MAX_FACILITIES_PER_REQUEST = 500;

export const AssignFacilitiesBody = z.union([
  z.strictObject({
    facility_ids: z
      .array(Id)
      .check(
        z.maxLength(MAX_FACILITIES_PER_REQUEST, `at most ${MAX_FACILITIES_PER_REQUEST} facilities at a time`),
      ),
    mode: z._default(z.enum(['set', 'add', 'remove']), 'set'),
  }),
  z.strictObject({
    state: singleLineText({ min: 1, max: 100 }),
    mode: z._default(z.enum(['add', 'remove']), 'add'),
  }),
]);
export type AssignFacilitiesBody = z.input<typeof AssignFacilitiesBody>;

/** A facility as seen from a user's assignments (or a user as seen from a facility's). */
export const AssignedFacility = z.extend(Facility, { assigned_at: IsoDateTime });
export const FacilityUser = z.object({
  id: Id,
  name: z.string(),
  email: z.string(),
  role: z.enum(['admin', 'supervisor', 'mentor']),
  designation: z.nullable(z.string()),
  is_active: z.boolean(),
  assigned_at: IsoDateTime,
});
