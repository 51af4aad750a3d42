import type { Me, Role } from '@dml/shared';

const people: Record<Role, Pick<Me, 'id' | 'name' | 'designation' | 'region_state' | 'facility_count'>> = {
  admin: {
    id: '0b7f3c9a-1d2e-4f5a-8b6c-7d8e9f0a1b2c',
    name: 'Ada Okafor',
    designation: 'Programme Manager',
    region_state: null,
    facility_count: 12,
  },
  supervisor: {
    id: '1c8a4d0b-2e3f-4a6b-9c7d-8e9f0a1b2c3d',
    name: 'Sani Bello',
    designation: 'State Supervisor',
    region_state: 'Kano',
    facility_count: 6,
  },
  mentor: {
    id: '2d9b5e1c-3f4a-4b7c-8d8e-9f0a1b2c3d4e',
    name: 'Mary Ade',
    designation: 'Clinical Mentor',
    region_state: 'Kaduna',
    facility_count: 3,
  },
};

/** A valid `GET /api/auth/me` body (the client validates responses against the shared schema). */
export const meFor = (role: Role, overrides: Partial<Me> = {}): Me => ({
  ...people[role],
  email: `${role}@example.org`,
  phone: null,
  role,
  is_active: true,
  reminder_emails: true,
  version: 1,
  created_at: '2026-01-05T08:00:00Z',
  updated_at: '2026-01-05T08:00:00Z',
  ...overrides,
});

export const jsonResponse = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
