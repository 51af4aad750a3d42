import { addDays, type Facility, type FacilitySummaryRow, type MentorSummaryRow } from '@dml/shared';
import { assignmentsOfFacility, assignmentsOfUser } from '#data/assignments';
import { getFacilities, getFacility, listFacilities } from '#data/facilities';
import { readFigures, readFiguresOfMany } from '#data/figures';
import { logIndexes, partitions } from '#data/keys';
import { toSummary } from '#data/logs';
import { queryPage } from '#data/query';
import { getUsers, listUsers } from '#data/users';
import { dashboardFigures, type FigureItems, monthFigures } from '#domain/dashboard';
import { notFound } from '#domain/errors';
import { subjects } from '#domain/figures';
import { assertFacilityInScope } from '#features/scope';
import type { Actor } from '#http/actor';
import { reportPeriod } from './period.ts';
import { reportSubject } from './subject.ts';

type Query = { months: number; facility_id?: string; state?: string; mentor_id?: string };

/** The dashboard: one BatchGet of at most five figure items, whatever the size of the programme. */
export const dashboard = async (actor: Actor, query: Query, now: Date) => {
  const subject = await reportSubject(actor, query);
  const { today, months, years, period } = reportPeriod(query.months, now);
  const items = await readFigures(subject.subject, years);
  return {
    // `scope` is the response's (wire) name for the subject.
    scope: { kind: subject.kind, label: subject.label },
    period,
    ...dashboardFigures(items, months, today, addDays(today, 7)),
    generated_at: now.toISOString(),
  };
};

export const trends = async (actor: Actor, query: Query, now: Date) => {
  const subject = await reportSubject(actor, query);
  const { months, years, period } = reportPeriod(query.months, now);
  const items = await readFigures(subject.subject, years);
  return {
    scope: { kind: subject.kind, label: subject.label },
    period,
    months: months.map((m) => monthFigures(items, m)),
  };
};

const summaryOf = (items: FigureItems, months: string[], today: string) => {
  const figures = dashboardFigures(items, months, today, addDays(today, 7));
  return {
    planned: figures.visits.planned,
    completed: figures.visits.completed,
    verified: figures.visits.verified,
    off_site_completions: figures.visits.off_site_completions,
    median_days_submit_to_approve: figures.timeliness.median_days_submit_to_approve,
    follow_ups_open: figures.follow_ups.open_now,
    follow_ups_overdue: figures.follow_ups.overdue_now,
    facilities_visited: figures.coverage.facilities_visited,
    facilities_assigned: figures.coverage.facilities_assigned,
  };
};

/** Mentors in scope: all (admins), those sharing a facility (supervisors), yourself (mentors). */
const mentorsInScope = async (actor: Actor) => {
  if (actor.role === 'mentor') return [actor.profile];
  if (actor.role === 'admin') {
    const all = [];
    let cursor: string | undefined;
    do {
      const page = await listUsers({ role: 'mentor' }, 100, cursor);
      all.push(...page.items);
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
    return all;
  }
  const facilityIds = (await assignmentsOfUser(actor.id)).map((a) => a.facility_id);
  const coverers = (await Promise.all(facilityIds.map(assignmentsOfFacility))).flat().map((a) => a.user_id);
  return (await getUsers(coverers)).filter((u) => u.role === 'mentor');
};

export const mentorSummary = async (actor: Actor, query: Query, now: Date) => {
  const { today, months, years, period } = reportPeriod(query.months, now);
  const mentors = (await mentorsInScope(actor)).sort((a, b) => a.name.localeCompare(b.name));
  const figures = await readFiguresOfMany(
    mentors.map((m) => subjects.mentor(m.id)),
    years,
  );
  const items: MentorSummaryRow[] = mentors.map((m) => ({
    mentor_id: m.id,
    mentor_name: m.name,
    ...summaryOf(figures.get(subjects.mentor(m.id)) as FigureItems, months, today),
  }));
  return { period, items };
};

export const facilitySummary = async (
  actor: Actor,
  query: Query & { limit: number; cursor?: string },
  now: Date,
) => {
  const { today, months, years, period } = reportPeriod(query.months, now);
  let facilities: Facility[];
  let next_cursor: string | null = null;
  if (actor.role === 'admin') {
    const page = await listFacilities({ state: query.state }, query.limit, query.cursor);
    facilities = page.items;
    next_cursor = page.next_cursor;
  } else {
    const ids = (await assignmentsOfUser(actor.id)).map((a) => a.facility_id);
    facilities = (await getFacilities(ids))
      .filter((f) => !f.deleted_at)
      .sort((a, b) => a.name.localeCompare(b.name));
  }
  const figures = await readFiguresOfMany(
    facilities.map((f) => subjects.facility(f.id)),
    years,
  );
  const items: FacilitySummaryRow[] = facilities.map((f) => {
    const { facilities_assigned: _one, ...row } = summaryOf(
      figures.get(subjects.facility(f.id)) as FigureItems,
      months,
      today,
    );
    return {
      facility_id: f.id,
      name: f.name,
      code: f.code,
      state: f.state,
      facility_type: f.facility_type,
      ...row,
    };
  });
  return { period, items, next_cursor };
};

/** A facility's monthly figures, open follow-ups and the timeline of its latest visits. */
export const facilityPerformance = async (actor: Actor, facilityId: string, months: number, now: Date) => {
  await assertFacilityInScope(actor, facilityId);
  const facility = await getFacility(facilityId);
  if (!facility) throw notFound('Facility');
  const { today, months: list, years, period } = reportPeriod(months, now);
  const items = await readFigures(subjects.facility(facilityId), years);
  const figures = dashboardFigures(items, list, today, addDays(today, 7));
  const visits = await queryPage({
    index: logIndexes.byFacility,
    partition: partitions.logsByFacility(facilityId),
    ascending: false,
    limit: 20,
  });
  return {
    facility_id: facility.id,
    name: facility.name,
    period,
    months: list.map((m) => monthFigures(items, m)),
    follow_ups: {
      open_now: figures.follow_ups.open_now,
      overdue_now: figures.follow_ups.overdue_now,
      due_this_week: figures.follow_ups.due_this_week,
    },
    visits: visits.items.map(toSummary),
  };
};
