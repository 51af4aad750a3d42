import { randomUUID } from 'node:crypto';
import { logItem, scopePointerItem } from '@dml/functions/data/logs';
import { bulkPut } from '@dml/infra/local/testing/bulk';
import { meterReads } from '@dml/infra/local/testing/read-meter';
import { startTestStack, type TestStack } from '@dml/infra/local/testing/stack';
import { addDays, type LogStatus, type LogSummary, newDraftLog, type Page } from '@dml/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type World } from '../../../test/world.ts';

let stack: TestStack;
let world: World;
const facilities: string[] = [];
const mentors: string[] = [];
const LOGS = 20_000;
const statuses: LogStatus[] = ['draft', 'submitted', 'returned', 'approved', 'completed', 'verified'];

beforeAll(async () => {
  stack = await startTestStack();
  world = await buildWorld(stack);
  for (let i = 0; i < 8; i++) facilities.push(i === 0 ? world.facilities.inScope.id : randomUUID());
  mentors.push(world.users.ownerMentor.id, ...Array.from({ length: 7 }, () => randomUUID()));
  const at = new Date().toISOString();
  const items: Record<string, unknown>[] = [];
  // A small deterministic generator, so facility, mentor, status and date vary independently.
  let seed = 42;
  const pick = (n: number) => {
    // mulberry32
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4_294_967_296) * n);
  };
  for (let i = 0; i < LOGS; i++) {
    const facility_id = facilities[pick(facilities.length)] as string;
    const log = newDraftLog(
      {
        id: randomUUID(),
        facility_id,
        facility_name: 'Volume Facility',
        mentor_id: mentors[pick(mentors.length)] as string,
        mentor_name: 'Volume Mentor',
        visit_date: addDays('2025-01-01', pick(700)),
      },
      at,
      { status: statuses[pick(statuses.length)] as LogStatus },
    );
    items.push(logItem(log));
    // The supervisor in scope covers the first facility: its logs carry their pointer.
    if (facility_id === world.facilities.inScope.id)
      items.push(scopePointerItem(world.users.supervisorInScope.id, log));
  }
  await bulkPut(items);
}, 300_000);
afterAll(() => stack?.stop());

const combos: [string, 'admin' | 'ownerMentor' | 'supervisorInScope', () => string][] = [
  ['admin, all', 'admin', () => ''],
  ['admin by status', 'admin', () => 'status=approved'],
  ['admin by facility', 'admin', () => `facility_id=${facilities[3]}`],
  ['admin by facility and status', 'admin', () => `facility_id=${facilities[3]}&status=draft`],
  ['admin by mentor', 'admin', () => `mentor_id=${mentors[2]}`],
  ['admin by mentor and status', 'admin', () => `mentor_id=${mentors[2]}&status=verified`],
  ['admin by date range', 'admin', () => 'from=2025-03-01&to=2025-09-30'],
  [
    'admin by status and date range, oldest first',
    'admin',
    () => 'status=submitted&from=2025-03-01&to=2025-09-30&sort=visit_date',
  ],
  [
    'admin by facility and date range',
    'admin',
    () => `facility_id=${facilities[5]}&from=2025-02-01&to=2026-06-30`,
  ],
  ['mentor, own', 'ownerMentor', () => ''],
  ['mentor, own by status', 'ownerMentor', () => 'status=completed'],
  ['mentor, own by date range', 'ownerMentor', () => 'from=2025-01-01&to=2025-12-31'],
  ['supervisor, scope', 'supervisorInScope', () => ''],
  ['supervisor, scope by status', 'supervisorInScope', () => 'status=submitted'],
  ['supervisor, facility in scope', 'supervisorInScope', () => `facility_id=${facilities[0]}`],
  [
    'supervisor, facility and status',
    'supervisorInScope',
    () => `facility_id=${facilities[0]}&status=approved`,
  ],
  ['supervisor, scope by date range', 'supervisorInScope', () => 'from=2025-04-01&to=2025-12-31'],
  ['supervisor, scope by mentor', 'supervisorInScope', () => `mentor_id=${mentors[2]}`],
];

describe(`listing logs at ${LOGS.toLocaleString('en')} logs`, () => {
  it.each(combos)('%s: pages 1 and 2 evaluate ≤ 1.2 × returned + 1 items', async (_, persona, query) => {
    const meter = meterReads();
    try {
      let cursor: string | null = null;
      for (const pageNumber of [1, 2]) {
        meter.reset();
        const path: string = `/api/mentorship-logs?limit=25&${query()}${cursor ? `&cursor=${cursor}` : ''}`;
        const response = await stack.api.get<Page<LogSummary>>(path, world.tokens[persona]);
        expect(response.status, JSON.stringify(response.body)).toBe(200);
        const returned = response.body.items.length;
        expect(returned, `page ${pageNumber}`).toBe(25);
        const { scanned, queries } = meter.totals();
        expect(queries).toBe(1);
        expect(scanned, `page ${pageNumber} evaluated ${scanned} for ${returned}`).toBeLessThanOrEqual(
          1.2 * returned + 1,
        );
        cursor = response.body.next_cursor;
        expect(cursor).not.toBeNull();
      }
    } finally {
      meter.stop();
    }
  });
});
