import { createDirectoryProbe } from '@dml/infra/local/testing/directory';
import { createPeople, NEW_PASSWORD, type People } from '@dml/infra/local/testing/people';
import { startTestStack, type TestStack } from '@dml/infra/local/testing/stack';
import { type AuditEntry, ErrorBody, type Page, type User, type UserCreated } from '@dml/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let stack: TestStack;
let people: People;
let admin: string;
beforeAll(async () => {
  stack = await startTestStack();
  people = createPeople(stack);
  admin = await people.admin();
});
afterAll(() => stack?.stop());

const uniqueEmail = (tag: string) => `${tag}-${crypto.randomUUID().slice(0, 8)}@test.example.org`;
const auditOf = async (id: string) =>
  (await stack.api.get<Page<AuditEntry>>(`/api/audit-logs?entity_type=user&entity_id=${id}`, admin)).body
    .items;
const groupsOf = (email: string) => createDirectoryProbe(stack.outputs).groups(email);

describe('inviting users', () => {
  it('creates the Cognito account in the role group, the profile, and emails a working temporary password', async () => {
    const email = uniqueEmail('invitee');
    const created = await stack.api.post<UserCreated>(
      '/api/users',
      { email, name: 'Ngozi Eze', role: 'mentor', designation: 'Nurse Mentor' },
      admin,
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      email,
      role: 'mentor',
      is_active: true,
      version: 1,
      invitation_sent: true,
    });
    expect(await groupsOf(email)).toEqual(['mentor']);

    const invitation = await people.mailbox.waitFor(email);
    expect(invitation.subject).toMatch(/invited/);
    expect(invitation.body.html).toContain(stack.outputs.webUrl);
    const token = await stack.cognito.completeNewPassword(
      email,
      /Temporary password: (\S+)/.exec(invitation.body.text ?? '')?.[1] ?? '',
      NEW_PASSWORD,
    );
    const me = await stack.api.get<User>('/api/auth/me', token);
    expect(me.body).toMatchObject({ id: created.body.id, role: 'mentor' });

    const audit = await auditOf(created.body.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'create',
      entity_type: 'user',
      changes: { email: { from: null, to: email } },
    });
  });

  it('refuses a second user with the same email (case-insensitive) with 409', async () => {
    const email = uniqueEmail('dup');
    expect((await stack.api.post('/api/users', { email, name: 'First', role: 'mentor' }, admin)).status).toBe(
      201,
    );
    const again = await stack.api.post(
      '/api/users',
      { email: email.toUpperCase(), name: 'Second', role: 'mentor' },
      admin,
    );
    expect(again.status).toBe(409);
    expect(ErrorBody.parse(again.body).error).toMatchObject({
      code: 'duplicate',
      details: [{ path: 'email' }],
    });
  });

  it('lets exactly one of two racing creates with the same email win', async () => {
    const email = uniqueEmail('race');
    const results = await Promise.all(
      [1, 2, 3].map((n) =>
        stack.api.post('/api/users', { email, name: `Racer ${n}`, role: 'mentor' }, admin),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    const found = await stack.api.get<Page<User>>(`/api/users?q=${encodeURIComponent(email)}`, admin);
    expect(found.body.items).toHaveLength(1);
  });

  it('returns the first response for a retry with the same Idempotency-Key and creates nothing more', async () => {
    const email = uniqueEmail('retry');
    const key = crypto.randomUUID();
    const body = { email, name: 'Retried Request', role: 'supervisor' };
    const first = await stack.api.post<User>('/api/users', body, admin, { 'idempotency-key': key });
    const retry = await stack.api.post<User>('/api/users', body, admin, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    expect((await people.mailbox.to(email)).length).toBe(1);
    expect(await auditOf(first.body.id)).toHaveLength(1);

    const reused = await stack.api.post('/api/users', { ...body, name: 'Different' }, admin, {
      'idempotency-key': key,
    });
    expect(reused.status).toBe(409);
  });

  it('resends an invitation with a new temporary password until the user has signed in', async () => {
    const email = uniqueEmail('resend');
    const created = await stack.api.post<User>(
      '/api/users',
      { email, name: 'Slow Reader', role: 'mentor' },
      admin,
    );
    const resent = await stack.api.post<UserCreated>(
      `/api/users/${created.body.id}/resend-invitation`,
      undefined,
      admin,
    );
    expect(resent.status).toBe(200);
    expect((await people.mailbox.to(email)).length).toBe(2);
  });
});

describe('changing users', () => {
  it('answers a stale version with 409 and the current object', async () => {
    const user = await people.user('mentor');
    const first = await stack.api.put<User>(
      `/api/users/${user.id}`,
      { version: 1, designation: 'Senior Mentor' },
      admin,
    );
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    const stale = await stack.api.put(
      `/api/users/${user.id}`,
      { version: 1, designation: 'Overwritten?' },
      admin,
    );
    expect(stale.status).toBe(409);
    expect(ErrorBody.parse(stale.body).error).toMatchObject({
      code: 'version_conflict',
      current: { designation: 'Senior Mentor', version: 2 },
    });
  });

  it('moves the Cognito group on a role change; an old token must be refreshed', async () => {
    const user = await people.user('mentor');
    const changed = await stack.api.put<User>(
      `/api/users/${user.id}`,
      { version: 1, role: 'supervisor' },
      admin,
    );
    expect(changed.body.role).toBe('supervisor');
    expect(await groupsOf(user.email)).toEqual(['supervisor']);
    const stale = await stack.api.get('/api/auth/me', user.token);
    expect(stale.status).toBe(401);
    const fresh = await stack.api.get<User>('/api/auth/me', await user.refresh());
    expect(fresh.body.role).toBe('supervisor');
  });

  it('deactivation disables the Cognito account and locks the user out of the API', async () => {
    const user = await people.user('mentor');
    const deactivated = await stack.api.delete<User>(`/api/users/${user.id}?version=1`, admin);
    expect(deactivated.status).toBe(200);
    expect(deactivated.body.is_active).toBe(false);
    expect((await createDirectoryProbe(stack.outputs).account(user.email)).enabled).toBe(false);
    const me = await stack.api.get('/api/auth/me', user.token);
    expect(me.status).toBe(401);
    expect(ErrorBody.parse(me.body).error.code).toBe('account_disabled');
    expect((await auditOf(user.id)).map((a) => a.action)).toContain('deactivate');
  });

  it('lets users edit their own contact fields but not their role', async () => {
    const user = await people.user('mentor');
    const ok = await stack.api.put<User>(
      `/api/users/${user.id}`,
      { version: 1, phone: '+234 803 555 0101', reminder_emails: false },
      user.token,
    );
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ phone: '+234 803 555 0101', reminder_emails: false });
    const promote = await stack.api.put(`/api/users/${user.id}`, { version: 2, role: 'admin' }, user.token);
    expect(promote.status).toBe(403);
    const massAssign = await stack.api.put(
      `/api/users/${user.id}`,
      { version: 2, id: crypto.randomUUID() },
      user.token,
    );
    expect(massAssign.status).toBe(400);
  });

  it('stops an admin from deactivating themselves', async () => {
    const me = await stack.api.get<User>('/api/auth/me', admin);
    const response = await stack.api.put(
      `/api/users/${me.body.id}`,
      { version: me.body.version, is_active: false },
      admin,
    );
    expect(response.status).toBe(409);
  });
});

