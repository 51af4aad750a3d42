import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { logItem } from '@dml/functions/data/logs';
import { bulkPut } from '@dml/infra/local/testing/bulk';
import { meterReads } from '@dml/infra/local/testing/read-meter';
import { startTestStack, type TestStack } from '@dml/infra/local/testing/stack';
import {
  type Dashboard,
  type ExportFile,
  type LogSummary,
  newDraftLog,
  type Page,
  type Trends,
} from '@dml/shared';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../../../test/world.ts';

let stack: TestStack;
let world: World;
beforeAll(async () => {
  stack = await startTestStack();
  world = await buildWorld(stack);
}, 120_000);
afterAll(() => stack?.stop());

const dashboardOf = (token: string | undefined, query = '') =>
  stack.api.get<Dashboard>(`/api/reports/dashboard${query}`, token);

describe('the dashboard', () => {
  it('shows each role its own scope, with figures that follow the work', async () => {
    const before = (await dashboardOf(world.tokens.supervisorInScope)).body;
    expect(before.scope.kind).toBe('supervisor');
    await world.logs.inStatus('verified');
    const after = (await dashboardOf(world.tokens.supervisorInScope)).body;
    expect(after.visits.planned - before.visits.planned).toBe(1);
    expect(after.visits.verified - before.visits.verified).toBe(1);
    expect(after.coverage.facilities_assigned).toBe(1);
    expect(after.coverage.facilities_visited).toBe(1);
    expect(after.timeliness.median_days_submit_to_approve).toBe(0);
    const mine = (await dashboardOf(world.tokens.ownerMentor)).body;
    expect(mine.scope.kind).toBe('mentor');
    const outside = (await dashboardOf(world.tokens.supervisorOutOfScope)).body;
    expect(outside.visits.planned).toBe(0);
    expect((await dashboardOf(world.tokens.admin)).body.scope.kind).toBe('programme');
    expect(
      (await dashboardOf(world.tokens.ownerMentor, `?facility_id=${world.facilities.inScope.id}`)).status,
    ).toBe(403);
    expect(
      (await dashboardOf(world.tokens.supervisorInScope, `?facility_id=${world.facilities.outOfScope.id}`))
        .status,
    ).toBe(404);
  });

  it('costs at most five item reads at 20 000 logs as at 20', async () => {
    const meter = meterReads();
    const cost = async () => {
      meter.reset();
      const response = await dashboardOf(world.tokens.admin, '?months=12');
      expect(response.status).toBe(200);
      const t = meter.totals();
      // Authentication reads the caller's profile (one GetItem); the figures are one BatchGet.
      return { items: t.gets + t.batchGetItems + t.returned, queries: t.queries };
    };
    const small = await cost();

    const at = new Date().toISOString();
    const facility = world.facilities.inScope;
    await bulkPut(
      Array.from({ length: 20_000 }, (_, i) =>
        logItem(
          newDraftLog(
            {
              id: randomUUID(),
              facility_id: facility.id,
              facility_name: facility.name,
              mentor_id: world.users.ownerMentor.id,
              mentor_name: 'Volume',
              visit_date: `2026-${String((i % 10) + 1).padStart(2, '0')}-10`,
            },
            at,
            { status: 'completed', visit_outcomes: 'x', completed_at: at },
          ),
        ),
      ),
    );
    // The bulk load bypassed the writers: the reconciliation job builds their figures from source.
    const reconciled = await stack.api.request<{ items_drifted: number }>(
      'POST',
      '/api/reports/reconcile?fix=true',
      { token: world.tokens.admin },
    );
    expect(reconciled.body.items_drifted).toBeGreaterThan(0);
    const large = await cost();
    meter.stop();
    expect(large).toEqual(small);
    // The profile and the figure items: really read, and few.
    expect(large.items).toBeGreaterThanOrEqual(2);
    expect(large.items).toBeLessThanOrEqual(5);
    expect(large.queries).toBe(0);
    const figures = (await dashboardOf(world.tokens.admin, '?months=12')).body;
    expect(figures.visits.completed).toBeGreaterThanOrEqual(20_000 - 2_000 * 2);
  }, 180_000);

  it('gives monthly trends and summaries per mentor and per facility', async () => {
    const trends = await stack.api.get<Trends>(
      '/api/analytics/trends?months=6',
      world.tokens.supervisorInScope,
    );
    expect(trends.body.months).toHaveLength(6);
    expect(trends.body.months.at(-1)?.month).toBe(new Date().toISOString().slice(0, 7));
    const mentors = await stack.api.get<{ items: { mentor_id: string; planned: number }[] }>(
      '/api/reports/mentor-summary',
      world.tokens.supervisorInScope,
    );
    expect(mentors.body.items.map((m) => m.mentor_id)).toContain(world.users.ownerMentor.id);
    expect(mentors.body.items.map((m) => m.mentor_id)).not.toContain(world.users.otherMentor.id);
    const facilities = await stack.api.get<{ items: { facility_id: string }[] }>(
      '/api/reports/facility-summary',
      world.tokens.supervisorInScope,
    );
    expect(facilities.body.items.map((f) => f.facility_id)).toEqual([world.facilities.inScope.id]);
    const performance = await stack.api.get<{ visits: LogSummary[]; months: unknown[] }>(
      `/api/facilities/${world.facilities.inScope.id}/performance?months=3`,
      world.tokens.ownerMentor,
    );
    expect(performance.status).toBe(200);
    expect(performance.body.months).toHaveLength(3);
    expect(performance.body.visits.length).toBeGreaterThan(0);
    expect(
      (
        await stack.api.get(
          `/api/facilities/${world.facilities.outOfScope.id}/performance`,
          world.tokens.ownerMentor,
        )
      ).status,
    ).toBe(404);
  });
});

