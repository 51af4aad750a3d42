import type {
  AttachmentWithUrl,
  AuditEntry,
  Dashboard,
  Facility,
  FollowUp,
  LogSummary,
  Me,
  MentorshipLogView,
  Notification,
  Role,
  User,
} from '@dml/shared';
import { newDraftLog } from '@dml/shared/domain/new-log';

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

/** A valid UUID numbered `n` (the client checks ids in responses against the shared schemas). */
export const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const userFixture = (overrides: Partial<User> = {}): User => ({
  id: uuid(101),
  email: 'amina.yusuf@example.org',
  name: 'Amina Yusuf',
  designation: 'Clinical Mentor',
  region_state: 'Kano',
  phone: null,
  role: 'mentor',
  is_active: true,
  reminder_emails: true,
  version: 3,
  created_at: '2026-01-05T08:00:00Z',
  updated_at: '2026-01-06T08:00:00Z',
  ...overrides,
});

export const facilityFixture = (overrides: Partial<Facility> = {}): Facility => ({
  id: uuid(201),
  name: 'Dala General Hospital',
  code: 'KN-DALA-GH',
  location: 'Dala LGA',
  state: 'Kano',
  facility_type: 'general_hospital',
  contact_person: 'Dr. Musa Ibrahim',
  contact_email: 'dala.gh@example.org',
  contact_phone: '+234 803 000 0000',
  latitude: 12.0122,
  longitude: 8.4922,
  geofence_radius_m: 500,
  deleted_at: null,
  version: 2,
  created_at: '2026-01-05T08:00:00Z',
  updated_at: '2026-01-05T08:00:00Z',
  ...overrides,
});

export const assignedFixture = (facility: Facility, assigned_at = '2026-01-07T08:00:00Z') => ({
  ...facility,
  assigned_at,
});

export const auditEntryFixture = (overrides: Partial<AuditEntry> = {}): AuditEntry => ({
  id: uuid(301),
  user_id: uuid(1),
  user_email: 'admin@example.org',
  entity_type: 'user',
  entity_id: uuid(101),
  action: 'update',
  changes: { name: { from: 'Amina Yusif', to: 'Amina Yusuf' } },
  created_at: '2026-01-06T08:00:00Z',
  ...overrides,
});

/** A list response (`{items, next_cursor}`). */
export const pageOf = <T>(items: T[], next_cursor: string | null = null) => ({ items, next_cursor });

/** The mentor of `meFor('mentor')`, who owns the log fixtures. */
export const MENTOR_ID = '2d9b5e1c-3f4a-4b7c-8d8e-9f0a1b2c3d4e';
export const SUPERVISOR_ID = '1c8a4d0b-2e3f-4a6b-9c7d-8e9f0a1b2c3d';

/** A valid `MentorshipLogView`: a draft planned by the mentor at Dala General Hospital. */
export const logFixture = (overrides: Partial<MentorshipLogView> = {}): MentorshipLogView => ({
  ...newDraftLog(
    {
      id: uuid(401),
      facility_id: uuid(201),
      facility_name: 'Dala General Hospital',
      mentor_id: MENTOR_ID,
      mentor_name: 'Mary Ade',
      visit_date: '2099-03-10',
    },
    '2026-01-05T08:00:00Z',
    {
      performance_summary: 'ANC4 coverage fell to 48% last quarter.',
      staff_to_engage: ['Matron Hauwa'],
      objectives: [
        {
          id: uuid(501),
          objective_text: 'Review the ANC register',
          sequence: 1,
          created_at: '2026-01-05T08:00:00Z',
        },
        {
          id: uuid(502),
          objective_text: 'Observe a clinic session',
          sequence: 2,
          created_at: '2026-01-05T08:00:00Z',
        },
      ],
      version: 3,
    },
  ),
  allowed_actions: ['submit'],
  editable_sections: ['planning'],
  can_delete: true,
  can_restore: false,
  ...overrides,
});

export const logSummaryFixture = (overrides: Partial<LogSummary> = {}): LogSummary => ({
  id: uuid(401),
  facility_id: uuid(201),
  facility_name: 'Dala General Hospital',
  mentor_id: MENTOR_ID,
  mentor_name: 'Mary Ade',
  status: 'draft',
  visit_date: '2099-03-10',
  submitted_at: null,
  updated_at: '2026-01-05T08:00:00Z',
  deleted_at: null,
  version: 3,
  objective_count: 2,
  check_in_flag: null,
  ...overrides,
});

export const followUpFixture = (overrides: Partial<FollowUp> = {}): FollowUp => ({
  id: uuid(601),
  mentorship_log_id: uuid(401),
  facility_id: uuid(201),
  facility_name: 'Dala General Hospital',
  log_owner_id: MENTOR_ID,
  action_item: 'Recount the HIV test kits',
  status: 'pending',
  assigned_to: MENTOR_ID,
  assigned_to_name: 'Mary Ade',
  due_date: '2099-03-20',
  notes: null,
  history: [],
  created_by: MENTOR_ID,
  created_at: '2026-01-05T08:00:00Z',
  updated_at: '2026-01-05T08:00:00Z',
  completed_at: null,
  version: 1,
  ...overrides,
});

export const notificationFixture = (overrides: Partial<Notification> = {}): Notification => ({
  id: uuid(701),
  type: 'follow-up.assigned',
  title: 'New follow-up due 2099-03-20',
  body: 'Sani Bello assigned you an action at Dala General Hospital.',
  link: '/follow-ups',
  entity_type: 'follow_up',
  entity_id: uuid(601),
  read_at: null,
  created_at: '2026-01-05T08:00:00Z',
  ...overrides,
});

/** A file of the log fixture: an uploaded photo with its (presigned) link. */
export const attachmentFixture = (overrides: Partial<AttachmentWithUrl> = {}): AttachmentWithUrl => ({
  id: uuid(801),
  mentorship_log_id: uuid(401),
  file_name: 'register.jpg',
  file_type: 'image/jpeg',
  file_size: 245_760,
  status: 'available',
  uploaded_by: MENTOR_ID,
  created_at: '2026-01-05T08:00:00Z',
  updated_at: '2026-01-05T08:01:00Z',
  confirmed_at: '2026-01-05T08:01:00Z',
  version: 2,
  download_url: 'https://files.test/attachments/register.jpg?X-Amz-Signature=1',
  ...overrides,
});

/** A supervisor's dashboard over the last 3 months. */
export const dashboardFixture = (overrides: Partial<Dashboard> = {}): Dashboard => ({
  scope: { kind: 'supervisor', label: 'Facilities covered by Sani Bello' },
  period: { from: '2026-01-01', to: '2026-03-31', months: 3 },
  visits: { planned: 8, approved: 6, completed: 5, verified: 3, off_site_completions: 1 },
  timeliness: { median_days_submit_to_approve: 1.5, median_days_visit_to_verify: 4 },
  follow_ups: {
    opened: 12,
    closed: 10,
    closed_on_time: 8,
    closed_on_time_rate: 80,
    open_now: 4,
    overdue_now: 2,
    due_this_week: 1,
  },
  coverage: { facilities_assigned: 6, facilities_visited: 4, coverage_rate: 66.7 },
  generated_at: '2026-03-15T08:00:00Z',
  ...overrides,
});
