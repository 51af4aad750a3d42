import { randomUUID } from 'node:crypto';
import { assignmentItem } from '@dml/functions/data/assignments';
import { facilityItem } from '@dml/functions/data/facilities';
import { keys } from '@dml/functions/data/keys';
import { logItem, scopePointerItem } from '@dml/functions/data/logs';
import { userItem } from '@dml/functions/data/users';
import { bulkPut } from '@dml/infra/local/testing/bulk';
import { addDays, type Facility, logStatuses, newDraftLog, type User } from '@dml/shared';

/** Deterministic pseudo-randomness (mulberry32), so runs are comparable. */
export const random = (initial = 7) => {
  let seed = initial;
  return (n: number) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4_294_967_296) * n);
  };
};

export const user = (role: User['role'], name: string): User => {
  const at = new Date().toISOString();
  return {
    id: randomUUID(),
    email: `${name.toLowerCase().replace(/\W+/g, '.')}@bench.example.org`,
    name,
    role,
    designation: null,
    region_state: 'Kano',
    phone: null,
    is_active: true,
    reminder_emails: true,
    version: 1,
    created_at: at,
    updated_at: at,
  };
};

export const facility = (i: number): Facility => {
  const at = new Date().toISOString();
  return {
    id: randomUUID(),
    name: `Bench Facility ${i}`,
    code: `BF-${i}`,
    location: null,
    state: i % 2 ? 'Kano' : 'Kaduna',
    facility_type: 'clinic',
    contact_person: null,
    contact_email: null,
    contact_phone: null,
    latitude: 12,
    longitude: 8.5,
    geofence_radius_m: 500,
    deleted_at: null,
    version: 1,
    created_at: at,
    updated_at: at,
  };
};

/** A log at a random facility by a random mentor, in a random status, visited in 2025-2026. */
export const randomLog = (
  facilities: readonly Facility[],
  mentors: readonly User[],
  pick: (n: number) => number,
  at: string,
) => {
  const f = facilities[pick(facilities.length)] as Facility;
  const m = mentors[pick(mentors.length)] as User;
  return newDraftLog(
    {
      id: randomUUID(),
      facility_id: f.id,
      facility_name: f.name,
      mentor_id: m.id,
      mentor_name: m.name,
      visit_date: addDays('2025-01-01', pick(700)),
    },
    at,
    { status: logStatuses[pick(logStatuses.length)] },
  );
};

/** A programme: an admin, a supervisor covering 8 facilities, 8 mentors, and `count` logs. */
export const loadProgramme = async (count: number) => {
  const admin = user('admin', 'Bench Admin');
  const supervisor = user('supervisor', 'Bench Supervisor');
  const mentors = Array.from({ length: 8 }, (_, i) => user('mentor', `Bench Mentor ${i}`));
  const facilities = Array.from({ length: 8 }, (_, i) => facility(i));
  const pick = random();
  const at = new Date().toISOString();
  const items: Record<string, unknown>[] = [
    ...[admin, supervisor, ...mentors].map(userItem),
    ...facilities.map(facilityItem),
    ...facilities.map((f) =>
      assignmentItem({ user_id: supervisor.id, facility_id: f.id, assigned_at: at, assigned_by: admin.id }),
    ),
  ];
  for (let i = 0; i < count; i++) {
    const log = randomLog(facilities, mentors, pick, at);
    items.push(logItem(log), scopePointerItem(supervisor.id, log));
  }
  await bulkPut(items);
  return { admin, supervisor, mentors, facilities, keys };
};