describe('exports', () => {
  it('exports exactly the filtered logs and their follow-ups as an XLSX that exceljs opens', async () => {
    const verified = await world.logs.inStatus('verified');
    await stack.api.post(
      `/api/mentorship-logs/${verified.id}/follow-ups`,
      { action_item: 'Export me', assigned_to: world.users.ownerMentor.id, due_date: world.logs.today() },
      world.tokens.admin,
    );
    const listed = await stack.api.get<Page<LogSummary>>(
      `/api/mentorship-logs?status=verified&facility_id=${world.facilities.inScope.id}&limit=100`,
      world.tokens.supervisorInScope,
    );
    const exported = await stack.api.get<ExportFile>(
      `/api/reports/export?status=verified&facility_id=${world.facilities.inScope.id}`,
      world.tokens.supervisorInScope,
    );
    expect(exported.status).toBe(200);
    expect(exported.body.rows?.logs).toBe(listed.body.items.length);
    const file = await fetch(exported.body.download_url);
    expect(file.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await file.arrayBuffer()) as never);
    const visits = workbook.getWorksheet('Visits');
    const ids: string[] = [];
    visits?.eachRow((row, n) => {
      if (n > 1) ids.push(String(row.getCell(17).value));
    });
    expect(ids.sort()).toEqual(listed.body.items.map((l) => l.id).sort());
    const followUps = workbook.getWorksheet('Follow-ups');
    const actions: string[] = [];
    followUps?.eachRow((row, n) => {
      if (n > 1) actions.push(String(row.getCell(3).value));
    });
    expect(actions).toContain('Export me');
  });

  it('renders a PDF visit report holding the objectives and the review trail', async () => {
    const log = await world.logs.inStatus('verified');
    const exported = await stack.api.post<ExportFile>(
      `/api/mentorship-logs/${log.id}/export`,
      undefined,
      world.tokens.supervisorInScope,
    );
    expect(exported.status).toBe(200);
    const dir = mkdtempSync(join(tmpdir(), 'dml-pdf-'));
    const pdf = join(dir, 'report.pdf');
    writeFileSync(pdf, Buffer.from(await (await fetch(exported.body.download_url)).arrayBuffer()));
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('Review ANC registers');
    expect(text).toContain('submit (draft to submitted)');
    expect(text).toContain('verify (completed');
    // Page 1 as a greyscale image: it must not be blank.
    execFileSync('pdftoppm', ['-gray', '-r', '30', '-f', '1', '-l', '1', pdf, join(dir, 'page')]);
    const pgm = readFileSync(join(dir, 'page-1.pgm'));
    const [, width, height] =
      /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1')) ?? [];
    const pixels = pgm.subarray(pgm.length - Number(width) * Number(height));
    expect(Number(width) * Number(height)).toBeGreaterThan(10_000);
    expect([...pixels].filter((p) => p < 160).length).toBeGreaterThan(500);
    expect(
      (await stack.api.post(`/api/mentorship-logs/${log.id}/export`, undefined, world.tokens.otherMentor))
        .status,
    ).toBe(404);
  });
});
