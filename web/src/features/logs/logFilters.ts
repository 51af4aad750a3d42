import { ListLogsQuery } from '@dml/shared/api/logs';
import type { LogFilters } from './api.ts';
import type { ExportFilters } from './exports.ts';

export const FILTER_KEYS = ['view', 'facility', 'mentor', 'status', 'from', 'to', 'q', 'sort'] as const;
export type FilterValues = Record<(typeof FILTER_KEYS)[number], string>;

/** The URL's filter values under the API's names (blank ones left out). */
const candidate = (values: FilterValues, canSeeDeleted: boolean) => ({
  facility_id: values.facility || undefined,
  mentor_id: values.mentor || undefined,
  status: values.status || undefined,
  from: values.from || undefined,
  to: values.to || undefined,
  q: values.q.trim() || undefined,
  sort: values.sort || undefined,
  deleted: canSeeDeleted && values.view === 'deleted' ? 'true' : undefined,
});
type Candidate = ReturnType<typeof candidate>;

/**
 * The URL's filters checked with the API's own query schema: each value on its own (a value the API
 * would refuse is left out, or said under its field), then the whole (the date range's order).
 */
const check = (values: FilterValues, canSeeDeleted: boolean) => {
  const all = candidate(values, canSeeDeleted);
  const shape = ListLogsQuery.shape;
  const valid: Partial<Candidate> = {};
  let shortSearch: number | undefined;
  for (const key of Object.keys(all) as (keyof Candidate)[]) {
    const value = all[key];
    if (value === undefined) continue;
    const result = shape[key].safeParse(value);
    if (result.success) Object.assign(valid, { [key]: value });
    const tooShort = result.error?.issues.find((issue) => issue.code === 'too_small');
    if (key === 'q' && tooShort) shortSearch = Number(tooShort.minimum);
  }
  const whole = ListLogsQuery.safeParse(valid);
  const rangeReversed = Boolean(whole.error?.issues.some((issue) => issue.path[0] === 'from'));
  return { valid, shortSearch, rangeReversed };
};

/** Problems that would make the API refuse the filters: shown under the field, and nothing is sent. */
export const filterProblems = (values: FilterValues) => {
  const { shortSearch, rangeReversed } = check(values, false);
  const problems: Partial<Record<'to' | 'q', string>> = {};
  if (rangeReversed) problems.to = 'The end date must not be before the start date';
  if (shortSearch !== undefined) problems.q = `Type at least ${shortSearch} characters`;
  return problems;
};

/** The URL's filter values as the API's query (unknown or unfinished values are left out). */
export const toLogQuery = (values: FilterValues, { canSeeDeleted = false } = {}): LogFilters => {
  const { valid } = check(values, canSeeDeleted);
  return { ...valid, sort: valid.sort === 'visit_date' ? 'visit_date' : '-visit_date' } as LogFilters;
};

/** The list's filters that the Excel export understands (it takes no search words, sort or deleted view). */
export const toExportQuery = (query: LogFilters): ExportFilters => ({
  from: query.from,
  to: query.to,
  facility_id: query.facility_id,
  mentor_id: query.mentor_id,
  status: query.status,
});
