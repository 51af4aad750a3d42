const short = new Intl.DateTimeFormat(undefined, { month: 'short', timeZone: 'UTC' });
const long = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' });
const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

const toDate = (month: string) => new Date(`${month.slice(0, 7)}-01T00:00:00Z`);

/** "2026-03" → "Mar" (a chart tick). */
export const monthLabel = (month: string) => {
  const date = toDate(month);
  return Number.isNaN(date.getTime()) ? month : short.format(date);
};

/** "2026-03" → "March 2026" (a tooltip, a table row). */
export const monthTitle = (month: string) => {
  const date = toDate(month);
  return Number.isNaN(date.getTime()) ? month : long.format(date);
};

/** A report's period, "1 Jan 2026 – 31 Mar 2026" (calendar dates, shown as they are). */
export const periodText = (period: { from: string; to: string }) => {
  const from = new Date(`${period.from}T00:00:00Z`);
  const to = new Date(`${period.to}T00:00:00Z`);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) return `${period.from} – ${period.to}`;
  return `${day.format(from)} – ${day.format(to)}`;
};
