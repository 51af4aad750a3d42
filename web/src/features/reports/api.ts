import type { FacilitySummaryRow } from '@dml/shared/api/reports';
import { reportRoutes } from '@dml/shared/routes/reports';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/ApiProvider.tsx';
import { usePagedQuery } from '../../api/usePagedQuery.ts';
import { reportKeys } from './keys.ts';

/** The period a report covers (the API's `months`) and at most one narrowing filter. */
export type ReportFilters = { months: number; facility_id?: string; state?: string; mentor_id?: string };

export const PERIODS = [1, 3, 6, 12] as const;
/** What the dashboard and the home page show before anyone picks a period. */
export const DEFAULT_MONTHS = 3;

/** Figures are pre-aggregated and change only as people act: a minute old is fresh enough. */
const FRESH_MS = 60_000;

export const useDashboard = (filters: ReportFilters, { enabled = true } = {}) => {
  const api = useApi();
  return useQuery({
    queryKey: reportKeys.dashboard(filters),
    queryFn: ({ signal }) => api.request(reportRoutes.dashboard, { query: filters, signal }),
    staleTime: FRESH_MS,
    // Another period or filter: the last figures stay (marked busy) instead of a flash of skeletons.
    placeholderData: keepPreviousData,
    enabled,
  });
};

export const useTrends = (filters: ReportFilters, { enabled = true } = {}) => {
  const api = useApi();
  return useQuery({
    queryKey: reportKeys.trends(filters),
    queryFn: ({ signal }) => api.request(reportRoutes.trends, { query: filters, signal }),
    staleTime: FRESH_MS,
    placeholderData: keepPreviousData,
    enabled,
  });
};

export const useMentorSummary = (months: number, { enabled = true } = {}) => {
  const api = useApi();
  return useQuery({
    queryKey: reportKeys.mentorSummary(months),
    queryFn: ({ signal }) => api.request(reportRoutes.mentorSummary, { query: { months }, signal }),
    staleTime: FRESH_MS,
    enabled,
  });
};

/** Facilities in scope with their figures, 25 a page (admins may narrow to a state). */
export const useFacilitySummary = (query: { months: number; state?: string }, { enabled = true } = {}) => {
  const api = useApi();
  return usePagedQuery<FacilitySummaryRow>(
    reportKeys.facilitySummary(query),
    (cursor, signal) =>
      api.request(reportRoutes.facilitySummary, { query: { ...query, limit: 25, cursor }, signal }),
    { enabled },
  );
};

export const useFacilityPerformance = (id: string, months: number) => {
  const api = useApi();
  return useQuery({
    queryKey: reportKeys.facilityPerformance(id, months),
    queryFn: ({ signal }) =>
      api.request(reportRoutes.facilityPerformance, { params: { id }, query: { months }, signal }),
    staleTime: FRESH_MS,
  });
};
