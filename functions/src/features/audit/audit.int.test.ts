import { createPeople, type People } from '@dml/infra/local/testing/people';
import { startTestStack, type TestStack } from '@dml/infra/local/testing/stack';
import type { AuditEntry, Facility, Page } from '@dml/shared';
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

const list = async (query: string) =>
  (await stack.api.get<Page<AuditEntry>>(`/api/audit-logs?${query}`, admin)).body;

describe('the audit trail', () => {
  it('lists by entity, newest first, with the diff of each change', async () => {
    const facility = await people.facility({ name: 'Audited Clinic' });
    await stack.api.put(`/api/facilities/${facility.id}`, { version: 1, name: 'Audited Clinic II' }, admin);
    const entries = (await list(`entity_type=facility&entity_id=${facility.id}`)).items;
    expect(entries.map((e) => e.action)).toEqual(['update', 'create']);
    expect(entries[0]?.changes).toEqual({ name: { from: 'Audited Clinic', to: 'Audited Clinic II' } });
  });

  it('lists by user and by time range, and pages with a cursor', async () => {
    const me = (await stack.api.get<{ id: string }>('/api/auth/me', admin)).body;
    const from = new Date().toISOString();
    const created: Facility[] = [];
    for (let i = 0; i < 3; i++) created.push(await people.facility());
    const to = new Date().toISOString();

    const byUser = await list(`user_id=${me.id}&from=${from}&to=${to}&limit=2`);
    expect(byUser.items).toHaveLength(2);
    expect(byUser.items.every((e) => e.user_id === me.id)).toBe(true);
    const rest = await list(`user_id=${me.id}&from=${from}&to=${to}&limit=2&cursor=${byUser.next_cursor}`);
    expect(rest.items).toHaveLength(1);
    expect(rest.next_cursor).toBeNull();
    expect([...byUser.items, ...rest.items].map((e) => e.entity_id).sort()).toEqual(
      created.map((f) => f.id).sort(),
    );

    const inWindow = await list(`from=${from}&to=${to}&entity_type=facility`);
    expect(inWindow.items.map((e) => e.entity_id).sort()).toEqual(created.map((f) => f.id).sort());
  });

  it('is for admins only', async () => {
    const mentor = await people.user('mentor');
    expect((await stack.api.get('/api/audit-logs', mentor.token)).status).toBe(403);
  });
});
