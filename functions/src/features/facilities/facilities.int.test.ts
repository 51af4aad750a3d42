import { randomUUID } from 'node:crypto';
import { facilityItem } from '@dml/functions/data/facilities';
import { bulkPut } from '@dml/infra/local/testing/bulk';
import { createPeople, type People } from '@dml/infra/local/testing/people';
import { meterReads } from '@dml/infra/local/testing/read-meter';
import { startTestStack, type TestStack } from '@dml/infra/local/testing/stack';
import { type AuditEntry, ErrorBody, type Facility, type Page } from '@dml/shared';
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

const code = () => `F-${randomUUID().slice(0, 8).toUpperCase()}`;
const base = { name: 'Tudun Wada Clinic', state: 'Kano', facility_type: 'clinic' };
const auditOf = async (id: string) =>
  (await stack.api.get<Page<AuditEntry>>(`/api/audit-logs?entity_type=facility&entity_id=${id}`, admin)).body
    .items;

describe('the facility registry', () => {
  it('creates a facility with a default 500 m geofence and version 1, audited once', async () => {
    const response = await stack.api.post<Facility>(
      '/api/facilities',
      { ...base, code: code(), latitude: 11.9, longitude: 8.4 },
      admin,
    );
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ geofence_radius_m: 500, version: 1, deleted_at: null });
    const audit = await auditOf(response.body.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]?.changes.name).toEqual({ from: null, to: base.name });
  });

  it('rejects bad input field by field and writes nothing', async () => {
    const response = await stack.api.post(
      '/api/facilities',
      { name: 'x', code: '!!', state: '', facility_type: 'spa', latitude: 91, role: 'admin' },
      admin,
    );
    expect(response.status).toBe(400);
    const paths = ErrorBody.parse(response.body)
      .error.details?.map((d) => d.path)
      .sort();
    expect(paths).toEqual(['code', 'facility_type', 'latitude', 'name', 'role', 'state']);
  });

  it('keeps codes unique, also when two creates race', async () => {
    const shared = code();
    const results = await Promise.all(
      [1, 2, 3, 4].map((n) =>
        stack.api.post('/api/facilities', { ...base, name: `Racer ${n}`, code: shared }, admin),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    const listed = await stack.api.get<Page<Facility>>(`/api/facilities?q=${shared}`, admin);
    expect(listed.body.items).toHaveLength(1);
  });

  it('updates under optimistic locking and frees the old code when the code changes', async () => {
    const old = code();
    const created = (await stack.api.post<Facility>('/api/facilities', { ...base, code: old }, admin)).body;
    const renamed = await stack.api.put<Facility>(
      `/api/facilities/${created.id}`,
      { version: 1, code: code(), contact_person: 'Aisha' },
      admin,
    );
    expect(renamed.status).toBe(200);
    expect(renamed.body.version).toBe(2);
    const stale = await stack.api.put(
      `/api/facilities/${created.id}`,
      { version: 1, name: 'Lost update' },
      admin,
    );
    expect(stale.status).toBe(409);
    expect(ErrorBody.parse(stale.body).error.current).toMatchObject({ version: 2, contact_person: 'Aisha' });
    expect((await stack.api.post('/api/facilities', { ...base, code: old }, admin)).status).toBe(201);
    const audit = await auditOf(created.id);
    expect(audit.map((a) => a.action)).toEqual(['update', 'create']);
    expect(audit[0]?.changes).toMatchObject({
      contact_person: { from: null, to: 'Aisha' },
      code: { from: old },
    });
  });

  it('creates one facility for a retried request with the same Idempotency-Key', async () => {
    const key = randomUUID();
    const body = { ...base, code: code() };
    const [a, b] = [
      await stack.api.post<Facility>('/api/facilities', body, admin, { 'idempotency-key': key }),
      await stack.api.post<Facility>('/api/facilities', body, admin, { 'idempotency-key': key }),
    ];
    expect(a?.status).toBe(201);
    expect(b?.body.id).toBe(a?.body.id);
  });

  it('deletes an unreferenced facility and its assignments', async () => {
    const facility = await people.facility();
    const mentor = await people.user('mentor', { facilities: [facility.id] });
    const deleted = await stack.api.delete(`/api/facilities/${facility.id}?version=1`, admin);
    expect(deleted.body).toEqual({ id: facility.id, outcome: 'deleted' });
    expect((await stack.api.get(`/api/facilities/${facility.id}`, admin)).status).toBe(404);
    const assigned = await stack.api.get<{ items: Facility[] }>(
      `/api/users/${mentor.id}/assigned-facilities`,
      admin,
    );
    expect(assigned.body.items).toEqual([]);
  });
});

