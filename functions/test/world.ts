import { createPeople } from '@dml/infra/local/testing/people';
import type { TestStack } from '@dml/infra/local/testing/stack';
import {
  type Attachment,
  DEFAULT_TIME_ZONE,
  type Facility,
  type LogAction,
  type LogStatus,
  type MentorshipLogView,
  todayIn,
  type UploadGranted,
} from '@dml/shared';

export const personas = [
  'anonymous',
  'ownerMentor',
  'otherMentor',
  'supervisorInScope',
  'supervisorOutOfScope',
  'admin',
] as const;
export type Persona = (typeof personas)[number];

/**
 * The cast every cross-cutting API test uses: two facilities; a mentor and a supervisor covering the
 * first ("in scope"), another mentor and supervisor covering the second; an admin. Objects under test
 * belong to `ownerMentor` at facility `inScope`.
 */
export const buildWorld = async (stack: TestStack) => {
  const people = createPeople(stack);
  const inScope: Facility = await people.facility({ name: 'In-Scope Clinic', latitude: 12, longitude: 8.5 });
  const outOfScope: Facility = await people.facility({ name: 'Out-Of-Scope Clinic', state: 'Kaduna' });
  const [ownerMentor, otherMentor, supervisorInScope, supervisorOutOfScope] = await Promise.all([
    people.user('mentor', { facilities: [inScope.id], name: 'Owner Mentor' }),
    people.user('mentor', { facilities: [outOfScope.id], name: 'Other Mentor' }),
    people.user('supervisor', { facilities: [inScope.id], name: 'Supervisor In Scope' }),
    people.user('supervisor', { facilities: [outOfScope.id], name: 'Supervisor Out Of Scope' }),
  ]);
  const adminToken = await people.admin();
  const tokens: Record<Persona, string | undefined> = {
    anonymous: undefined,
    ownerMentor: ownerMentor.token,
    otherMentor: otherMentor.token,
    supervisorInScope: supervisorInScope.token,
    supervisorOutOfScope: supervisorOutOfScope.token,
    admin: adminToken,
  };
  const logs = logHelpers(stack, tokens, inScope.id);
  return {
    stack,
    people,
    facilities: { inScope, outOfScope },
    users: { ownerMentor, otherMentor, supervisorInScope, supervisorOutOfScope },
    tokens,
    logs,
  };
};

/** The body an action needs to succeed (comment, reason, outcomes with a position on site). */
export const transitionBody = (action: LogAction | 'restore', version: number) =>
  action === 'return'
    ? { version, comment: 'Please add the stock-out figures.' }
    : action === 'reopen'
      ? { version, reason: 'Outcome figures were wrong.' }
      : action === 'complete'
        ? {
            version,
            visit_outcomes: 'Trained 6 nurses; stock cards reconciled.',
            location: { latitude: 12, longitude: 8.5, accuracy_m: 15, captured_at: new Date().toISOString() },
          }
        : { version };

const walk: Record<LogStatus, { action: LogAction; by: 'ownerMentor' | 'supervisorInScope' }[]> = {
  draft: [],
  submitted: [{ action: 'submit', by: 'ownerMentor' }],
  returned: [
    { action: 'submit', by: 'ownerMentor' },
    { action: 'return', by: 'supervisorInScope' },
  ],
  approved: [
    { action: 'submit', by: 'ownerMentor' },
    { action: 'approve', by: 'supervisorInScope' },
  ],
  completed: [
    { action: 'submit', by: 'ownerMentor' },
    { action: 'approve', by: 'supervisorInScope' },
    { action: 'complete', by: 'ownerMentor' },
  ],
  verified: [
    { action: 'submit', by: 'ownerMentor' },
    { action: 'approve', by: 'supervisorInScope' },
    { action: 'complete', by: 'ownerMentor' },
    { action: 'verify', by: 'supervisorInScope' },
  ],
};

const logHelpers = (stack: TestStack, tokens: Record<Persona, string | undefined>, facilityId: string) => {
  const today = () => todayIn(DEFAULT_TIME_ZONE, new Date());
  const read = async (id: string) =>
    (await stack.api.get<MentorshipLogView>(`/api/mentorship-logs/${id}`, tokens.admin)).body;
  const act = async (id: string, action: LogAction | 'restore', token: string | undefined) =>
    stack.api.post<MentorshipLogView>(
      `/api/mentorship-logs/${id}/${action}`,
      transitionBody(action, (await read(id)).version),
      token,
    );
  /** A fresh log of the owner mentor at the in-scope facility, walked to `status` through the API. */
  const inStatus = async (status: LogStatus): Promise<MentorshipLogView> => {
    const created = await stack.api.post<MentorshipLogView>(
      '/api/mentorship-logs',
      {
        facility_id: facilityId,
        visit_date: today(),
        performance_summary: 'ANC coverage fell to 41% in Q3.',
        objectives: ['Review ANC registers'],
      },
      tokens.ownerMentor,
    );
    if (created.status !== 201)
      throw new Error(`log create: ${created.status} ${JSON.stringify(created.body)}`);
    for (const step of walk[status]) {
      const moved = await act(created.body.id, step.action, tokens[step.by]);
      if (moved.status !== 200)
        throw new Error(`${step.action}: ${moved.status} ${JSON.stringify(moved.body)}`);
    }
    return read(created.body.id);
  };
  return {
    today,
    read,
    act,
    inStatus,
    attach: (logId: string, token = tokens.ownerMentor) => attachTo(stack, logId, token),
  };
};

/** A small JPEG attached to a log the way a phone does it: presign, multipart POST to S3, confirm. */
const attachTo = async (stack: TestStack, logId: string, token: string | undefined, confirm = true) => {
  const bytes = new Uint8Array(256);
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  const granted = await stack.api.post<UploadGranted>(
    '/api/attachments/upload',
    { mentorship_log_id: logId, file_name: 'photo.jpg', file_type: 'image/jpeg', file_size: bytes.length },
    token,
  );
  if (granted.status !== 201)
    throw new Error(`upload request: ${granted.status} ${JSON.stringify(granted.body)}`);
  const form = new FormData();
  for (const [k, v] of Object.entries(granted.body.upload.fields)) form.append(k, v);
  form.append('file', new Blob([bytes], { type: 'image/jpeg' }));
  await fetch(granted.body.upload.url, { method: 'POST', body: form });
  if (!confirm) return granted.body.attachment;
  const confirmed = await stack.api.post<Attachment>(
    `/api/attachments/${granted.body.attachment.id}/confirm`,
    undefined,
    token,
  );
  return confirmed.body;
};

export { attachTo };
export type World = Awaited<ReturnType<typeof buildWorld>>;
