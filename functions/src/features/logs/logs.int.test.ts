import { startTestStack, type TestStack } from '@dml/infra/local/testing/stack';
import {
  addDays,
  DEFAULT_TIME_ZONE,
  ErrorBody,
  type LogSummary,
  type MentorshipLogView,
  type Page,
  todayIn,
} from '@dml/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../../../test/world.ts';

let stack: TestStack;
let world: World;
beforeAll(async () => {
  stack = await startTestStack();
  world = await buildWorld(stack);
}, 120_000);
afterAll(() => stack?.stop());

const today = () => todayIn(DEFAULT_TIME_ZONE, new Date());
const metresNorth = (metres: number) => 12 + metres / 111_195; // the in-scope facility is at 12, 8.5

const plan = async (overrides: Record<string, unknown> = {}, token = world.tokens.ownerMentor) =>
  stack.api.post<MentorshipLogView>(
    '/api/mentorship-logs',
    {
      facility_id: world.facilities.inScope.id,
      visit_date: today(),
      performance_summary: 'Malaria RDT stock-outs in two of the last three months.',
      identified_gaps: 'No stock card reconciliation.',
      objectives: ['Reconcile stock cards', 'Train two staff on RDT use'],
      resources_needed: 'Stock cards',
      staff_to_engage: ['Pharmacy technician'],
      ...overrides,
    },
    token,
  );

const move = async (
  id: string,
  action: string,
  token: string | undefined,
  extra: Record<string, unknown> = {},
) => {
  const { version } = (
    await stack.api.get<MentorshipLogView>(`/api/mentorship-logs/${id}`, world.tokens.admin)
  ).body;
  return stack.api.post<MentorshipLogView>(
    `/api/mentorship-logs/${id}/${action}`,
    { version, ...extra },
    token,
  );
};

const approved = async () => {
  const { body } = await plan();
  await move(body.id, 'submit', world.tokens.ownerMentor);
  await move(body.id, 'approve', world.tokens.supervisorInScope);
  return body.id;
};

describe('planning a visit', () => {
  it('creates a draft with ordered objectives and the planning fields sent', async () => {
    const response = await plan();
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      status: 'draft',
      version: 1,
      mentor_id: world.users.ownerMentor.id,
      facility_name: 'In-Scope Clinic',
      staff_to_engage: ['Pharmacy technician'],
      allowed_actions: ['submit'],
      editable_sections: ['planning'],
      can_delete: true,
    });
    expect(response.body.objectives.map((o) => [o.sequence, o.objective_text])).toEqual([
      [1, 'Reconcile stock cards'],
      [2, 'Train two staff on RDT use'],
    ]);
  });

  it('refuses a plan in the past, and a facility outside the mentor’s scope (404)', async () => {
    const past = await plan({ visit_date: addDays(today(), -1) });
    expect(past.status).toBe(400);
    expect(ErrorBody.parse(past.body).error.details?.[0]?.path).toBe('visit_date');
    const outside = await plan({ facility_id: world.facilities.outOfScope.id });
    expect(outside.status).toBe(404);
    expect(ErrorBody.parse(outside.body).error.details?.[0]?.path).toBe('facility_id');
  });

  it('refuses 21 objectives and unknown fields', async () => {
    expect((await plan({ objectives: Array.from({ length: 21 }, (_, i) => `Objective ${i}`) })).status).toBe(
      400,
    );
    expect((await plan({ status: 'approved' })).status).toBe(400);
    expect((await plan({ mentor_id: world.users.otherMentor.id })).status).toBe(400);
  });

  it('will not submit a plan without a summary of 10 characters and an objective', async () => {
    const { body } = await plan({ performance_summary: 'Short', objectives: [] });
    const submitted = await move(body.id, 'submit', world.tokens.ownerMentor);
    expect(submitted.status).toBe(422);
    expect(ErrorBody.parse(submitted.body).error.details?.map((d) => d.path)).toEqual([
      'performance_summary',
      'objectives',
    ]);
  });

  it('pre-fills a new plan from the last completed visit to the facility', async () => {
    const id = await approved();
    await move(id, 'complete', world.tokens.ownerMentor, {
      visit_outcomes: 'Stock cards reconciled; 2 staff trained.',
      lessons_learned: 'Bring spare cards.',
    });
    const carried = await stack.api.get<{ trends_summary: string; last_visit: { id: string } }>(
      `/api/mentorship-logs/carry-over?facility_id=${world.facilities.inScope.id}`,
      world.tokens.ownerMentor,
    );
    expect(carried.body.last_visit.id).toBe(id);
    const next = await plan({ trends_summary: undefined });
    expect(next.body.trends_summary).toContain('Stock cards reconciled; 2 staff trained.');
    expect(next.body.trends_summary).toContain('Bring spare cards.');
  });
});

