import type { Facility, FollowUp, MentorshipLog } from '@dml/shared';
import { assignmentsOfFacility } from '#data/assignments';
import { getFacilities, toFacility } from '#data/facilities';
import { allFigureItems, replaceFigureItems } from '#data/figures';
import { toFollowUp } from '#data/follow-ups';
import { facilityIndexes, followUpIndexes, logIndexes, partitions } from '#data/keys';
import { toLog } from '#data/logs';
import { type ListQuery, queryAll } from '#data/query';
import type { FigureItem } from '#domain/dashboard';
import {
  type Contribution,
  followUpContributions,
  logContributions,
  type Placement,
  subjects,
  sumContributions,
} from '#domain/figures';

const everything = async (query: Omit<ListQuery, 'limit' | 'cursor'>) => (await queryAll(query)).items;

const key = (subject: string, sk: string) => `${subject}\u0000${sk}`;
const nonZero = (values: FigureItem) => Object.fromEntries(Object.entries(values).filter(([, n]) => n !== 0));
const same = (a: FigureItem, b: FigureItem) => {
  const x = nonZero(a);
  const y = nonZero(b);
  return Object.keys(x).length === Object.keys(y).length && Object.entries(x).every(([k, n]) => y[k] === n);
};

/** What every figure item should hold, recomputed from the logs, follow-ups, facilities and assignments. */
export const expectedFigures = async () => {
  const [logs, followUps, listed] = await Promise.all([
    everything({ index: logIndexes.all, partition: partitions.logs() }).then((items) => items.map(toLog)),
    Promise.all(
      ['pending', 'in_progress', 'completed'].map((s) =>
        everything({ index: followUpIndexes.byStatus, partition: partitions.followUpsByStatus(s) }),
      ),
    ).then((pages) => pages.flat().map(toFollowUp)),
    everything({ index: facilityIndexes.all, partition: partitions.facilities() }).then((items) =>
      items.map(toFacility),
    ),
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
      { subject: subjects.programme(), sk: 'CURRENT', attr: 'facilities', value: 1 },
      { subject: subjects.state(f.state), sk: 'CURRENT', attr: 'facilities', value: 1 },
    ]),
    ...[...coverers.entries()]
      .filter(([facilityId]) => !known.get(facilityId)?.deleted_at)
      .flatMap(([, users]) =>
        users.flatMap((u) => [
          { subject: subjects.user(u), sk: 'CURRENT', attr: 'facilities', value: 1 },
          { subject: subjects.mentor(u), sk: 'CURRENT', attr: 'facilities', value: 1 },
        ]),
      ),
  ];
  return new Map(sumContributions(contributions).map((i) => [key(i.subject, i.sk), i]));
};

/**
 * The reconciliation job: recomputes every figure from source (key-bounded queries over the whole
 * programme; no Scan), compares with what the deltas built up, reports the drift and, when asked,
 * replaces drifted items with the recomputed ones.
 */
export const reconcileFigures = async (options: { fix: boolean }) => {
  const expected = await expectedFigures();
  const actual = new Map((await allFigureItems()).map((i) => [key(i.subject, i.sk), i]));
  const drifted: { subject: string; sk: string; expected: FigureItem; actual: FigureItem }[] = [];
  for (const [k, want] of expected) {
    const have = actual.get(k)?.values ?? {};
    if (!same(want.deltas, have))
      drifted.push({
        subject: want.subject,
        sk: want.sk,
        expected: nonZero(want.deltas),
        actual: nonZero(have),
      });
  }
  for (const [k, have] of actual) {
    if (!expected.has(k) && Object.keys(nonZero(have.values)).length)
      drifted.push({ subject: have.subject, sk: have.sk, expected: {}, actual: nonZero(have.values) });
  }
  if (options.fix && drifted.length) {
    await replaceFigureItems(drifted.map((d) => ({ subject: d.subject, sk: d.sk, values: d.expected })));
  }
  return {
    items_expected: expected.size,
    items_stored: actual.size,
    items_drifted: drifted.length,
    fixed: options.fix && drifted.length > 0,
    // The report's field is named `scope` (the API's wire name for a figure item's subject). It
    // shows the first 20 drifted items as examples; `items_drifted` counts them all and `fix` repairs all.
    drift: drifted.slice(0, 20).map(({ subject, ...rest }) => ({ scope: subject, ...rest })),
  };
};
