/** React Query keys of the reports feature. */
export const reportKeys = {
  all: ['reports'] as const,
  dashboard: (query: object) => ['reports', 'dashboard', query] as const,
  trends: (query: object) => ['reports', 'trends', query] as const,
  mentorSummary: (months: number) => ['reports', 'mentor-summary', months] as const,
  facilitySummary: (query: object) => ['reports', 'facility-summary', query] as const,
  facilityPerformance: (id: string, months: number) => ['reports', 'facility', id, months] as const,
};