describe('editing', () => {
  it('edits planning while draft and reporting while approved, refusing the locked section', async () => {
    const { body } = await plan();
    const edited = await stack.api.put<MentorshipLogView>(
      `/api/mentorship-logs/${body.id}`,
      { version: 1, objectives: ['Train two staff on RDT use', 'Audit the register'] },
      world.tokens.ownerMentor,
    );
    expect(edited.status).toBe(200);
    expect(edited.body.objectives[0]?.id).toBe(body.objectives[1]?.id);
    expect(
      (
        await stack.api.put(
          `/api/mentorship-logs/${body.id}`,
          { version: 2, visit_outcomes: 'Too early' },
          world.tokens.ownerMentor,
        )
      ).status,
    ).toBe(409);

    const id = await approved();
    const { version } = (
      await stack.api.get<MentorshipLogView>(`/api/mentorship-logs/${id}`, world.tokens.ownerMentor)
    ).body;
    const locked = await stack.api.put(
      `/api/mentorship-logs/${id}`,
      { version, identified_gaps: 'Changed after approval' },
      world.tokens.ownerMentor,
    );
    expect(locked.status).toBe(409);
    expect(ErrorBody.parse(locked.body).error.details?.[0]?.path).toBe('identified_gaps');
    const report = await stack.api.put<MentorshipLogView>(
      `/api/mentorship-logs/${id}`,
      { version, visit_outcomes: 'Register audited.' },
      world.tokens.ownerMentor,
    );
    expect(report.status).toBe(200);
    expect(report.body.editable_sections).toEqual(['reporting']);
  });

  it('answers a stale edit with 409 and the current log', async () => {
    const { body } = await plan();
    await stack.api.put(
      `/api/mentorship-logs/${body.id}`,
      { version: 1, logistics_notes: 'Car booked' },
      world.tokens.ownerMentor,
    );
    const stale = await stack.api.put(
      `/api/mentorship-logs/${body.id}`,
      { version: 1, logistics_notes: 'Motorbike' },
      world.tokens.ownerMentor,
    );
    expect(stale.status).toBe(409);
    expect(ErrorBody.parse(stale.body).error).toMatchObject({
      code: 'version_conflict',
      current: { logistics_notes: 'Car booked', version: 2 },
    });
  });

  it('lets only the owner or an admin edit; a supervisor in scope may read but not edit', async () => {
    const { body } = await plan();
    expect(
      (await stack.api.get(`/api/mentorship-logs/${body.id}`, world.tokens.supervisorInScope)).status,
    ).toBe(200);
    expect(
      (
        await stack.api.put(
          `/api/mentorship-logs/${body.id}`,
          { version: 1, logistics_notes: 'x' },
          world.tokens.supervisorInScope,
        )
      ).status,
    ).toBe(403);
    expect(
      (await stack.api.get(`/api/mentorship-logs/${body.id}`, world.tokens.supervisorOutOfScope)).status,
    ).toBe(404);
    expect((await stack.api.get(`/api/mentorship-logs/${body.id}`, world.tokens.otherMentor)).status).toBe(
      404,
    );
  });
});

describe('geo check-in on completion (soft geofence)', () => {
  const position = (metres: number, accuracy: number) => ({
    latitude: metresNorth(metres),
    longitude: 8.5,
    accuracy_m: accuracy,
    captured_at: new Date().toISOString(),
  });
  const outcomes = { visit_outcomes: 'Trained 4 staff on stock management.' };

  it('records 100 m and 490 m (±20) as on site with the distance', async () => {
    for (const [metres, accuracy] of [
      [100, 10],
      [490, 20],
    ] as const) {
      const done = await move(await approved(), 'complete', world.tokens.ownerMentor, {
        ...outcomes,
        location: position(metres, accuracy),
      });
      expect(done.status).toBe(200);
      expect(done.body.check_in).toMatchObject({ flag: 'on_site', distance_m: metres });
    }
  });

  it('asks for a reason 2 km away, then records the completion as off site', async () => {
    const id = await approved();
    const refused = await move(id, 'complete', world.tokens.ownerMentor, {
      ...outcomes,
      location: position(2000, 20),
    });
    expect(refused.status).toBe(422);
    expect(ErrorBody.parse(refused.body).error.details?.[0]?.path).toBe('off_site_reason');
    const done = await move(id, 'complete', world.tokens.ownerMentor, {
      ...outcomes,
      location: position(2000, 20),
      off_site_reason: 'Met staff at the LGA office; clinic flooded.',
    });
    expect(done.body.check_in).toMatchObject({
      flag: 'off_site',
      distance_m: 2000,
      off_site_reason: 'Met staff at the LGA office; clinic flooded.',
    });
    const seen = await stack.api.get<MentorshipLogView>(
      `/api/mentorship-logs/${id}`,
      world.tokens.supervisorInScope,
    );
    expect(seen.body.check_in?.flag).toBe('off_site');
  });

  it('flags a completion without a position as no_location, without blocking it', async () => {
    const done = await move(await approved(), 'complete', world.tokens.ownerMentor, outcomes);
    expect(done.status).toBe(200);
    expect(done.body.check_in).toMatchObject({ flag: 'no_location', distance_m: null });
  });
});

