import type { FollowUp, MentorshipLog } from '@dml/shared';

/**
 * Pre-aggregated dashboard figures, kept exact by deltas: every log or follow-up write
 * computes what the entity contributes before and after, and the difference is ADDed to the figure
 * items in the same transaction. Pure, so the rules are tested without a table, and the
 * reconciliation job recomputes with the very same functions.
 *
 * Items, per subject — what a set of figures is about — (PROGRAMME, STATE#<state>, FAC#<id>, MENTOR#<id> — the mentor's own logs —,
 * USER#<id> — the facilities a user covers):
 *   Y#<year>   "<MM>|planned|approved|completed|verified|off_site", "<MM>|approve_days|<d>",
 *              "<MM>|verify_days|<d>" (logs by visit month), "<MM>|fu_opened" (by creation month),
 *              "<MM>|fu_closed", "<MM>|fu_closed_on_time" (by completion month), and
 *              "v|<facility>|<MM>": completed visits per facility and month (facilities visited; about
 *              20 bytes each, so a subject-year holds ~20 000 facility-months within DynamoDB's 400 KB)
 *   CURRENT    "open_due|<YYYY-MM-DD>": open follow-ups by due date; "facilities": facilities the subject covers
 *
 * A dashboard therefore reads one item per year of its period plus CURRENT: at most three.
 */
export type Contribution = { subject: string; sk: string; attr: string; value: number };

export const subjects = {
  programme: () => 'PROGRAMME',
  state: (state: string) => `STATE#${state.trim().toLowerCase()}`,
  facility: (id: string) => `FAC#${id}`,
  mentor: (id: string) => `MENTOR#${id}`,
  user: (id: string) => `USER#${id}`,
};

/** Where an entity at a facility counts: programme, state, facility, its mentor, everyone covering it. */
export type Placement = { facilityState: string; coverers: readonly string[] };

export const subjectsOf = (facilityId: string, mentorId: string, placement: Placement) => [
  subjects.programme(),
  subjects.state(placement.facilityState),
  subjects.facility(facilityId),
  subjects.mentor(mentorId),
  ...placement.coverers.map(subjects.user),
];

const yearOf = (date: string) => `Y#${date.slice(0, 4)}`;
const monthOf = (date: string) => date.slice(5, 7);
/** Facility ids shortened for the visited map: 12 hex characters keep collisions negligible. */
export const facilityTag = (id: string) => id.replace(/-/g, '').slice(0, 12);

const wholeDays = (from: string, to: string) =>
  Math.max(0, Math.floor((Date.parse(to) - Date.parse(from)) / 86_400_000));
const approvedOrLater = new Set(['approved', 'completed', 'verified']);
const completedOrLater = new Set(['completed', 'verified']);

export const logContributions = (log: MentorshipLog | null, placement: Placement): Contribution[] => {
  if (!log || log.deleted_at) return [];
  const m = monthOf(log.visit_date);
  const sk = yearOf(log.visit_date);
  const attrs: [string, string][] = [[sk, `${m}|planned`]];
  if (approvedOrLater.has(log.status)) {
    attrs.push([sk, `${m}|approved`]);
    if (log.submitted_at && log.approved_at)
      attrs.push([sk, `${m}|approve_days|${wholeDays(log.submitted_at, log.approved_at)}`]);
  }
  if (completedOrLater.has(log.status)) {
    attrs.push([sk, `${m}|completed`], [sk, `v|${facilityTag(log.facility_id)}|${m}`]);
    if (log.check_in?.flag === 'off_site') attrs.push([sk, `${m}|off_site`]);
  }
  if (log.status === 'verified') {
    attrs.push([sk, `${m}|verified`]);
    if (log.verified_at)
      attrs.push([sk, `${m}|verify_days|${wholeDays(`${log.visit_date}T00:00:00Z`, log.verified_at)}`]);
  }
  return subjectsOf(log.facility_id, log.mentor_id, placement).flatMap((subject) =>
    attrs.map(([s, attr]) => ({ subject, sk: s, attr, value: 1 })),
  );
};

export const followUpContributions = (f: FollowUp | null, placement: Placement): Contribution[] => {
  if (!f) return [];
  const created = f.created_at.slice(0, 10);
  const attrs: [string, string][] = [[yearOf(created), `${monthOf(created)}|fu_opened`]];
  if (f.status === 'completed' && f.completed_at) {
    const closed = f.completed_at.slice(0, 10);
    attrs.push([yearOf(closed), `${monthOf(closed)}|fu_closed`]);
    if (closed <= f.due_date) attrs.push([yearOf(closed), `${monthOf(closed)}|fu_closed_on_time`]);
  } else {
    attrs.push(['CURRENT', `open_due|${f.due_date}`]);
  }
  return subjectsOf(f.facility_id, f.log_owner_id, placement).flatMap((subject) =>
    attrs.map(([sk, attr]) => ({ subject, sk, attr, value: 1 })),
  );
};

/** After minus before, per item and attribute, without the zeros. */
export const figureDeltas = (before: readonly Contribution[], after: readonly Contribution[]) => {
  const totals = new Map<string, Contribution>();
  const add = (c: Contribution, sign: 1 | -1) => {
    const key = `${c.subject}\u0000${c.sk}\u0000${c.attr}`;
    const current = totals.get(key) ?? { ...c, value: 0 };
    current.value += sign * c.value;
    totals.set(key, current);
  };
  for (const c of before) add(c, -1);
  for (const c of after) add(c, 1);
  const byItem = new Map<string, { subject: string; sk: string; deltas: Record<string, number> }>();
  for (const c of totals.values()) {
    if (c.value === 0) continue;
    const key = `${c.subject}\u0000${c.sk}`;
    const item = byItem.get(key) ?? { subject: c.subject, sk: c.sk, deltas: {} };
    item.deltas[c.attr] = c.value;
    byItem.set(key, item);
  }
  return [...byItem.values()];
};

/** Sums contributions into whole items (what the reconciliation job expects to find). */
export const sumContributions = (contributions: readonly Contribution[]) => figureDeltas([], contributions);