describe('scope', () => {
  it('mentors list and read only their facilities; others are 404', async () => {
    const mine = await people.facility();
    const other = await people.facility();
    const mentor = await people.user('mentor', { facilities: [mine.id] });
    const listed = await stack.api.get<Page<Facility>>('/api/facilities', mentor.token);
    expect(listed.body.items.map((f) => f.id)).toEqual([mine.id]);
    expect((await stack.api.get(`/api/facilities/${mine.id}`, mentor.token)).status).toBe(200);
    expect((await stack.api.get(`/api/facilities/${other.id}`, mentor.token)).status).toBe(404);
    expect(
      (await stack.api.put(`/api/facilities/${mine.id}`, { version: 1, name: 'Mine now' }, mentor.token))
        .status,
    ).toBe(403);
  });

  it('shows supervisors who covers a facility in their scope', async () => {
    const facility = await people.facility();
    const supervisor = await people.user('supervisor', { facilities: [facility.id] });
    const mentor = await people.user('mentor', { facilities: [facility.id] });
    const users = await stack.api.get<{ items: { id: string }[] }>(
      `/api/facilities/${facility.id}/users`,
      supervisor.token,
    );
    expect(users.body.items.map((u) => u.id).sort()).toEqual([supervisor.id, mentor.id].sort());
    expect((await stack.api.get(`/api/facilities/${facility.id}/users`, mentor.token)).status).toBe(403);
  });
});

describe('assignments', () => {
  it('sets, adds and removes facilities, and assigns every facility of a state in batches', async () => {
    const state = `State-${randomUUID().slice(0, 6)}`;
    const [a, b] = [await people.facility({ state }), await people.facility({ state })];
    const mentor = await people.user('mentor');
    const assign = (body: unknown) =>
      stack.api.post<{ items: Facility[] }>(`/api/users/${mentor.id}/assign-facilities`, body, admin);
    expect((await assign({ facility_ids: [a?.id] })).body.items.map((f) => f.id)).toEqual([a?.id]);
    expect((await assign({ facility_ids: [b?.id], mode: 'add' })).body.items).toHaveLength(2);
    expect((await assign({ facility_ids: [a?.id], mode: 'remove' })).body.items.map((f) => f.id)).toEqual([
      b?.id,
    ]);

    // 120 more facilities in the state: more than one transaction can hold.
    const at = new Date().toISOString();
    await bulkPut(
      Array.from({ length: 120 }, (_, i) => ({
        ...facilityItem({
          id: randomUUID(),
          name: `Bulk ${String(i).padStart(3, '0')}`,
          code: `B-${i}-${state}`,
          location: null,
          state,
          facility_type: 'clinic',
          contact_person: null,
          contact_email: null,
          contact_phone: null,
          latitude: null,
          longitude: null,
          geofence_radius_m: 500,
          deleted_at: null,
          version: 1,
          created_at: at,
          updated_at: at,
        }),
      })),
    );
    const all = await assign({ state, mode: 'add' });
    expect(all.status).toBe(200);
    expect(all.body.items).toHaveLength(122);
    const audit = (
      await stack.api.get<Page<AuditEntry>>(
        `/api/audit-logs?entity_type=assignment&entity_id=${mentor.id}&limit=100`,
        admin,
      )
    ).body.items;
    expect(audit.map((e) => e.action)).toEqual(Array(audit.length).fill('assign_facilities'));
    expect(audit.length).toBe(5);
  });

  it('refuses unknown facilities with a detail per bad id', async () => {
    const mentor = await people.user('mentor');
    const response = await stack.api.post(
      `/api/users/${mentor.id}/assign-facilities`,
      { facility_ids: [randomUUID()] },
      admin,
    );
    expect(response.status).toBe(400);
    expect(ErrorBody.parse(response.body).error.details?.[0]?.path).toBe('facility_ids.0');
  });
});

describe('listing at volume', () => {
  it('lists 25 of 5 000 facilities evaluating at most 31 items, on page 1 and page 2', async () => {
    const state = `Volume-${randomUUID().slice(0, 6)}`;
    const at = new Date().toISOString();
    await bulkPut(
      Array.from({ length: 5000 }, (_, i) =>
        facilityItem({
          id: randomUUID(),
          name: `Facility ${String(i).padStart(4, '0')}`,
          code: `V-${i}-${state}`,
          location: null,
          state,
          facility_type: i % 2 ? 'clinic' : 'primary_health_centre',
          contact_person: null,
          contact_email: null,
          contact_phone: null,
          latitude: null,
          longitude: null,
          geofence_radius_m: 500,
          deleted_at: null,
          version: 1,
          created_at: at,
          updated_at: at,
        }),
      ),
    );
    const meter = meterReads();
    try {
      for (const path of [
        `/api/facilities?state=${state}`,
        '/api/facilities',
        '/api/facilities?facility_type=clinic',
      ]) {
        meter.reset();
        const first = await stack.api.get<Page<Facility>>(path, admin);
        expect(first.body.items).toHaveLength(25);
        expect(meter.totals().scanned).toBeLessThanOrEqual(31);
        meter.reset();
        const second = await stack.api.get<Page<Facility>>(
          `${path}${path.includes('?') ? '&' : '?'}cursor=${first.body.next_cursor}`,
          admin,
        );
        expect(second.body.items).toHaveLength(25);
        expect(second.body.items[0]?.id).not.toBe(first.body.items[0]?.id);
        expect(meter.totals().scanned).toBeLessThanOrEqual(31);
      }
    } finally {
      meter.stop();
    }
  });
});
