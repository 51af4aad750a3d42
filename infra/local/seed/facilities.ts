import { getFacilityIdByCode } from '@dml/functions/data/facilities';
import { createFacility } from '@dml/functions/features/facilities/service';
import { assignFacilities } from '@dml/functions/features/users/assignments';
import type { Actor } from '@dml/functions/http/actor';
import type { CreateFacilityBody } from '@dml/shared';
import { CreateFacilityBody as CreateFacilitySchema } from '@dml/shared';

/** Seven facilities in two states; the Nassarawa one is covered by nobody (admins still see it). */
export const demoFacilities: CreateFacilityBody[] = [
  {
    code: 'KN-001',
    name: 'Kano Municipal Primary Health Centre',
    state: 'Kano',
    facility_type: 'primary_health_centre',
    location: 'Kano Municipal LGA',
    latitude: 11.9964,
    longitude: 8.5167,
    contact_person: 'Hauwa Sani',
    contact_phone: '+234 803 000 0001',
  },
  {
    code: 'KN-002',
    name: 'Dala General Hospital',
    state: 'Kano',
    facility_type: 'general_hospital',
    location: 'Dala LGA',
    latitude: 12.0172,
    longitude: 8.4936,
    contact_person: 'Dr Yusuf Aliyu',
    contact_phone: '+234 803 000 0002',
  },
  {
    code: 'KN-003',
    name: 'Gwale Comprehensive Clinic',
    state: 'Kano',
    facility_type: 'clinic',
    location: 'Gwale LGA',
    latitude: 11.9855,
    longitude: 8.4997,
    contact_person: 'Fatima Garba',
  },
  {
    code: 'KN-004',
    name: 'Nassarawa Specialist Hospital',
    state: 'Kano',
    facility_type: 'specialist_hospital',
    location: 'Nassarawa LGA',
    latitude: 12.0022,
    longitude: 8.5456,
  },
  {
    code: 'KD-001',
    name: 'Kaduna North Primary Health Centre',
    state: 'Kaduna',
    facility_type: 'primary_health_centre',
    location: 'Kaduna North LGA',
    latitude: 10.5505,
    longitude: 7.4331,
    contact_person: 'Ruth Danjuma',
    contact_phone: '+234 803 000 0011',
  },
  {
    code: 'KD-002',
    name: 'Zaria General Hospital',
    state: 'Kaduna',
    facility_type: 'general_hospital',
    location: 'Zaria LGA',
    latitude: 11.0855,
    longitude: 7.7199,
    contact_person: 'Dr Bala Ahmed',
  },
  {
    code: 'KD-003',
    name: 'Kafanchan Clinic',
    state: 'Kaduna',
    facility_type: 'clinic',
    location: "Jema'a LGA",
    latitude: 9.5833,
    longitude: 8.3,
    contact_person: 'Esther Yakubu',
  },
];

/** Creates the demo facilities that do not exist yet (by code); returns code → id. */
export const seedFacilities = async (actor: Actor, now: Date) => {
  const ids: Record<string, string> = {};
  for (const input of demoFacilities) {
    const parsed = CreateFacilitySchema.parse(input);
    ids[parsed.code] =
      (await getFacilityIdByCode(parsed.code)) ?? (await createFacility(actor, parsed, undefined, now)).id;
  }
  return ids;
};

/** mentor covers Kano, mentor2 covers Kaduna, the supervisor covers both mentors' facilities. */
export const seedAssignments = async (
  actor: Actor,
  users: Record<string, string>,
  facilities: Record<string, string>,
  now: Date,
) => {
  const pick = (...codes: string[]) =>
    codes.map((c) => facilities[c]).filter((id): id is string => Boolean(id));
  const plan: [string, string[]][] = [
    ['mentor@example.org', pick('KN-001', 'KN-002', 'KN-003')],
    ['mentor2@example.org', pick('KD-001', 'KD-002', 'KD-003')],
    ['supervisor@example.org', pick('KN-001', 'KN-002', 'KN-003', 'KD-001', 'KD-002', 'KD-003')],
  ];
  for (const [email, facilityIds] of plan) {
    const userId = users[email];
    if (userId) await assignFacilities(actor, userId, { facility_ids: facilityIds, mode: 'add' }, now);
  }
};