describe('deleting and restoring', () => {
  it('soft-deletes an own draft, hides it from lists, and lets an admin restore it', async () => {
    const { body } = await plan({ objectives: ['Deleted objective'] });
    const deleted = await stack.api.delete<MentorshipLogView>(
      `/api/mentorship-logs/${body.id}?version=1`,
      world.tokens.ownerMentor,
    );
    expect(deleted.status).toBe(200);
    expect((await stack.api.get(`/api/mentorship-logs/${body.id}`, world.tokens.ownerMentor)).status).toBe(
      404,
    );
    const mine = await stack.api.get<Page<LogSummary>>(
      '/api/mentorship-logs?limit=100',
      world.tokens.ownerMentor,
    );
    expect(mine.body.items.map((l) => l.id)).not.toContain(body.id);
    const bin = await stack.api.get<Page<LogSummary>>(
      '/api/mentorship-logs?deleted=true',
      world.tokens.admin,
    );
    expect(bin.body.items.map((l) => l.id)).toContain(body.id);
    const restored = await stack.api.post<MentorshipLogView>(
      `/api/mentorship-logs/${body.id}/restore`,
      { version: 2 },
      world.tokens.admin,
    );
    expect(restored.body.deleted_at).toBeNull();
    expect((await stack.api.get(`/api/mentorship-logs/${body.id}`, world.tokens.ownerMentor)).status).toBe(
      200,
    );
  });

  it('refuses deleting a submitted log to its owner', async () => {
    const { body } = await plan();
    await move(body.id, 'submit', world.tokens.ownerMentor);
    expect(
      (await stack.api.delete(`/api/mentorship-logs/${body.id}?version=2`, world.tokens.ownerMentor)).status,
    ).toBe(409);
  });
});

describe('lists', () => {
  it('shows mentors their own logs, supervisors their scope (also a newly assigned facility), admins all', async () => {
    const mine = await plan();
    const other = await stack.api.post<MentorshipLogView>(
      '/api/mentorship-logs',
      { facility_id: world.facilities.outOfScope.id, visit_date: today(), objectives: ['Other visit'] },
      world.tokens.otherMentor,
    );
    const ids = async (token: string | undefined, query = '') =>
      (await stack.api.get<Page<LogSummary>>(`/api/mentorship-logs?limit=100${query}`, token)).body.items.map(
        (l) => l.id,
      );
    expect(await ids(world.tokens.ownerMentor)).toContain(mine.body.id);
    expect(await ids(world.tokens.ownerMentor)).not.toContain(other.body.id);
    expect(await ids(world.tokens.supervisorInScope)).toContain(mine.body.id);
    expect(await ids(world.tokens.supervisorInScope)).not.toContain(other.body.id);
    expect(await ids(world.tokens.admin)).toEqual(expect.arrayContaining([mine.body.id, other.body.id]));

    // Assigning the other facility brings its logs into the supervisor's scope list.
    await stack.api.post(
      `/api/users/${world.users.supervisorInScope.id}/assign-facilities`,
      { facility_ids: [world.facilities.outOfScope.id], mode: 'add' },
      world.tokens.admin,
    );
    expect(await ids(world.tokens.supervisorInScope)).toContain(other.body.id);
    await stack.api.post(
      `/api/users/${world.users.supervisorInScope.id}/assign-facilities`,
      { facility_ids: [world.facilities.outOfScope.id], mode: 'remove' },
      world.tokens.admin,
    );
    expect(await ids(world.tokens.supervisorInScope)).not.toContain(other.body.id);
  });

  it('gives supervisors a review queue by status, kept current by transitions', async () => {
    const { body } = await plan();
    const queue = async () =>
      (
        await stack.api.get<Page<LogSummary>>(
          '/api/mentorship-logs?status=submitted&limit=100',
          world.tokens.supervisorInScope,
        )
      ).body.items.map((l) => l.id);
    expect(await queue()).not.toContain(body.id);
    await move(body.id, 'submit', world.tokens.ownerMentor);
    expect(await queue()).toContain(body.id);
    await move(body.id, 'approve', world.tokens.supervisorInScope);
    expect(await queue()).not.toContain(body.id);
  });

  it('filters by text and refuses a forged cursor with 400', async () => {
    const { body } = await plan({ objectives: ['Calibrate the haemoglobinometer'] });
    const found = await stack.api.get<Page<LogSummary>>(
      '/api/mentorship-logs?q=haemoglobinometer',
      world.tokens.ownerMentor,
    );
    expect(found.body.items.map((l) => l.id)).toEqual([body.id]);
    const forged = Buffer.from(
      JSON.stringify({ pk: 'LOG#x', sk: 'LOG', gsi1pk: 'LOGS', gsi1sk: 'x' }),
    ).toString('base64url');
    expect(
      (await stack.api.get(`/api/mentorship-logs?cursor=${forged}`, world.tokens.ownerMentor)).status,
    ).toBe(400);
  });
});
