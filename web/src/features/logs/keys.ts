/** React Query keys of the logs feature (no schemas here: the breadcrumb imports this eagerly). */
export const logKeys = {
  all: ['logs'] as const,
  lists: ['logs', 'list'] as const,
  list: (query: object) => ['logs', 'list', query] as const,
  detail: (id: string) => ['logs', 'detail', id] as const,
  carryOver: (facilityId: string) => ['logs', 'carry-over', facilityId] as const,
};
