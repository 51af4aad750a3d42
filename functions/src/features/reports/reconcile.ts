import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Facility, FollowUp, MentorshipLog } from '@dml/shared';
import { assignmentsOfFacility } from '../../data/assignments.ts';
import { ddb, tableName } from '../../data/client.ts';
import { getFacilities, toFacility } from '../../data/facilities.ts';
import { allFigureItems, figureKey } from '../../data/figures.ts';
import { toFollowUp } from '../../data/follow-ups.ts';
import { partitions } from '../../data/keys.ts';
import { toLog } from '../../data/logs.ts';
import { type Item, type ListQuery, queryPage } from '../../data/query.ts';
import type { FigureItem } from '../../domain/dashboard.ts';
import {
  type Contribution,
  followUpContributions,
  logContributions,
  type Placement,
  scopes,
  sumContributions,
} from '../../domain/figures.ts';

const everything = async (query: Omit<ListQuery, 'limit' | 'cursor'>) => {
  const items: Item[] = [];
  let cursor: string | undefined;
  do {
    const page = await queryPage({ ...query, limit: 100, cursor });
    items.push(...page.items);
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  return items;
};

const key = (scope: string, sk: string) => `${scope}\u0000${sk}`;
const nonZero = (values: FigureItem) => Object.fromEntries(Object.entries(values).filter(([, n]) => n !== 0));
const same = (a: FigureItem, b: FigureItem) => {
  const x = nonZero(a);
  const y = nonZero(b);
  return Object.keys(x).length === Object.keys(y).length && Object.entries(x).every(([k, n]) => y[k] === n);
};

/** What every figure item should hold, recomputed from the logs, follow-ups, facilities and assignments. */
export const expectedFigures = async () => {
  const [logs, followUps, listed] = await Promise.all([
    everything({ index: 'gsi1', partition: partitions.logs() }).then((items) => items.map(toLog)),
    Promise.all(
      ['pending', 'in_progress', 'completed'].map((s) =>
        everything({ index: 'gsi6', partition: partitions.followUpsByStatus(s) }),
      ),
    ).then((pages) => pages.flat().map(toFollowUp)),
    everything({ index: 'gsi1', partition: partitions.facilities() }).then((items) => items.map(toFacility)),
  ]);
  // Logs may point at retired facilities, which the active list leaves out.
  const known = new Map<string, Facility>(listed.map((f) => [f.id, f]));
  const missing = [...new Set([...logs, ...followUps].map((x) => x.facility_id))].filter(
    (id) => !known.has(id),
  );
  for (const f of await getFacilities(missing)) known.set(f.id, f);

  const coverers = new Map<string, string[]>();
  for (const id of known.keys())
    coverers.set(
      id,
      (await assignmentsOfFacility(id)).map((a) => a.user_id),
    );
  const placement = (facilityId: string): Placement => ({
    facilityState: known.get(facilityId)?.state ?? 'unknown',
    coverers: coverers.get(facilityId) ?? [],
  });

  const contributions: Contribution[] = [
    ...logs.flatMap((log: MentorshipLog) => logContributions(log, placement(log.facility_id))),
    ...followUps.flatMap((f: FollowUp) => followUpContributions(f, placement(f.facility_id))),
    ...listed.flatMap((f) => [
      { scope: scopes.programme(), sk: 'CURRENT', attr: 'facilities', value: 1 },
      { scope: scopes.state(f.state), sk: 'CURRENT', attr: 'facilities', value: 1 },
    ]),
    ...[...coverers.entries()]
      .filter(([facilityId]) => !known.get(facilityId)?.deleted_at)
      .flatMap(([, users]) =>
        users.flatMap((u) => [
          { scope: scopes.user(u), sk: 'CURRENT', attr: 'facilities', value: 1 },
          { scope: scopes.mentor(u), sk: 'CURRENT', attr: 'facilities', value: 1 },
        ]),
      ),
  ];
  return new Map(sumContributions(contributions).map((i) => [key(i.scope, i.sk), i]));
};

const writeAll = async (requests: Record<string, unknown>[]) => {
  for (let i = 0; i < requests.length; i += 25) {
    let pending: Record<string, Record<string, unknown>[]> | undefined = {
      [tableName()]: requests.slice(i, i + 25),
    };
    while (pending && Object.keys(pending).length)
      pending = (await ddb().send(new BatchWriteCommand({ RequestItems: pending })))
        .UnprocessedItems as typeof pending;
  }
};

/**
 * The reconciliation job: recomputes every figure from source (key-bounded queries over the whole
 * programme; no Scan), compares with what the deltas built up, reports the drift and, when asked,
 * replaces drifted items with the recomputed ones.
 */
export const reconcileFigures = async (options: { fix: boolean }) => {
  const expected = await expectedFigures();
  const actual = new Map((await allFigureItems()).map((i) => [key(i.scope, i.sk), i]));
  const drifted: { scope: string; sk: string; expected: FigureItem; actual: FigureItem }[] = [];
  for (const [k, want] of expected) {
    const have = actual.get(k)?.values ?? {};
    if (!same(want.deltas, have))
      drifted.push({ scope: want.scope, sk: want.sk, expected: nonZero(want.deltas), actual: nonZero(have) });
  }
  for (const [k, have] of actual) {
    if (!expected.has(k) && Object.keys(nonZero(have.values)).length)
      drifted.push({ scope: have.scope, sk: have.sk, expected: {}, actual: nonZero(have.values) });
  }
  if (options.fix && drifted.length) {
    await writeAll(
      drifted.map((d) => ({
        PutRequest: {
          Item: {
            ...figureKey(d.scope, d.sk),
            entity: 'figures',
            gsi1pk: 'FIGURES',
            gsi1sk: `${d.scope}#${d.sk}`,
            ...d.expected,
          },
        },
      })),
    );
  }
  return {
    items_expected: expected.size,
    items_stored: actual.size,
    items_drifted: drifted.length,
    fixed: options.fix && drifted.length > 0,
    drift: drifted.slice(0, 20),
  };
};