describe('who sees whom', () => {
  it('supervisors see users who share a facility, not others; mentors see only themselves', async () => {
    const shared = await people.facility();
    const other = await people.facility();
    const supervisor = await people.user('supervisor', { facilities: [shared.id] });
    const colleague = await people.user('mentor', { facilities: [shared.id] });
    const stranger = await people.user('mentor', { facilities: [other.id] });

    expect((await stack.api.get(`/api/users/${colleague.id}`, supervisor.token)).status).toBe(200);
    expect((await stack.api.get(`/api/users/${stranger.id}`, supervisor.token)).status).toBe(404);
    expect((await stack.api.get(`/api/users/${colleague.id}`, stranger.token)).status).toBe(404);
    expect((await stack.api.get(`/api/users/${stranger.id}`, stranger.token)).status).toBe(200);

    const listed = await stack.api.get<Page<User>>('/api/users', supervisor.token);
    expect(listed.body.items.map((u) => u.id).sort()).toEqual([supervisor.id, colleague.id].sort());
    expect((await stack.api.get('/api/users', stranger.token)).status).toBe(403);
  });
});

describe('listing users', () => {
  it('filters by role, state, activity and name prefix, and pages with a cursor', async () => {
    const tag = `Zz${crypto.randomUUID().slice(0, 4)}`;
    for (const n of [1, 2, 3])
      await stack.api.post(
        '/api/users',
        { email: uniqueEmail(`p${n}`), name: `${tag} Person ${n}`, role: 'mentor', region_state: 'Kaduna' },
        admin,
      );
    const first = await stack.api.get<Page<User>>(`/api/users?q=${tag}&limit=2`, admin);
    expect(first.body.items.map((u) => u.name)).toEqual([`${tag} Person 1`, `${tag} Person 2`]);
    const second = await stack.api.get<Page<User>>(
      `/api/users?q=${tag}&limit=2&cursor=${first.body.next_cursor}`,
      admin,
    );
    expect(second.body.items.map((u) => u.name)).toEqual([`${tag} Person 3`]);
    expect(second.body.next_cursor).toBeNull();

    const byRole = await stack.api.get<Page<User>>(
      `/api/users?role=mentor&region_state=Kaduna&q=${tag}`,
      admin,
    );
    expect(byRole.body.items).toHaveLength(3);
    const supervisors = await stack.api.get<Page<User>>(`/api/users?role=supervisor&q=${tag}`, admin);
    expect(supervisors.body.items).toHaveLength(0);
  });

  it('refuses a forged or foreign cursor with 400, never 500', async () => {
    const facilities = await stack.api.get<Page<unknown>>('/api/facilities?limit=1', admin);
    for (const cursor of [
      'not-a-cursor',
      'eyJwayI6IlVTRVIjeCJ9',
      facilities.body.next_cursor ?? 'x',
      Buffer.from('[1,2]').toString('base64url'),
    ]) {
      const response = await stack.api.get(`/api/users?cursor=${cursor}`, admin);
      expect(response.status).toBe(400);
      expect(ErrorBody.parse(response.body).error.details?.[0]?.path).toBe('cursor');
    }
  });
});

describe('assigning facilities', () => {
  it('names facility_ids and the limit when a request carries too many, and assigns nothing', async () => {
    const created = await stack.api.post<UserCreated>(
      '/api/users',
      { email: uniqueEmail('many'), name: 'Many Facilities', role: 'supervisor' },
      admin,
    );
    const ids = Array.from({ length: 501 }, () => crypto.randomUUID());
    const response = await stack.api.post(
      `/api/users/${created.body.id}/assign-facilities`,
      { facility_ids: ids },
      admin,
    );
    expect(response.status).toBe(400);
    expect(ErrorBody.parse(response.body).error.details).toEqual([
      { path: 'facility_ids', message: 'at most 500 facilities at a time' },
    ]);
    const assigned = await stack.api.get<Page<unknown>>(
      `/api/users/${created.body.id}/assigned-facilities`,
      admin,
    );
    expect(assigned.body.items).toEqual([]);
  });
});
