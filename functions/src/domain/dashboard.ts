/** A figure item as stored: attribute → count (storage attributes already stripped). */
export type FigureItem = Record<string, number>;
export type FigureItems = { years: Map<string, FigureItem>; current: FigureItem };

/** The months of a period, oldest first, as "YYYY-MM". */
export const monthsBetween = (from: string, to: string): string[] => {
  const months: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return months;
};

/** The last `count` months up to and including the month of `today` (YYYY-MM-DD). */
export const lastMonths = (today: string, count: number) => {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const start = new Date(Date.UTC(y, m - 1 - (count - 1), 1));
  return { from: start.toISOString().slice(0, 7), to: today.slice(0, 7) };
};

export const yearsOf = (months: readonly string[]) => [...new Set(months.map((m) => m.slice(0, 4)))];

const value = (items: FigureItems, month: string, name: string) =>
  items.years.get(month.slice(0, 4))?.[`${month.slice(5, 7)}|${name}`] ?? 0;

/** Exact median of whole-day counts kept as a histogram (`<MM>|<name>|<days>` → how many). */
export const histogramMedian = (
  items: FigureItems,
  months: readonly string[],
  name: string,
): number | null => {
  const counts = new Map<number, number>();
  for (const month of months) {
    const item = items.years.get(month.slice(0, 4)) ?? {};
    const prefix = `${month.slice(5, 7)}|${name}|`;
    for (const [attr, n] of Object.entries(item)) {
      if (attr.startsWith(prefix) && n > 0)
        counts.set(
          Number(attr.slice(prefix.length)),
          (counts.get(Number(attr.slice(prefix.length))) ?? 0) + n,
        );
    }
  }
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const sorted = [...counts.entries()].sort((a, b) => a[0] - b[0]);
  const at = (rank: number) => {
    let seen = 0;
    for (const [days, n] of sorted) {
      seen += n;
      if (seen > rank) return days;
    }
    return sorted.at(-1)?.[0] ?? 0;
  };
  return total % 2 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
};

const sum = (items: FigureItems, months: readonly string[], name: string) =>
  months.reduce((n, m) => n + value(items, m, name), 0);
const rate = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);

/** Facilities with at least one completed visit in the period (distinct across its months). */
export const facilitiesVisited = (items: FigureItems, months: readonly string[]) => {
  const visited = new Set<string>();
  for (const month of months) {
    const item = items.years.get(month.slice(0, 4)) ?? {};
    const suffix = `|${month.slice(5, 7)}`;
    for (const [attr, n] of Object.entries(item)) {
      if (attr.startsWith('v|') && attr.endsWith(suffix) && n > 0) visited.add(attr.slice(2, -suffix.length));
    }
  }
  return visited.size;
};

/** Open follow-ups by due date: overdue (before today) and due within the next 7 days. */
export const openFollowUps = (current: FigureItem, today: string, soonUntil: string) => {
  let overdue = 0;
  let dueSoon = 0;
  let open = 0;
  for (const [attr, n] of Object.entries(current)) {
    if (!attr.startsWith('open_due|') || n <= 0) continue;
    const due = attr.slice('open_due|'.length);
    open += n;
    if (due < today) overdue += n;
    else if (due <= soonUntil) dueSoon += n;
  }
  return { open, overdue, dueSoon };
};

export const monthFigures = (items: FigureItems, month: string) => ({
  month,
  planned: value(items, month, 'planned'),
  approved: value(items, month, 'approved'),
  completed: value(items, month, 'completed'),
  verified: value(items, month, 'verified'),
  off_site: value(items, month, 'off_site'),
  follow_ups_opened: value(items, month, 'fu_opened'),
  follow_ups_closed: value(items, month, 'fu_closed'),
  follow_ups_closed_on_time: value(items, month, 'fu_closed_on_time'),
});

/** The dashboard's figures for a period, from at most five items. */
export const dashboardFigures = (
  items: FigureItems,
  months: readonly string[],
  today: string,
  soonUntil: string,
) => {
  const completed = sum(items, months, 'completed');
  const closed = sum(items, months, 'fu_closed');
  const closedOnTime = sum(items, months, 'fu_closed_on_time');
  const assigned = items.current.facilities ?? 0;
  const visited = facilitiesVisited(items, months);
  const open = openFollowUps(items.current, today, soonUntil);
  return {
    visits: {
      planned: sum(items, months, 'planned'),
      approved: sum(items, months, 'approved'),
      completed,
      verified: sum(items, months, 'verified'),
      off_site_completions: sum(items, months, 'off_site'),
    },
    timeliness: {
      median_days_submit_to_approve: histogramMedian(items, months, 'approve_days'),
      median_days_visit_to_verify: histogramMedian(items, months, 'verify_days'),
    },
    follow_ups: {
      opened: sum(items, months, 'fu_opened'),
      closed,
      closed_on_time: closedOnTime,
      closed_on_time_rate: rate(closedOnTime, closed),
      open_now: open.open,
      overdue_now: open.overdue,
      due_this_week: open.dueSoon,
    },
    coverage: {
      facilities_assigned: assigned,
      facilities_visited: visited,
      coverage_rate: rate(visited, assigned),
    },
  };
};
